package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every numeric option has a documented range; a value outside it is a usage error naming it. */
class OptionRangesTest {

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "classify | --threads      | 0",
        "classify | --threads      | 65",
        "classify | --threads      | 5000",
        "classify | --threads      | 536870912",
        "classify | --threads      | 2147483647",
        "classify | --top          | 0",
        "classify | --top          | -3",
        "classify | --min-score    | NaN",
        "classify | --min-score    | -5",
        "classify | --min-score    | Infinity",
        "classify | --min-score    | 2",
        "classify | --min-score    | 1.0000001",
        "dedupe   | --threshold    | 0",
        "dedupe   | --threshold    | 1.5",
        "dedupe   | --threshold    | NaN",
        "parse    | --date-pattern | ''",
        "parse    | --date-pattern | ' '",
        "train    | --threads      | 0",
        "train    | --threads      | 5000",
        "train    | --iterations   | 0",
        "train    | --cutoff       | 0",
        "train    | --regularization | -1",
        "train    | --regularization | NaN",
        "train    | --title-weight | Infinity",
        "train    | --ngrams       | 0-2",
        "train    | --ngrams       | 2-1",
        "train    | --ngrams       | 1-9",
        "train    | --ngrams       | two",
        "train    | --cv           | 1",
        "train    | --cv           | 0",
        "train    | --cv           | 1000",
      })
  void outOfRangeIsAUsageErrorNamingTheOption(
      String command, String option, String value, @TempDir Path dir) {
    Path model = dir.resolve("m.bin");
    Cli.Result r =
        command.equals("train")
            ? Cli.run(command, "--out", model.toString(), option, value, Cli.LABELED.toString())
            : Cli.run(command, option, value, Cli.LABELED.toString());

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    // --cv is checked by the library's cross-validation, which runs after training
    String error = option.equals("--cv") ? r.errLines().get(r.errLines().size() - 2) : r.errLines().get(0);
    assertThat(error).startsWith("Invalid value for option '" + option + "': ");
    assertThat(r.err()).doesNotContain("Exception", "\tat ");
    assertThat(r.out()).isEmpty();
    assertThat(Files.exists(model)).isFalse();
  }

  @Test
  void theMessagesSayTheRange() {
    assertThat(Cli.run("classify", "--threads", "5000", "x").errLines().get(0))
        .isEqualTo("Invalid value for option '--threads': must be from 1 to 64, was 5000");
    assertThat(Cli.run("classify", "--min-score", "NaN", "x").errLines().get(0))
        .isEqualTo("Invalid value for option '--min-score': must be a number from 0 to 1, was NaN");
    assertThat(Cli.run("classify", "--top", "0", "x").errLines().get(0))
        .isEqualTo("Invalid value for option '--top': must be at least 1, was 0");
    // the library's own reason, named by the option
    assertThat(Cli.run("dedupe", "--threshold", "1.5", "x").errLines().get(0))
        .isEqualTo("Invalid value for option '--threshold': threshold must be in (0, 1]: 1.5");
  }

  @Test
  void theEdgesOfTheRangesAreAccepted() {
    String seeds = Cli.LABELED.toString();
    assertThat(Cli.run("classify", "--threads", "64", "--min-score", "1", seeds).exitCode())
        .isZero();
    assertThat(Cli.run("classify", "--threads", "1", "--min-score", "0", seeds).exitCode())
        .isZero();
    assertThat(Cli.run("dedupe", "--threshold", "1", seeds).exitCode()).isZero();
  }

  @Test
  void everyNumericOptionStatesItsRangeInHelp() {
    assertThat(Cli.run("classify", "--help").out())
        .contains("from 1 to 64", "a number from 0 to 1", "at least 1");
    assertThat(Cli.run("dedupe", "--help").out()).contains("above 0, at most 1");
    String train = Cli.run("train", "--help").out().replaceAll("\\s+", " ");
    assertThat(train)
        .contains("from 1 to 64", "K from 2 to", "N at least 1", "1 <= MIN <= MAX <= 3");
  }
}
