package org.newsdesk.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.newsdesk.testing.Fixtures;

/** Runs the CLI in-process, as {@code main} would, with captured streams. */
final class Cli {
  /** The sample digests (the shared fixture). */
  static final Path SAMPLES = Fixtures.samples();

  /** The seed articles with a topic label on each metadata line (the shared fixture). */
  static final Path LABELED = Fixtures.labeledSeeds();

  private Cli() {}

  /** What one run printed and returned. */
  record Result(int exitCode, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }

    List<String> errLines() {
      return err.lines().toList();
    }

    /** The closing summary line. */
    String summary() {
      List<String> lines = errLines();
      return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
    }
  }

  static Result run(String... args) {
    return runWithStdin("", args);
  }

  static Result runWithStdin(String stdin, String... args) {
    return runWithStdin(stdin.getBytes(StandardCharsets.UTF_8), args);
  }

  static Result runWithStdin(byte[] stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = NewsdeskCli.execute(args, new ByteArrayInputStream(stdin), out, err);
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Runs with standard output going to {@code stdout} (which may fail); returns stderr. */
  static Result runWithStdout(OutputStream stdout, String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = NewsdeskCli.execute(args, new ByteArrayInputStream(new byte[0]), stdout, err);
    return new Result(code, "", err.toString(StandardCharsets.UTF_8));
  }
}
