package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  private final StringWriter err = new StringWriter();

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
    ProgressBar bar = new ProgressBar(new PrintWriter(err), true, "training");
    for (int i = 1; i <= 2; i++) {
      bar.update(i, 4, "loss " + i);
    }
    bar.done("early");

    String s = err.toString();
    assertThat(s.split("\r", -1)).hasSize(4); // two redraws and the final one
    assertThat(s).contains("\rtraining [#######.......................]  25% 1/4 loss 1");
    assertThat(s).contains("\rtraining [###############...............]  50% 2/4 loss 2");
    assertThat(s)
        .endsWith(
            "\rtraining [##############################] done early"
                + " ".repeat(20)
                + System.lineSeparator());
  }

  @Test
  void terminalModeSkipsRedrawsThatWouldNotChangeThePercentage() {
    ProgressBar bar = new ProgressBar(new PrintWriter(err), true, "x");
    for (int i = 0; i <= 10_000; i++) {
      bar.update(i, 10_000, "");
    }
    assertThat(err.toString().split("\r", -1)).hasSize(102); // 0..100 percent
  }

  @Test
  void terminalsAreRecognisedByTheirDevice() {
    assertThat(ProgressBar.isTerminalDevice("/dev/pts/3")).isTrue();
    assertThat(ProgressBar.isTerminalDevice("/dev/tty1")).isTrue();
    assertThat(ProgressBar.isTerminalDevice("pipe:[123456]")).isFalse();
    assertThat(ProgressBar.isTerminalDevice("/tmp/train.log")).isFalse();
    // Tests run with stderr captured by the build, never on a terminal.
    assertThat(ProgressBar.stderrIsTerminal()).isFalse();
  }
}
