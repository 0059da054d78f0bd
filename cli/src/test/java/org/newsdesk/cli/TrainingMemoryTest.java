package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.classifier.ModelProvenance;
import org.newsdesk.classifier.TopicClassifier;

/**
 * {@code train} in a JVM with a small heap: the examples are streamed, not held, so
 * more text than the heap holds trains; running out of memory anyway is one clear line and exit
 * code 1, never a stack trace.
 */
class TrainingMemoryTest {
  @TempDir static Path dir;

  /** 20,000 labelled articles, about 30 MB of text, but only a few dozen distinct n-grams. */
  private static Path big;

  /** 3,000 labelled texts of random words: over 200,000 distinct n-grams. */
  private static Path wide;

  @BeforeAll
  static void generate() throws IOException {
    Random random = new Random(1);
    String[] words = {"alpha", "beta", "gamma"};
    String[] labels = {"east", "west"};
    big = dir.resolve("big.txt");
    try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
      for (int i = 0; i < 20_000; i++) {
        String label = labels[i % 2];
        StringBuilder body = new StringBuilder();
        for (int j = 0; j < 270; j++) {
          body.append(j == 0 ? "" : " ").append(j % 5 == 0 ? label : words[random.nextInt(3)]);
        }
        String title = label + " report";
        w.write(title + "\n\n" + title + "\n\n" + body + "\n\n01/02/2024 " + label + "\n");
      }
    }
    wide = dir.resolve("wide.tsv");
    try (BufferedWriter w = Files.newBufferedWriter(wide, StandardCharsets.UTF_8)) {
      for (int i = 0; i < 3_000; i++) {
        w.write("l" + (i % 8) + "\t");
        for (int j = 0; j < 80; j++) {
          w.write((j == 0 ? "w" : " w") + random.nextInt(100_000));
        }
        w.write("\n");
      }
    }
    assertThat(Files.size(big)).isGreaterThan(30_000_000);
  }

  /**
   * 30 MB of text at {@code -Xmx20m}: holding the articles (as the CLI did) cannot fit; streaming
   * them three times does. Read from standard input, which is copied to a temporary file first
   * and deleted at the end.
   */
  @Test
  void trainsOnMoreTextThanTheHeapHoldsFromStandardInput() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp-stdin"));
    Path model = dir.resolve("big.bin");

    Cli.Result r =
        CliProcess.run(
            dir,
            List.of("-Xmx20m", "-Djava.io.tmpdir=" + tmp),
            big,
            "train", "--out", model.toString(), "-");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.errLines()).contains("reading: pass 3 of 3 read 20,000 examples");
    assertThat(r.summary()).isEqualTo("20000 articles, 0 diagnostics");
    ModelProvenance p = TopicClassifier.load(model).provenance().orElseThrow();
    assertThat(p.examples()).isEqualTo(20_000);
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).as("the copy of standard input is deleted").isEmpty();
    }
  }

  /**
   * The library finds out early that the optimiser cannot fit (over 200 MB for 200,001 features x
   * 8 labels), and says what to change. The heap is large enough for reading the examples, so
   * this is the early estimate, not a heap that ran out.
   */
  @Test
  void aHeapTooSmallForTheModelIsTheLibrarysMessageAndExitCode1() throws Exception {
    Cli.Result r =
        CliProcess.run(
            dir,
            List.of("-Xmx100m"),
            null,
            "train", "--features", "min-df=1", "--out", dir.resolve("w.bin").toString(),
            wide.toString());

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    List<String> errors = r.errLines().stream().filter(l -> l.startsWith("cannot")).toList();
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0))
        .startsWith("cannot train: training needs at least ")
        .contains("but the JVM allows 100 MB", "raise the heap (java -Xmx)", "max-features")
        .endsWith("with newsdesk: java -Xmx4g -jar newsdesk.jar train ..., settings as --features"
            + " SPEC");
    assertThat(r.err()).doesNotContain("Exception", "\tat ", "OutOfMemoryError");
    assertThat(r.summary()).isEqualTo("3000 articles, 0 diagnostics");
    assertThat(dir.resolve("w.bin")).doesNotExist();
  }

  /** A heap that really runs out (GIS has no early estimate) ends the same way. */
  @Test
  void aHeapThatRunsOutDuringTrainingIsOneLineNotAStackTrace() throws Exception {
    Cli.Result r =
        CliProcess.run(
            dir,
            List.of("-Xmx40m"),
            null,
            "train", "--algorithm", "gis", "--features", "min-df=1", "--out",
            dir.resolve("g.bin").toString(), wide.toString());

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.errLines())
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("cannot train: training ran out of memory while ")
                    .contains("(maximum heap 40 MB)", "raise the heap (java -Xmx)"));
    assertThat(r.err()).doesNotContain("Exception", "\tat ");
    assertThat(dir.resolve("g.bin")).doesNotExist();
  }

  /** Cross-validation streams its examples too: each fold reads the input again. */
  @Test
  void crossValidatesMoreTextThanTheHeapHolds() throws Exception {
    Path model = dir.resolve("cv.bin");
    Cli.Result r =
        CliProcess.run(
            dir,
            List.of("-Xmx20m"),
            null,
            "train", "--cv", "2", "--out", model.toString(), big.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("examples 20000", "accuracy 1.0000");
    assertThat(r.summary()).isEqualTo("20000 articles, 0 diagnostics");
    assertThat(TopicClassifier.load(model).provenance().orElseThrow().examples())
        .isEqualTo(20_000);
  }
}
