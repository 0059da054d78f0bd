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
 * Commands in a JVM with a small heap: {@code classify}'s batches in flight are bounded by their
 * text, not only by their count, so huge texts stream as small ones do; a command that runs out of
 * memory anyway says so in one clear line with exit code 1, never a stack trace or a hang.
 */
class LowHeapCommandsTest {
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

  /** Dedupe holds every article: 40 MB of them cannot fit in 32 MB, and the error says so. */
  @Test
  void dedupeRunningOutOfMemoryIsOneLineToo() throws Exception {
    Cli.Result r =
        CliProcess.run(
            dir, List.of("-Xmx32m"), null, "dedupe", "--input", "lines", huge.toString());

    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(r.errLines().get(0))
        .startsWith("cannot dedupe: out of memory (")
        .contains("maximum heap 32 MB", "raise the heap (java -Xmx)")
        .endsWith("with newsdesk: java -Xmx1g -jar newsdesk.jar dedupe ...");
    assertThat(r.summary()).matches("\\d+ articles?, 0 diagnostics");
    assertThat(r.err()).doesNotContain("Exception", "\tat ");
  }
}
