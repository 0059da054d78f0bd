package org.newsdesk.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the test class path in a child JVM, for failures a JVM cannot fake. */
final class ChildProcess {

  /** How a child ended. */
  record Result(int exitCode, String stdout, String stderr) {}

  private ChildProcess() {}

  /**
   * Runs {@code main} under {@code ulimit -f blocks} (1 KiB blocks), so that writing past that
   * size fails with EFBIG ("File too large"), the way a full disk fails a write.
   */
  static Result underFileSizeLimit(int kib, Class<?> main, String... args)
      throws IOException, InterruptedException {
    return run("ulimit -f " + kib + " &&", main, args);
  }

  /**
   * Runs {@code main} from bash after the shell commands {@code setup}, which end with {@code &&}
   * (e.g. {@code "exec 0<&- &&"} to close standard input).
   */
  static Result run(String setup, Class<?> main, String... args)
      throws IOException, InterruptedException {
    return run(setup, "64m", main, args);
  }

  /** Runs {@code main} in a JVM whose heap is at most {@code maxHeap} (e.g. {@code "24m"}). */
  static Result withHeap(String maxHeap, Class<?> main, String... args)
      throws IOException, InterruptedException {
    return run("", maxHeap, main, args);
  }

  private static Result run(String setup, String maxHeap, Class<?> main, String... args)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    StringBuilder command = new StringBuilder(setup + " exec");
    List<String> words = new ArrayList<>(List.of(java, "-Xmx" + maxHeap, "-cp",
        System.getProperty("java.class.path"), main.getName()));
    words.addAll(List.of(args));
    for (String word : words) {
      command.append(" '").append(word.replace("'", "'\\''")).append('\'');
    }
    Process process = new ProcessBuilder("bash", "-c", command.toString())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    byte[] out = process.getInputStream().readAllBytes();
    byte[] err = process.getErrorStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("child did not finish: " + command);
    }
    return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }
}
