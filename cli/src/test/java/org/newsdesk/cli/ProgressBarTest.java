package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProgressBarTest {
  private final StringWriter err = new StringWriter();

  /**
   * What a terminal shows after the output: {@code \r} returns to the line's start, characters
   * overwrite what is there, a line break starts a new line. Fails if a line would wrap.
   */
  static List<String> screen(String output, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int cursor = 0;
    for (char c : output.toCharArray()) {
      if (c == '\r') {
        cursor = 0;
      } else if (c == '\n') {
        lines.add(line.toString().stripTrailing());
        line.setLength(0);
        cursor = 0;
      } else {
        assertThat(cursor).as("column of %s in %s", c, output).isLessThan(width - 1);
        if (cursor < line.length()) {
          line.setCharAt(cursor, c);
        } else {
          line.append(c);
        }
        cursor++;
      }
    }
    if (line.length() > 0) {
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }

  @Test
  void plainModePrintsOneLinePerTenPercent() {
    ProgressBar bar = new ProgressBar(new PrintWriter(err), false, "training");
    for (int i = 0; i <= 200; i++) {
      bar.update(i, 200, "");
    }
    bar.done("after 200 iterations");

    assertThat(err.toString().lines().toList())
        .hasSize(12)
        .startsWith("training: 0% (0/200)", "training: 10% (20/200)")
        .endsWith("training: 100% (200/200)", "training: done after 200 iterations");
    assertThat(err.toString()).doesNotContain("\r");
  }

  @Test
  void terminalModeRedrawsOneLineInPlace() {
    ProgressBar bar = new ProgressBar(new PrintWriter(err), true, 80, "training");
    for (int i = 1; i <= 2; i++) {
      bar.update(i, 4, "loss " + i);
    }
    bar.done("early");

    String s = err.toString();
    assertThat(s.split("\r", -1)).hasSize(4); // two redraws and the final one
    assertThat(s).contains("\rtraining [#######.......................]  25% 1/4 loss 1");
    assertThat(s).contains("\rtraining [###############...............]  50% 2/4 loss 2");
    assertThat(screen(s, 80))
        .containsExactly("training [##############################] done early");
  }

  /** A shorter detail used to leave the last digit of the longer one: -313.6 showed as -313.67. */
  @Test
  void aShorterRedrawLeavesNoStaleCharacters() {
    ProgressBar bar = new ProgressBar(new PrintWriter(err), true, 80, "training");
    bar.update(10, 100, "log-likelihood -1313.67");
    bar.update(11, 100, "log-likelihood -313.6");

    assertThat(screen(err.toString(), 80))
        .containsExactly(
            "training [###...........................]  11% 11/100 log-likelihood -313.6");
  }

  @ParameterizedTest
  @ValueSource(ints = {20, 30, 40, 50, 60, 80, 120})
  void everyRedrawFitsTheTerminalAndNeverWraps(int width) {
    ProgressBar bar = new ProgressBar(new PrintWriter(err), true, width, "training");
    for (int i = 0; i <= 100; i++) {
      bar.update(i, 100, String.format("log-likelihood %.1f", -1000.0 / (i + 1)));
    }
    bar.done("after 100 iterations");

    List<String> shown = screen(err.toString(), width); // asserts that no line wraps
    assertThat(shown).hasSize(1);
    assertThat(shown.get(0)).startsWith("training");
    for (String redraw : err.toString().split("\r")) {
      assertThat(redraw.stripTrailing().length()).isLessThan(width);
    }
  }

  @Test
  void aNarrowTerminalDropsTheBarBeforeTheFigures() {
    ProgressBar bar = new ProgressBar(new PrintWriter(err), true, 40, "training");
    bar.update(50, 100, "log-likelihood -313.6");

    assertThat(screen(err.toString(), 40)).containsExactly("training  50% 50/100 log-likelihood -3…");
  }

  @Test
  void statusLinesShowOnATerminalOnly() {
    ProgressBar onTerminal = new ProgressBar(new PrintWriter(err), true, 80, "training");
    onTerminal.status("reading: 1000 examples");
    StringWriter plain = new StringWriter();
    new ProgressBar(new PrintWriter(plain), false, "training").status("reading: 1000 examples");

    assertThat(screen(err.toString(), 80)).containsExactly("training reading: 1000 examples");
    assertThat(plain.toString()).isEmpty();
  }

  @Test
  void terminalModeSkipsRedrawsThatWouldNotChangeThePercentage() {
    ProgressBar bar = new ProgressBar(new PrintWriter(err), true, 80, "x");
    for (int i = 0; i <= 10_000; i++) {
      bar.update(i, 10_000, "");
    }
    assertThat(err.toString().split("\r", -1)).hasSize(102); // 0..100 percent
  }

  @Test
  void terminalsAreRecognisedByTheirDevice() {
    assertThat(Terminal.isTerminalDevice("/dev/pts/3")).isTrue();
    assertThat(Terminal.isTerminalDevice("/dev/tty1")).isTrue();
    assertThat(Terminal.isTerminalDevice("pipe:[123456]")).isFalse();
    assertThat(Terminal.isTerminalDevice("/tmp/train.log")).isFalse();
    // Tests run with stderr captured by the build, never on a terminal.
    assertThat(Terminal.stderrIsTerminal()).isFalse();
  }

  @Test
  void columnsAreReadOnlyWhenTheyMakeSense() {
    assertThat(Terminal.parseColumns("132")).isEqualTo(132);
    assertThat(Terminal.parseColumns("0")).isNull();
    assertThat(Terminal.parseColumns("wide")).isNull();
    assertThat(Terminal.parseColumns(null)).isNull();
    assertThat(Terminal.parseColumns("99999999999")).isNull();
  }
}
