package org.newsdesk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.classifier.TopicClassifier;
import org.newsdesk.testing.Fixtures;

/** Runs each example program on real data and checks what it prints. */
class ExamplesTest {
  static final Path SAMPLES = Fixtures.samples();
  static final Path LABELED = Fixtures.labeledSeeds();

  @Test
  void parseExamplePrintsEachArticleWithItsMetadata() throws Exception {
    Path file = SAMPLES.resolve("001_c1db3e24d400ffe6.txt");
    Console.Output o = Console.capture(() -> ParseExample.main(new String[] {file.toString()}));

    List<String> lines = o.out().lines().toList();
    assertThat(lines.stream().filter(l -> !l.startsWith("    "))).hasSize(10);
    assertThat(lines.get(0))
        .endsWith(
            "001_c1db3e24d400ffe6.txt:1  "
                + "WCO Shifts Focus to Capacity Building Amid Economic Strains");
    int i =
        lines.indexOf(
            lines.stream().filter(l -> l.contains("Breaking Barriers")).findFirst().orElseThrow());
    assertThat(lines.get(i)).contains("001_c1db3e24d400ffe6.txt:7  Breaking Barriers: How");
    assertThat(lines.subList(i + 1, i + 3))
        .containsExactly("    date: 2023-11-07", "    category: Logistics");
  }

  @Test
  void classifyExampleTagsEveryArticleWithABuiltInTopic() throws Exception {
    Path file = SAMPLES.resolve("004_cf43153b14bbf254.txt");
    Console.Output o = Console.capture(() -> ClassifyExample.main(new String[] {file.toString()}));

    List<String> lines = o.out().lines().toList();
    assertThat(lines).hasSize(10);
    assertThat(lines.get(0))
        .matches(
            "[a-z-]+ +\\d\\.\\d\\d  Asiapacific Nations Crack Down on Illegal Plastic Waste Trade");
    assertThat(lines)
        .allSatisfy(
            l ->
                assertThat(TopicClassifier.builtIn().labels())
                    .contains(l.substring(0, l.indexOf(' '))));
  }

  @Test
  void trainExampleCrossValidatesSavesLoadsAndPredicts(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("model.bin");
    Console.Output o =
        Console.capture(
            () -> TrainExample.main(new String[] {model.toString(), LABELED.toString()}));

    List<String> lines = o.out().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .matches("3-fold cross-validation: accuracy [01]\\.\\d{3}, macro-F1 [01]\\.\\d{3}");
    assertThat(lines.get(1))
        .startsWith(
            "predicted: "
                + TopicClassifier.load(model)
                    .predict(
                        "Customs seize counterfeit watches at the port",
                        "Officers found 4,000 fake watches in a container during a joint"
                            + " operation.")
                    .label()
                + " [");
    assertThat(Files.size(model)).isPositive();
  }

  @Test
  void openNlpExampleUsesADoccatModelAndServesOpenNlpCode(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("doccat.bin");
    // the first run trains the OpenNLP model with OpenNLP, the second loads that file
    Console.capture(() -> OpenNlpExample.main(new String[] {LABELED.toString(), model.toString()}));
    assertThat(model).isNotEmptyFile();
    Console.Output o =
        Console.capture(
            () -> OpenNlpExample.main(new String[] {LABELED.toString(), model.toString()}));
    List<String> lines = o.out().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).matches("OpenNLP model: [a-z-]+ \\[.+\\]");
    assertThat(lines.get(1)).matches("OpenNLP model accuracy: [01]\\.\\d{3}");
    assertThat(lines.get(2))
        .isEqualTo(
            "built-in model: "
                + TopicClassifier.builtIn()
                    .predict("", "Customs seize counterfeit watches at the port")
                    .label());
  }

  @Test
  void dedupeExampleFindsTheRepeatedAndTheRewordedArticles() throws Exception {
    Console.Output o = Console.capture(() -> DedupeExample.main(new String[] {SAMPLES.toString()}));

    List<String> lines = o.out().lines().toList();
    int exact = lines.indexOf("exact duplicates (similarity 1.00):");
    assertThat(exact).isNotNegative();
    assertThat(lines.get(exact + 1))
        .endsWith(
            "000_7ea514dff1875352.txt:13  WCO Outlines Plan for Postpandemic Supply Chain"
                + " Resilience");
    assertThat(lines.get(exact + 2))
        .endsWith(
            "001_c1db3e24d400ffe6.txt:51  WCO Outlines Plan for Postpandemic Supply Chain"
                + " Resilience");
    int near =
        lines.indexOf(
            lines.stream().filter(l -> l.startsWith("near duplicates")).findFirst().orElseThrow());
    assertThat(lines.get(near)).matches("near duplicates \\(similarity 0\\.\\d\\d\\):");
    assertThat(lines.get(near + 1))
        .endsWith(
            "002_2da8245de02aa76e.txt:37  WCO IPPC Align Trade Facilitation with Plant Health"
                + " Rules");
    assertThat(lines.get(near + 2))
        .endsWith(
            "003_95692ade1897c29a.txt:43  WCO and IPPC Boost Global Trade with Stricter Plant"
                + " Health Rules");
    assertThat(lines).hasSize(6);
  }

  @Test
  void streamDirectoryExampleWalksNestedDirectoriesAndReportsBadRecords(@TempDir Path dir)
      throws Exception {
    // 3 sub-directories x 5 sample files, plus one malformed file.
    for (int d = 0; d < 3; d++) {
      Path sub = Files.createDirectories(dir.resolve("batch-" + d));
      for (Path f : Files.list(SAMPLES).sorted().toList()) {
        Files.copy(f, sub.resolve(f.getFileName()));
      }
    }
    Files.writeString(
        dir.resolve("broken.txt"),
        "A title\n\nA different title\n\nSome body.\n",
        StandardCharsets.UTF_8);

    Console.Output o =
        Console.capture(() -> StreamDirectoryExample.main(new String[] {dir.toString()}));

    assertThat(o.out().lines().toList()).containsExactly("2023: 3", "undated: 144");
    assertThat(o.err()).startsWith("skipped: ").contains("broken.txt:");
  }
}
