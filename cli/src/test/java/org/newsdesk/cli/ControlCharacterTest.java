package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Control characters in the data must not reach a terminal raw: the table and standard-error
 * messages show them escaped, while JSON Lines (JSON escaping) and CSV (raw data) stay exact.
 */
class ControlCharacterTest {
  private static final String TITLE =
      "Red \u001B[31malert\u001B[0m, C1 \u009B2J, bell\u0007, del\u007F";
  private static final String SHOWN =
      "Red \\u001B[31malert\\u001B[0m, C1 \\u009B2J, bell\\u0007, del\\u007F";
  private static final String DIGEST = TITLE + "\n\n" + TITLE + "\n\nThe body.\n";

  private static boolean hasControl(String s) {
    // Line breaks end lines; every other control character is a finding.
    return s.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n');
  }

  @Test
  void messagesEscapeC0AndC1ControlsAndShowTabsAsSpaces() {
    assertThat(Messages.escape("a\u001B[31mb\u0085c\td\u007F\u0000\r\n✓ é"))
        .isEqualTo("a\\u001B[31mb\\u0085c d\\u007F\\u0000\\u000D\\u000A✓ é");
    assertThat(Messages.escape("plain text, 100% ok \\ slash"))
        .isEqualTo("plain text, 100% ok \\ slash");
  }

  @Test
  void tableShowsControlCharactersEscaped() {
    Cli.Result r = Cli.runWithStdin(DIGEST, "parse", "-");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.outLines()).hasSize(2);
    assertThat(r.outLines().get(1)).endsWith(SHOWN);
    assertThat(hasControl(r.out())).as(r.out()).isFalse();
  }

  @Test
  void tabsInTableCellsBecomeSpacesSoColumnsStayAligned() {
    String title = "Tab\there";
    Cli.Result r = Cli.runWithStdin(title + "\n\n" + title + "\n\nBody.\n", "parse", "-");

    assertThat(r.outLines().get(1)).endsWith("Tab here");
    assertThat(r.out()).doesNotContain("\t");
  }

  @Test
  void jsonLinesAndCsvKeepTheExactData() throws IOException {
    Cli.Result jsonl = Cli.runWithStdin(DIGEST, "parse", "--format", "jsonl", "-");
    Cli.Result csv = Cli.runWithStdin(DIGEST, "parse", "--format", "csv", "-");

    // JSON escapes C0 controls itself; the value reads back exactly.
    assertThat(jsonl.out()).doesNotContain("\u001B").contains("\\u001B[31malert");
    assertThat(ParseCommandTest.jsonLines(jsonl.out()).get(0).get("title").asText())
        .isEqualTo(TITLE);
    // CSV is data for programs: raw, not escaped.
    assertThat(csv.outLines().get(1)).contains(TITLE).doesNotContain("\\u001B");
  }

  @Test
  void diagnosticsShowControlCharactersEscaped() {
    String text = "Title \u001B[2J\n\nOther \u009B\n\nBody.\n";
    Cli.Result r = Cli.runWithStdin(text, "parse", "-");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.errLines().size()).isGreaterThan(1);
    assertThat(r.err()).contains("\\u001B[2J").contains("\\u009B");
    // the library escapes quoted text already; the CLI must not escape its backslashes again
    assertThat(r.err()).doesNotContain("\\\\");
    assertThat(hasControl(r.err())).as(r.err()).isFalse();
  }

  @Test
  void errorsAboutFilesShowControlCharactersInTheNameEscaped(@TempDir Path dir) {
    Path missing = dir.resolve("evil\u001B[31m.txt");
    Cli.Result r = Cli.run("parse", missing.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines())
        .containsExactly(dir + "/evil\\u001B[31m.txt: no such file or directory");
  }

  @Test
  void bidirectionalControlsAndLineSeparatorsAreEscapedToo() {
    assertThat(Messages.escape("a\u202Eb\u2066c\u2028d\u200Fe\u061Cf"))
        .isEqualTo("a\\u202Eb\\u2066c\\u2028d\\u200Fe\\u061Cf");
  }
}
