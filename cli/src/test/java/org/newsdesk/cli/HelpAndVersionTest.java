package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
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

  @Test
  void theCommandListGivesEachCommandAOneLineSummary() {
    List<String> lines = Cli.run("--help").outLines();
    List<String> commands = lines.subList(lines.indexOf("Commands:") + 1, lines.size());

    assertThat(commands)
        .extracting(l -> l.trim().split(" ")[0])
        .containsExactly(
            "parse", "classify", "train", "evaluate", "dedupe", "info", "generate-completion",
            "help");
    // each summary is one whole sentence on one line: no continuation lines, nothing cut
    assertThat(commands).allSatisfy(l -> assertThat(l).matches("  [a-z-]+ +[A-Z][^.]*\\.").hasSizeLessThan(80));
  }

  @Test
  void trainHelpShowsEveryOptionsDefault() {
    String help = Cli.run("train", "--help").out();
    List<String> blocks = List.of(help.substring(help.indexOf("\n      PATH")).split("\n(?= {2,6}-)"));
    List<String> options =
        blocks.stream()
            .map(String::strip)
            .filter(b -> b.startsWith("--") && !b.startsWith("--out="))
            .toList();

    assertThat(options).hasSizeGreaterThan(12);
    assertThat(options).allSatisfy(b -> assertThat(b).contains("Default:"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "parse", "classify", "train", "evaluate", "dedupe", "info"})
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
  @ValueSource(strings = {"parse", "classify", "train", "evaluate", "dedupe", "info"})
  void helpSubcommandShowsTheSameUsage(String command) {
    assertThat(Cli.run("help", command).out()).isEqualTo(Cli.run(command, "--help").out());
  }

  @Test
  void aUsageErrorIsTheErrorAndOneLinePointingAtHelp() {
    Cli.Result r = Cli.run("classify", "--top", "x", "in.txt");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.errLines())
        .containsExactly(
            "Invalid value for option '--top': 'x' is not an int",
            "Try 'newsdesk classify --help' for more information.");
    assertThat(r.out()).isEmpty();
    assertThat(Cli.run().errLines())
        .containsExactly(
            "Missing required subcommand", "Try 'newsdesk --help' for more information.");
  }

  @Test
  void aMistypedOptionGetsASuggestion() {
    assertThat(Cli.run("parse", "--formt", "jsonl", "in.txt").errLines())
        .containsExactly(
            "Unknown option: '--formt'",
            "Possible solutions: --format",
            "Try 'newsdesk parse --help' for more information.");
  }

  @Test
  void shellCompletionIsPicocliGenerated() {
    Cli.Result r = Cli.run("generate-completion");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("#!/usr/bin/env bash").contains("complete -F", "newsdesk");
    assertThat(r.out()).contains("classify", "--min-score", "--input");
  }
}
