package org.newsdesk.benchmarks.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.testing.Fixtures;

/**
 * Smoke runs of the classifier harnesses on the 48 labelled seed articles (train = test), so that
 * they keep working; the figures printed are checked for shape, never for speed.
 */
class ClassifierHarnessTest {

  @TempDir Path dir;

  private Path dataset() throws Exception {
    Path seeds = Fixtures.labeledSeeds();
    Files.copy(seeds, dir.resolve("train.txt"));
    Files.copy(seeds, dir.resolve("test.txt"));
    return dir;
  }

  private static String stdout(ThrowingRunnable r) throws Exception {
    PrintStream old = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setOut(old);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Test
  void predictionSpeedPrintsARowPerThreadCountWithPositiveRates() throws Exception {
    Path data = dataset();
    String out = stdout(() -> PredictionSpeed.main(new String[] {data.toString(), "1", "0.05"}));
    List<String> rows = out.lines().filter(l -> l.matches("\\| \\d+ \\|.*")).toList();
    assertThat(rows).isNotEmpty();
    assertThat(rows.get(0)).startsWith("| 1 | ");
    for (String row : rows) {
      // threads | ours rate (cpu) [min-max], then per OpenNLP baseline (whitespace tokens,
      // SimpleTokenizer tokens): | its rate (cpu) [min-max] | **median ratio** [min-max]
      String rate = "[1-9]\\d* \\(\\d+\\) \\[\\d+-\\d+\\]";
      String ratio = "\\*\\*\\d+\\.\\d\\d\\*\\* \\[\\d+\\.\\d\\d-\\d+\\.\\d\\d\\]";
      assertThat(row)
          .matches("\\| \\d+ \\| " + rate + "( \\| " + rate + " \\| " + ratio + "){2} \\|");
    }
  }

  @Test
  void buildComparisonLoadsEachBuildInCopiesAndPrintsALinePerBuild() throws Exception {
    // two "builds": this test's own class path, in two orders (the same classes, loaded afresh)
    List<String> entries =
        List.of(System.getProperty("java.class.path").split(File.pathSeparator));
    String build = String.join(File.pathSeparator, entries);
    List<String> reversed = new ArrayList<>(entries);
    Collections.reverse(reversed);
    String other = String.join(File.pathSeparator, reversed);
    String seeds = Fixtures.labeledSeeds().toString();
    String out =
        stdout(
            () ->
                BuildComparison.main(
                    new String[] {"builtin", seeds, "20", "1", "1", "2", build, other}));
    List<String> lines = out.lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .startsWith(build + ": ")
        .matches(".*: \\d+\\.\\d\\d us per text \\(copies: \\d+\\.\\d\\d, \\d+\\.\\d\\d\\), 1\\.000 x the first");
    assertThat(lines.get(1)).startsWith(other + ": ").matches(".*, \\d+\\.\\d{3} x the first");
  }

  @Test
  void comparisonPrintsAccuracyAndThroughputForOurs() throws Exception {
    Path data = dataset();
    System.setProperty("warmup", "0");
    System.setProperty("seconds", "0.05");
    try {
      String out = stdout(() -> ClassifierComparison.main(new String[] {data.toString(), "ours"}));
      String row = out.lines().filter(l -> l.startsWith("| ")).findFirst().orElseThrow();
      String[] cells = row.split("\\|");
      assertThat(cells[2].trim()).isEqualTo("newsdesk defaults");
      // trained and tested on the same 48 articles: a working classifier fits them well
      assertThat(Double.parseDouble(cells[3].trim())).isGreaterThan(0.8);
      assertThat(cells[6].trim()).matches("[1-9]\\d* \\(\\d+ per CPU-s\\)");
    } finally {
      System.clearProperty("warmup");
      System.clearProperty("seconds");
    }
  }
}
