package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.classifier.Evaluation;
import org.newsdesk.classifier.LabeledText;
import org.newsdesk.classifier.TopicClassifier;
import org.newsdesk.core.Article;
import org.newsdesk.core.NewsFormat;
import org.newsdesk.core.NewsReader;
import org.newsdesk.core.NewsWriter;

class EvaluateCommandTest {

  @Test
  void printsTheLibrarysEvaluationOfTheModel() throws IOException {
    Path model = TrainedModel.file();
    Cli.Result r = Cli.run("evaluate", "--model", model.toString(), Cli.LABELED.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    Evaluation expected =
        Evaluation.evaluate(
            TopicClassifier.load(model),
            NewsReader.readAll(Cli.LABELED).stream().map(LabeledText::from).toList());
    assertThat(r.out()).isEqualTo(expected.toString());
    assertThat(r.summary()).isEqualTo("48 articles, 0 diagnostics");
  }

  /**
   * An article without a label cannot be evaluated: it is a diagnostic, said once and counted in
   * the summary; {@code --strict}, which stops at malformed records, does not stop at it.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void anUnlabeledArticleIsACountedDiagnostic(boolean strict) throws IOException {
    String unlabeled = "Lonely title\n\nLonely title\n\nA body without a label.\n\n";
    List<String> args =
        new ArrayList<>(List.of("evaluate", "--model", TrainedModel.file().toString()));
    if (strict) {
      args.add("--strict");
    }
    args.addAll(List.of("-", Cli.LABELED.toString()));
    Cli.Result r = Cli.runWithStdin(unlabeled, args.toArray(String[]::new));

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.errLines()).containsOnlyOnce("<stdin>:1: no category to learn from; skipped");
    assertThat(r.summary()).isEqualTo("49 articles, 1 diagnostic");
  }

  /**
   * A category that cannot be a label is a counted diagnostic naming its line, shown escaped, and
   * the rest is evaluated: {@code (unknown)}, which stands for a text a model cannot place (it was
   * a stack trace), and one holding a control character (it could forge lines in the reports).
   */
  @ParameterizedTest
  @CsvSource({"(unknown), (unknown)", "bad\u001B[31mlabel, bad\\u001B[31mlabel"})
  void aCategoryThatCannotBeALabelIsADiagnosticNotACrash(String category, String shown) {
    String data =
        "A title\n\nA title\n\nA body about customs.\n\n01/01/2000 " + category + "\n\n"
            + "B title\n\nB title\n\nA body about ports.\n\n01/01/2000 logistics\n";
    Cli.Result r = Cli.runWithStdin(data, "evaluate", "-");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.errLines())
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("<stdin>:1: category '" + shown + "' cannot be a label: ")
                    .endsWith("; skipped"));
    assertThat(r.out() + r.err()).doesNotContain("\u001B", "Exception", "\tat ");
    assertThat(r.summary()).isEqualTo("2 articles, 1 diagnostic");
  }

  @Test
  void evaluatesTheBuiltInModelByDefault() throws IOException {
    Cli.Result r = Cli.run("evaluate", Cli.LABELED.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    Evaluation expected =
        Evaluation.evaluate(
            TopicClassifier.builtIn(),
            NewsReader.readAll(Cli.LABELED).stream().map(LabeledText::from).toList());
    assertThat(r.out()).isEqualTo(expected.toString());
  }

  @Test
  void labelsTheModelDoesNotKnowAreWarnedAbout() {
    // the samples are labelled "Logistics", which the built-in model's topics do not include
    Cli.Result r = Cli.run("evaluate", Cli.SAMPLES.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.errLines())
        .contains("built-in model: warning: label 'Logistics' (1 example) is not one the model"
            + " predicts");
    // the library's Evaluation knows it too (and says it in its table)
    assertThat(r.out()).contains("label 'Logistics' (1 example) is not one the model predicts");
    assertThat(Cli.run("evaluate", Cli.LABELED.toString()).err())
        .doesNotContain("is not one the model predicts");
  }

  @Test
  void htmlReportIsWrittenAndSelfContained(@TempDir Path dir) throws IOException {
    Path report = dir.resolve("report.html");
    Cli.Result r =
        Cli.run(
            "evaluate",
            "--model",
            TrainedModel.file().toString(),
            "--html",
            report.toString(),
            Cli.LABELED.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.errLines()).contains("wrote " + report);
    String html = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(html).startsWith("<!DOCTYPE html>").doesNotContainIgnoringCase("http");
    assertThat(html).contains("aria-label=\"confusion matrix\"", "aria-label=\"F1 per label\"");
    assertThat(html).contains("enforcement", "trade-facilitation", "capacity-building");
    assertThat(html).contains("<b>48</b>"); // examples evaluated
  }

  @Test
  void unreadableDataIsBadInput(@TempDir Path dir) {
    Cli.Result r =
        Cli.run(
            "evaluate",
            "--model",
            TrainedModel.file().toString(),
            dir.resolve("missing.txt").toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("missing.txt: no such file or directory");
  }

  @Test
  void aCorruptModelIsBadInputAndMissingArgumentsAUsageError(@TempDir Path dir) throws IOException {
    Path corrupt = dir.resolve("corrupt.bin");
    byte[] model = Files.readAllBytes(TrainedModel.file());
    Files.write(corrupt, Arrays.copyOf(model, model.length / 2)); // truncated

    Cli.Result bad = Cli.run("evaluate", "--model", corrupt.toString(), Cli.LABELED.toString());
    Cli.Result usage = Cli.run("evaluate", "--model", TrainedModel.file().toString());

    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.errLines().get(0)).startsWith(corrupt + ": not a usable model: ");
    assertThat(usage.exitCode()).isEqualTo(2);
    assertThat(usage.err()).contains("Missing required parameter", "PATH");
  }

  /** A shell glob of hundreds of files used to become a subtitle of thousands of characters. */
  @Test
  void theReportStaysReadableWithHundredsOfInputFiles(@TempDir Path dir) throws IOException {
    List<Article> seeds = NewsReader.readAll(Cli.LABELED);
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    List<String> args = new ArrayList<>(List.of("evaluate", "--html", dir.resolve("r.html").toString()));
    for (int i = 0; i < 360; i++) {
      Path file = corpus.resolve(String.format("digest-%03d-with-a-long-descriptive-name.txt", i));
      try (NewsWriter w = NewsWriter.open(file, NewsFormat.DEFAULT)) {
        w.write(seeds.get(i % seeds.size()));
      }
      args.add(file.toString());
    }

    Cli.Result r = Cli.run(args.toArray(String[]::new));

    assertThat(r.exitCode()).as(r.toString()).isZero();
    String html = Files.readString(dir.resolve("r.html"), StandardCharsets.UTF_8);
    String subtitle = html.substring(html.indexOf("<p class=\"sub\">"), html.indexOf("</p>"));
    assertThat(subtitle).hasSizeLessThan(200).contains("360 labeled articles from 360 files in ");
    assertThat(html).contains("<h2>Model</h2>");
  }

  @Test
  void fewInputsAreListedAndManyAreCounted() {
    assertThat(Inputs.describe(List.of("a.txt", "-"))).isEqualTo("a.txt, standard input");
    assertThat(Inputs.describe(List.of("x/a.txt", "y/b.txt", "z/c.txt", "w/d.txt")))
        .isEqualTo("x/a.txt, y/b.txt and 2 more");
  }

  /** The enforcement articles of the built-in model's corpus: not among the seeds. */
  private static final Path HELD_OUT =
      org.newsdesk.testing.Readme.root().resolve("classifier/corpus/enforcement.txt");

  @Test
  void warnsLoudlyWhenTheExamplesAreTheModelsTrainingData() throws IOException {
    Path model = TrainedModel.file(); // trained on the labeled seeds
    Cli.Result onTraining = Cli.run("evaluate", "--model", model.toString(), Cli.LABELED.toString());
    Cli.Result heldOut = Cli.run("evaluate", "--model", model.toString(), HELD_OUT.toString());
    List<String> mixedArgs =
        List.of("evaluate", "--model", model.toString(), HELD_OUT.toString(), Cli.LABELED.toString());
    Cli.Result mixed = Cli.run(mixedArgs.toArray(String[]::new));

    assertThat(onTraining.exitCode()).as(onTraining.toString()).isZero();
    assertThat(onTraining.errLines())
        .contains(
            "seeds.bin: warning: 48 of 48 examples (100%) look like this model's training data"
                + " (0.0 expected by chance); these figures overstate accuracy");
    assertThat(heldOut.exitCode()).as(heldOut.toString()).isZero();
    assertThat(heldOut.err()).doesNotContain("training data");
    int enforcement = NewsReader.readAll(HELD_OUT).size();
    int total = enforcement + 48;
    assertThat(mixed.errLines())
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("seeds.bin: warning: 48 of " + total + " examples (" + (4800 / total)
                        + "%) look like this model's training data"));
  }

  @Test
  void misclassifiedListsEveryWrongPredictionWithItsSource() throws IOException {
    Path model = TrainedModel.file();
    Cli.Result r =
        Cli.run("evaluate", "--model", model.toString(), "--misclassified", HELD_OUT.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    Evaluation expected =
        Evaluation.evaluate(
            TopicClassifier.load(model),
            NewsReader.readAll(HELD_OUT).stream().map(LabeledText::from).toList());
    List<Evaluation.Misclassified> wrong = expected.misclassified();
    assertThat(wrong).isNotEmpty();
    List<String> lines = r.outLines();
    int heading = lines.indexOf("misclassified: " + wrong.size());
    assertThat(heading).as(r.out()).isPositive();
    assertThat(lines.get(heading + 1)).matches("source +true +predicted +score  title");
    for (int i = 0; i < wrong.size(); i++) {
      Evaluation.Misclassified m = wrong.get(i);
      assertThat(lines.get(heading + 2 + i).split(" {2,}"))
          .containsExactly(
              m.source(),
              m.label(),
              m.predicted(),
              String.format(java.util.Locale.ROOT, "%.3f", m.score()),
              m.title());
      assertThat(m.source()).startsWith(HELD_OUT + ":");
    }
    // without the option, the table is the library's alone
    assertThat(Cli.run("evaluate", "--model", model.toString(), HELD_OUT.toString()).out())
        .isEqualTo(expected.toString());
  }

  @Test
  void jsonIsTheWholeEvaluationAsOneDocument() throws IOException {
    Path model = TrainedModel.file();
    Cli.Result r =
        Cli.run("evaluate", "--model", model.toString(), "--format", "json", HELD_OUT.toString(),
            Cli.LABELED.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.outLines()).hasSize(1);
    com.fasterxml.jackson.databind.JsonNode json =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    List<LabeledText> data = new ArrayList<>();
    NewsReader.readAll(HELD_OUT).forEach(a -> data.add(LabeledText.from(a)));
    NewsReader.readAll(Cli.LABELED).forEach(a -> data.add(LabeledText.from(a)));
    TopicClassifier classifier = TopicClassifier.load(model);
    Evaluation e = Evaluation.evaluate(classifier, data);

    assertThat(json.get("inputs")).hasSize(2);
    assertThat(json.get("inputs").get(0).asText()).isEqualTo(HELD_OUT.toString());
    assertThat(json.get("inputs").get(1).asText()).isEqualTo(Cli.LABELED.toString());
    assertThat(json.get("examples").asInt()).isEqualTo(e.total());
    assertThat(json.get("accuracy").asDouble()).isEqualTo(e.accuracy());
    for (int k = 1; k <= 3; k++) {
      assertThat(json.get("topKAccuracy").get(k - 1).asDouble()).isEqualTo(e.topKAccuracy(k));
    }
    assertThat(json.get("macro").get("f1").asDouble()).isEqualTo(e.macroF1());
    assertThat(json.get("weighted").get("precision").asDouble()).isEqualTo(e.weightedPrecision());
    assertThat(json.get("micro").get("recall").asDouble()).isEqualTo(e.microRecall());
    assertThat(json.get("perLabel")).hasSize(e.perLabel().size());
    assertThat(json.get("perLabel").get(0).get("label").asText())
        .isEqualTo(e.perLabel().get(0).label());
    assertThat(json.get("perLabel").get(0).get("support").asInt())
        .isEqualTo(e.perLabel().get(0).support());
    int[][] m = e.confusionMatrix();
    assertThat(json.get("confusion").get("labels")).hasSize(e.labels().size());
    assertThat(json.get("confusion").get("matrix").get(1).get(1).asInt()).isEqualTo(m[1][1]);
    assertThat(json.get("misclassified")).hasSize(e.misclassified().size());
    assertThat(json.get("misclassified").get(0).get("source").asText())
        .isEqualTo(e.misclassified().get(0).source());
    assertThat(json.get("trainingOverlap").get("checked").asBoolean()).isTrue();
    assertThat(json.get("trainingOverlap").get("examples").asInt()).isEqualTo(48);
    assertThat(json.get("trainingOverlap").get("warning").asText())
        .startsWith("48 of " + e.total() + " examples");
    assertThat(json.get("labelsNotPredicted").size()).isZero();
    assertThat(json.get("model").get("name").asText()).isEqualTo("seeds.bin");
    assertThat(json.get("model").get("kind").asText()).isEqualTo("Newsdesk model");
    assertThat(json.get("model").get("provenance").get("dataSha256").asText())
        .isEqualTo(classifier.provenance().orElseThrow().dataSha256());
    // the warning goes to standard error as well
    assertThat(r.err()).contains("look like this model's training data");
  }

  @Test
  void anOpenNlpDoccatModelIsEvaluatedAndItsUnknownTrainingDataSaid() throws IOException {
    Path doccat = DoccatModelFile.file();
    Cli.Result r =
        Cli.run("evaluate", "--model", doccat.toString(), "--format", "json", Cli.LABELED.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    Evaluation expected =
        Evaluation.evaluate(
            TopicClassifier.load(doccat),
            NewsReader.readAll(Cli.LABELED).stream().map(LabeledText::from).toList());
    com.fasterxml.jackson.databind.JsonNode json =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertThat(json.get("accuracy").asDouble()).isEqualTo(expected.accuracy());
    assertThat(json.get("model").get("kind").asText()).isEqualTo("OpenNLP doccat model");
    assertThat(json.get("model").get("provenance").isNull()).isTrue();
    assertThat(json.get("trainingOverlap").get("checked").asBoolean()).isFalse();
    assertThat(r.errLines())
        .contains("seeds-doccat.bin: note: " + ModelFacts.NO_PROVENANCE);
  }

  /**
   * 200 labels of one example each: the text table and the HTML page show the confusion matrix
   * for 50 of them (and say so), growing linearly; the JSON document has the whole matrix.
   */
  @Test
  void manyLabelsKeepTheTableAndTheReportBoundedAndJsonWhole(@TempDir Path dir)
      throws IOException {
    Path data = dir.resolve("many.jsonl");
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      lines.append(
          String.format(
              java.util.Locale.ROOT,
              "{\"title\": \"t%d\", \"body\": \"customs tariff port number %d\","
                  + " \"label\": \"L%05d\"}%n",
              i,
              i,
              i));
    }
    Files.writeString(data, lines, StandardCharsets.UTF_8);
    Path report = dir.resolve("report.html");

    Cli.Result text = Cli.run("evaluate", "--html", report.toString(), data.toString());
    Cli.Result json = Cli.run("evaluate", "--format", "json", data.toString());

    assertThat(text.exitCode()).as(text.toString()).isZero();
    assertThat(json.exitCode()).as(json.toString()).isZero();
    com.fasterxml.jackson.databind.JsonNode matrix =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out()).get("confusion");
    // 200 true labels and the built-in model's predictions
    int labels = matrix.get("labels").size();
    assertThat(labels).isGreaterThan(200);
    assertThat(text.out())
        .contains(
            "confusion (rows = true, columns = predicted): 50 of " + labels + " labels",
            "(--format json has the whole confusion matrix)")
        .contains("L00000", "L00199"); // the per-label table is whole
    // the old table was about 220 lines of 220 * 4 characters
    assertThat(text.out().length()).isLessThan(100_000);
    String html = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(html).contains("The matrix shows 50 of " + labels + " labels");
    assertThat(html.length()).isLessThan(1_000_000);
    // the JSON document has the whole matrix
    assertThat(matrix.get("matrix")).hasSize(labels);
    assertThat(matrix.get("matrix").get(labels - 1)).hasSize(labels);
  }
}
