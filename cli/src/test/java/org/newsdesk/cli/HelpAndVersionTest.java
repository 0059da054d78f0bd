package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpAndVersionTest {

  private static String projectVersion() throws IOException {
    Properties p = new Properties();
    try (InputStream in = NewsdeskCli.class.getResourceAsStream("version.properties")) {
      p.load(in);
    }
    return p.getProperty("version");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "parse", "classify", "train", "evaluate", "dedupe"})
  void everyCommandHasHelp(String command) {
    Cli.Result r = command.isEmpty() ? Cli.run("--help") : Cli.run(command, "--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("Usage: newsdesk" + (command.isEmpty() ? "" : " " + command));
    assertThat(r.out()).contains("--help", "--version");
    assertThat(r.err()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "parse", "classify", "train", "evaluate", "dedupe"})
  void everyCommandHasVersion(String command) throws IOException {
    Cli.Result r = command.isEmpty() ? Cli.run("--version") : Cli.run(command, "--version");

    assertThat(r.exitCode()).isZero();
    assertThat(projectVersion()).matches("\\d+\\.\\d+\\.\\d+.*"); // filtered at build time
    assertThat(r.outLines().get(0)).isEqualTo("newsdesk " + projectVersion());
  }

  @ParameterizedTest
  @ValueSource(strings = {"parse", "classify", "train", "evaluate", "dedupe"})
  void helpSubcommandShowsTheSameUsage(String command) {
    assertThat(Cli.run("help", command).out()).isEqualTo(Cli.run(command, "--help").out());
  }
}
