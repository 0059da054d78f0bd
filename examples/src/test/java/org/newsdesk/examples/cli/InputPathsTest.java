package org.newsdesk.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How PATH arguments are checked. */
class InputPathsTest {
  private static final String DIGEST = "A title\n\nA title\n\nA body.\n";

  @Test
  void standardInputNamedTwiceIsAUsageError() {
    Cli.Result r = Cli.runWithStdin(DIGEST, "parse", "-", "-");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.errLines().get(0))
        .isEqualTo("Standard input (-) can be read only once, but was named 2 times");
    assertThat(r.err()).doesNotContain("Stream closed");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void standardInputNamedTwiceAmongFilesIsAUsageErrorOnEveryCommand() {
    String file = Cli.SAMPLES.resolve("003_95692ade1897c29a.txt").toString();
    for (String command : new String[] {"parse", "classify", "dedupe", "evaluate"}) {
      Cli.Result r = Cli.runWithStdin(DIGEST, command, "-", file, "-");

      assertThat(r.exitCode()).as("%s: %s", command, r).isEqualTo(2);
      assertThat(r.err()).as(command).contains("Standard input (-) can be read only once");
      assertThat(r.out()).as(command).isEmpty();
    }
  }

  @Test
  void standardInputNamedOnceStillWorks() {
    Cli.Result r = Cli.runWithStdin(DIGEST, "parse", "-");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.summary()).isEqualTo("1 article, 0 diagnostics");
  }
}
