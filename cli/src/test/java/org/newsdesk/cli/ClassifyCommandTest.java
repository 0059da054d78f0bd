package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.classifier.TopicClassifier;

class ClassifyCommandTest {

  private static List<JsonNode> classifyJson(String... extra) throws IOException {
    List<String> args = new ArrayList<>(List.of("classify", "--format", "jsonl"));
    args.addAll(List.of(extra));
    Cli.Result r = Cli.run(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return ParseCommandTest.jsonLines(r.out());
  }

  @Test
  void jsonLinesAddTopicScoreAndTheTopKScoresDescending() throws IOException {
    String model = TrainedModel.file().toString();
    List<JsonNode> rows = classifyJson("--model", model, "--top", "3", Cli.SAMPLES.toString());
    TopicClassifier classifier = TopicClassifier.load(TrainedModel.file());

    assertThat(rows).hasSize(49);
    for (JsonNode row : rows) {
      List<String> fields = new ArrayList<>();
      row.fieldNames().forEachRemaining(fields::add);
      assertThat(fields)
          .containsExactly(
              "source", "line", "title", "body", "date", "category", "topic", "score", "scores");
      List<String> labels = new ArrayList<>();
      List<Double> scores = new ArrayList<>();
      row.get("scores")
          .fields()
          .forEachRemaining(
              e -> {
                labels.add(e.getKey());
                scores.add(e.getValue().asDouble());
              });
      assertThat(labels).hasSize(3).first().isEqualTo(row.get("topic").asText());
      assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
      assertThat(scores.get(0)).isEqualTo(row.get("score").asDouble());
      // The CLI reports exactly what the library predicts.
      var expected = classifier.predict(row.get("title").asText(), row.get("body").asText());
      assertThat(row.get("topic").asText()).isEqualTo(expected.label());
      assertThat(row.get("score").asDouble()).isEqualTo(expected.score());
    }
  }

  @Test
  void theBuiltInModelIsTheDefault() throws IOException {
    List<JsonNode> rows = classifyJson(Cli.SAMPLES.toString());
    TopicClassifier builtIn = TopicClassifier.builtIn();

    assertThat(rows).hasSize(49);
    assertThat(builtIn.labels()).hasSize(8);
    for (JsonNode row : rows) {
      var expected = builtIn.predict(row.get("title").asText(), row.get("body").asText());
      assertThat(row.get("score").asDouble()).isEqualTo(expected.score());
      assertThat(row.get("topic").isNull()).isEqualTo(expected.unknown());
      if (!expected.unknown()) {
        assertThat(row.get("topic").asText()).isEqualTo(expected.label()).isIn(builtIn.labels());
      }
    }
  }

  @Test
  void tableShowsLocationTopicScoreAndTitle() {
    Cli.Result r =
        Cli.run(
            "classify",
            "--model",
            TrainedModel.file().toString(),
            Cli.SAMPLES.resolve("004_cf43153b14bbf254.txt").toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.outLines().get(0)).matches("LOCATION +TOPIC +SCORE +TITLE");
    assertThat(r.outLines()).hasSize(11);
    assertThat(r.outLines().get(1))
        .matches(
            ".*004_cf43153b14bbf254\\.txt:1 +[a-z-]+ +0\\.\\d{3} +"
                + "Asiapacific Nations Crack Down on Illegal Plastic Waste Trade");
    assertThat(r.summary()).isEqualTo("10 articles, 0 diagnostics");
  }

  @Test
  void outputKeepsInputOrderOnManyThreadsAndMatchesOneThread() throws IOException {
    // ~1000 articles through stdin: enough batches to finish out of order on 4 threads.
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      for (Path f : Files.list(Cli.SAMPLES).sorted().toList()) {
        big.append(Files.readString(f, StandardCharsets.UTF_8)).append("\n\n");
      }
    }
    String model = TrainedModel.file().toString();
    Cli.Result parallel =
        Cli.runWithStdin(
            big.toString(), "classify", "--model", model, "--threads", "4", "--format", "csv", "-");
    Cli.Result single =
        Cli.runWithStdin(
            big.toString(), "classify", "--model", model, "--threads", "1", "--format", "csv", "-");
    Cli.Result parsed = Cli.runWithStdin(big.toString(), "parse", "--format", "csv", "-");

    assertThat(parallel.exitCode()).as(parallel.toString()).isZero();
    assertThat(parallel.out()).isEqualTo(single.out());
    assertThat(parallel.outLines()).hasSize(1 + 20 * 49);
    // Same rows in the same order as parse, each with the classification appended.
    List<String> classified = parallel.outLines();
    List<String> plain = parsed.outLines();
    for (int i = 1; i < plain.size(); i++) {
      assertThat(classified.get(i)).startsWith(plain.get(i) + ",");
    }
  }

  @Test
  void minScoreLeavesLowConfidenceTopicsEmpty() throws IOException {
    List<JsonNode> rows =
        classifyJson(
            "--model",
            TrainedModel.file().toString(),
            "--min-score",
            "1",
            Cli.SAMPLES.toString());

    assertThat(rows)
        .hasSize(49)
        .allSatisfy(
            r -> {
              assertThat(r.get("topic").isNull()).isTrue();
              assertThat(r.get("scores").size()).isEqualTo(3);
            });
  }

  @Test
  void aFileThatIsNotAModelIsBadInput(@TempDir Path dir) throws IOException {
    Path bogus = dir.resolve("bogus.bin");
    Files.writeString(bogus, "not a model at all");

    Cli.Result r = Cli.run("classify", "--model", bogus.toString(), Cli.SAMPLES.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines().get(0)).startsWith(bogus + ": ");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aMissingModelIsBadInput(@TempDir Path dir) {
    Cli.Result r =
        Cli.run("classify", "--model", dir.resolve("none.bin").toString(), Cli.SAMPLES.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines().get(0)).isEqualTo(dir.resolve("none.bin") + ": no such model file");
  }

  @Test
  void strictFailureAfterSomeArticlesPrintsThemThenTheError() {
    String text = "One\n\nOne\n\nFirst body about customs.\n\nTwo\n\nNot two\n\nBody.\n";
    Cli.Result r =
        Cli.runWithStdin(
            text,
            "classify",
            "--strict",
            "--model",
            TrainedModel.file().toString(),
            "--format",
            "jsonl",
            "-");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.outLines()).hasSize(1).first().asString().contains("\"title\":\"One\"");
    assertThat(r.errLines().get(0)).matches("<stdin>:\\d+: .+");
    assertThat(r.summary()).isEqualTo("1 article, 1 diagnostic"); // the one that stopped it
  }

  @Test
  void usageErrors() {
    assertThat(Cli.run("classify", "--top", "0", "x").exitCode()).isEqualTo(2);
    assertThat(Cli.run("classify", "--top", "many", "x").exitCode()).isEqualTo(2);
    assertThat(Cli.run("classify", "--min-score", "high", "x").exitCode()).isEqualTo(2);
    assertThat(Cli.run("classify").exitCode()).isEqualTo(2);
  }
}
