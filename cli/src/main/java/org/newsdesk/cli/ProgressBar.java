package org.newsdesk.cli;

import java.io.PrintWriter;
import java.io.Writer;
import org.apache.commons.lang3.StringUtils;

/**
 * Progress on standard error: a bar redrawn in place on a terminal, or a plain line every 10% when
 * the output is a file or pipe (so logs stay readable).
 *
 * <p>On a terminal each redraw overwrites the whole previous line (a shorter text is padded with
 * spaces, so no stale characters remain) and stays shorter than the terminal is wide, so it never
 * wraps: the bar narrows, then goes, then the text is cut. Other messages written while a bar
 * shows go through {@link #messages()}, which clears the bar's line first, so a message never
 * continues the bar's text; the next redraw puts the bar back below it.
 */
final class ProgressBar {
  /** The widest bar, in characters between the brackets. */
  static final int BAR = 30;

  /** A bar narrower than this is left out. */
  private static final int MIN_BAR = 10;

  private final PrintWriter err;
  private final boolean terminal;
  private final int width;
  private String label;
  private int lastPercent = -1;
  private String lastDetail = "";
  private int lastLength;

  /** A bar for a terminal as wide as {@link Terminal#width()}, or plain lines. */
  ProgressBar(PrintWriter err, boolean terminal, String label) {
    this(err, terminal, terminal ? Terminal.width() : Terminal.DEFAULT_WIDTH, label);
  }

  ProgressBar(PrintWriter err, boolean terminal, int width, String label) {
    this.err = err;
    this.terminal = terminal;
    this.width = Math.max(2, width);
    this.label = label;
  }

  /** Whether progress is drawn in place on a terminal (else plain lines). */
  boolean terminal() {
    return terminal;
  }

  /** Changes the word that starts each bar line (e.g. a cross-validation fold). */
  void label(String value) {
    label = value;
  }

  /**
   * A writer for messages to standard error (diagnostics, warnings) while the bar may be showing:
   * each write first clears the bar's line, so the message starts at the left margin.
   */
  PrintWriter messages() {
    return new PrintWriter(
        new Writer() {
          @Override
          public void write(char[] buf, int off, int len) {
            clear();
            err.write(buf, off, len);
          }

          @Override
          public void flush() {
            err.flush();
          }

          @Override
          public void close() {
            err.flush();
          }
        },
        true);
  }

  /** Erases a bar or status line that is showing (on a terminal), leaving the cursor at its start. */
  void clear() {
    if (terminal && lastLength > 0) {
      err.print("\r" + StringUtils.repeat(' ', lastLength) + "\r");
      err.flush();
      lastLength = 0;
      lastPercent = -1;
      lastDetail = "";
    }
  }

  /** Reports {@code done} of {@code total} steps; {@code detail} follows the figures. */
  void update(long done, long total, String detail) {
    int percent = total <= 0 ? 100 : (int) Math.max(0, Math.min(100, done * 100 / total));
    if (terminal) {
      if (percent == lastPercent && done < total && detail.equals(lastDetail)) {
        return;
      }
      String figures = StringUtils.leftPad(percent + "%", 4) + " " + done + "/" + total;
      redraw(figures + (detail.isEmpty() ? "" : " " + detail), percent);
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
    lastDetail = detail;
  }

  /**
   * Reports a step without a known total (e.g. "reading"), on a terminal only: a line redrawn in
   * place; plain output gets nothing, so logs stay short.
   */
  void status(String text) {
    if (terminal) {
      redraw(text, -1);
    }
  }

  /**
   * Reports a step with a known total on a terminal only, as a bar with {@code text} after it;
   * plain output gets nothing.
   */
  void status(String text, long done, long total) {
    if (terminal) {
      int percent = total <= 0 ? 100 : (int) Math.max(0, Math.min(100, done * 100 / total));
      redraw(text, percent);
    }
  }

  /** Prints a whole line of its own, over a status or bar line that may be showing. */
  void line(String text) {
    if (terminal && lastLength > 0) {
      err.print("\r" + text + StringUtils.repeat(' ', Math.max(0, lastLength - text.length())));
      err.println();
    } else {
      err.println(text);
    }
    err.flush();
    lastLength = 0;
    lastPercent = -1;
  }

  /**
   * Reports that the work is done, possibly before the expected total (training that converges
   * early), and ends the bar's line.
   */
  void done(String detail) {
    String suffix = detail.isEmpty() ? "" : " " + detail;
    if (terminal) {
      redraw("done" + suffix, 100);
      err.println();
    } else {
      err.println(label + ": done" + suffix);
    }
    err.flush();
    lastLength = 0;
    lastPercent = -1;
  }

  /** {@code label [####....] text}, fitted to the width, over the previous line. */
  private void redraw(String text, int percent) {
    int room = width - 1; // writing the last column would wrap on some terminals
    String line;
    int barWidth = Math.min(BAR, room - label.length() - text.length() - 4);
    if (percent >= 0 && barWidth >= MIN_BAR) {
      int filled = percent * barWidth / 100;
      line =
          label
              + " ["
              + StringUtils.repeat('#', filled)
              + StringUtils.repeat('.', barWidth - filled)
              + "] "
              + text;
    } else {
      line = label + " " + text;
    }
    if (line.length() > room) {
      line = StringUtils.abbreviate(line, "…", room);
    }
    int length = line.length();
    err.print("\r" + line + StringUtils.repeat(' ', Math.max(0, lastLength - length)));
    err.flush();
    lastLength = length;
  }
}
