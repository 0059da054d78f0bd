package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the CLI as a real process through a POSIX shell, for what only a process has: its own
 * descriptors (closed, {@code /dev/full}, a pipe whose reader leaves) and resource limits.
 */
final class CliProcess {
  private CliProcess() {}

  /** The command that runs the CLI in a new JVM (quick to start: no profiling, C1 only). */
  static List<String> javaArgs() {
    return javaArgs(List.of());
  }

  /** As {@link #javaArgs()}, with more JVM options (e.g. {@code -Xmx16m}). */
  static List<String> javaArgs(List<String> jvmOptions) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> args = new ArrayList<>(List.of(java.toString()));
    args.addAll(jvmOptions);
    args.addAll(
        List.of(
            "-XX:-UsePerfData",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            NewsdeskCli.class.getName()));
    return args;
  }

  /**
   * Runs the CLI in a new JVM with {@code jvmOptions}, {@code stdin} (a file, or null for none)
   * as standard input, and waits for it; stdout and stderr go to files in {@code dir}.
   */
  static Cli.Result run(Path dir, List<String> jvmOptions, Path stdin, String... args)
      throws IOException, InterruptedException {
    Path out = dir.resolve("process.out");
    Path err = dir.resolve("process.err");
    List<String> command = new ArrayList<>(javaArgs(jvmOptions));
    command.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    if (stdin != null) {
      pb.redirectInput(stdin.toFile());
    }
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", args)).isTrue();
    return new Cli.Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** {@link #javaArgs()} as shell words. */
  static String javaCommand() {
    return String.join(" ", javaArgs().stream().map(CliProcess::quote).toList());
  }

  /** Single-quoted for the shell. */
  static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /**
   * Runs {@code bash -c script}, in which the shell function {@code newsdesk} runs the CLI, and
   * waits for it; the script's stdout and stderr go to files in {@code dir}, which is also its
   * working directory.
   */
  static Cli.Result bash(Path dir, String script) throws IOException, InterruptedException {
    Path out = dir.resolve("process.out");
    Path err = dir.resolve("process.err");
    String function = "newsdesk() { " + javaCommand() + " \"$@\"; }\n";
    List<String> command = new ArrayList<>(List.of("bash", "-c", function + script));
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .directory(dir.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(script).isTrue();
    return new Cli.Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
