package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code classify} in a JVM with a small heap: batches in flight are bounded by their text, not
 * only by their count, so huge texts stream as small ones do; running out of memory anyway is one
 * clear line and exit code 1, never a stack trace or a hang.
 */
class ClassifyMemoryTest {
  @TempDir static Path dir;

  /** 40 texts of a million chars each, one per line: 40 MB. */
  private static Path huge;

  @BeforeAll
  static void generate() throws IOException {
    Random random = new Random(1);
    String[] words = {"alpha", "beta", "gamma", "customs", "trade", "port", "tariff"};
    huge = dir.resolve("huge.lines");
    try (BufferedWriter w = Files.newBufferedWriter(huge, StandardCharsets.UTF_8)) {
      for (int i = 0; i < 40; i++) {
        StringBuilder text = new StringBuilder();
        while (text.length() < 999_000) {
          text.append(words[random.nextInt(words.length)]).append(' ');
        }
        w.write(text.toString().strip());
        w.write('\n');
      }
    }
  }

  /** 40 MB of text in 40 articles at -Xmx128m (64 articles a batch would hold all 40 at once). */
  @Test
  void hugeTextsStreamThroughASmallHeap() throws Exception {
    Cli.Result r =
        CliProcess.run(
            dir,
            List.of("-Xmx128m"),
            null,
            "classify", "--input", "lines", "--threads", "2", "--format", "jsonl",
            huge.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.summary()).isEqualTo("40 articles, 0 diagnostics");
    assertThat(r.out().lines().count()).isEqualTo(40);
  }

  @Test
  void aHeapThatRunsOutIsOneLineAndExitCode1() throws Exception {
    Cli.Result r =
        CliProcess.run(
            dir,
            List.of("-Xmx32m"),
            null,
            "classify", "--input", "lines", "--threads", "2", "--format", "jsonl",
            huge.toString());

    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(r.errLines().get(0))
        .startsWith("cannot classify: out of memory (")
        .contains("maximum heap 32 MB", "raise the heap (java -Xmx)")
        .endsWith("or fewer --threads");
    assertThat(r.err()).doesNotContain("Exception", "\tat ");
  }
}
