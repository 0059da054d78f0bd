package org.newsdesk.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** What the CLI needs to know about the terminal its messages go to. */
final class Terminal {
  /** The width assumed when it cannot be found out. */
  static final int DEFAULT_WIDTH = 80;

  private Terminal() {}

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

  /**
   * The terminal's width in columns: {@code $COLUMNS} if the shell exported it, else what {@code
   * stty size} says about the controlling terminal, else {@value #DEFAULT_WIDTH}.
   */
  static int width() {
    Integer columns = parseColumns(System.getenv("COLUMNS"));
    if (columns != null) {
      return columns;
    }
    File tty = new File("/dev/tty");
    if (tty.exists()) {
      try {
        Process p =
            new ProcessBuilder("stty", "size")
                .redirectInput(tty)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (p.waitFor(2, TimeUnit.SECONDS) && p.exitValue() == 0) {
          String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
          String[] rowsCols = out.trim().split("\\s+");
          if (rowsCols.length == 2) {
            columns = parseColumns(rowsCols[1]);
            if (columns != null) {
              return columns;
            }
          }
        } else {
          p.destroy();
        }
      } catch (IOException e) {
        // no stty: keep the default
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return DEFAULT_WIDTH;
  }

  static Integer parseColumns(String text) {
    if (text == null || !text.matches("\\d{1,4}")) {
      return null;
    }
    int n = Integer.parseInt(text);
    return n > 0 ? n : null;
  }
}
