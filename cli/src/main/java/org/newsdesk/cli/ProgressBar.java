package org.newsdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.lang3.StringUtils;

/**
 * Progress on standard error: a bar redrawn in place on a terminal, or a plain line every 10% when
 * the output is a file or pipe (so logs stay readable).
 */
final class ProgressBar {
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final boolean terminal;
  private final String label;
  private int lastPercent = -1;

  ProgressBar(PrintWriter err, boolean terminal, String label) {
    this.err = err;
    this.terminal = terminal;
    this.label = label;
  }

  /**
   * Whether standard error is an interactive terminal. Java 17 cannot ask about stderr directly
   * ({@code System.console()} describes stdin and stdout), so on Linux look at what file descriptor
   * 2 points to; elsewhere fall back to the console.
   */
  static boolean stderrIsTerminal() {
    Path fd2 = Path.of("/proc/self/fd/2");
    try {
      if (Files.isSymbolicLink(fd2)) {
        return isTerminalDevice(Files.readSymbolicLink(fd2).toString());
      }
    } catch (IOException | SecurityException e) {
      // fall through to the console check
    }
    return System.console() != null;
  }

  static boolean isTerminalDevice(String path) {
    return path.startsWith("/dev/pts/") || path.startsWith("/dev/tty");
  }

  /** Reports {@code done} of {@code total} steps; {@code detail} follows the figures. */
  void update(long done, long total, String detail) {
    int percent = total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
    if (terminal) {
      if (percent == lastPercent && done < total) {
        return;
      }
      int filled = percent * WIDTH / 100;
      err.print(
          "\r"
              + label
              + " ["
              + StringUtils.repeat('#', filled)
              + StringUtils.repeat('.', WIDTH - filled)
              + "] "
              + StringUtils.leftPad(percent + "%", 4)
              + " "
              + done
              + "/"
              + total
              + (detail.isEmpty() ? "" : " " + detail));
      err.flush();
    } else if (percent / 10 != Math.floorDiv(lastPercent, 10)) {
      err.println(
          label
              + ": "
              + percent
              + "% ("
              + done
              + "/"
              + total
              + ")"
              + (detail.isEmpty() ? "" : " " + detail));
    }
    lastPercent = percent;
  }

  /**
   * Reports that the work is done, possibly before the expected total (training that converges
   * early), and ends the bar's line.
   */
  void done(String detail) {
    String suffix = detail.isEmpty() ? "" : " " + detail;
    if (terminal) {
      err.println(
          "\r"
              + label
              + " ["
              + StringUtils.repeat('#', WIDTH)
              + "] done"
              + suffix
              + StringUtils.repeat(' ', 20)); // blank out the rest of a longer progress line
    } else {
      err.println(label + ": done" + suffix);
    }
    err.flush();
  }
}
