package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsdesk.classifier.Evaluation;
import org.newsdesk.classifier.LabelScore;
import org.newsdesk.classifier.LabeledText;
import org.newsdesk.classifier.Prediction;
import org.newsdesk.classifier.TopicClassifier;

class HtmlReportTest {
  private static final String B = "b<&>eta";

  /**
   * An evaluation of examples with these true labels, predicted as these labels (score 1, every
   * other label of the model, alpha and b&lt;&amp;&gt;eta, score 0).
   */
  private static Evaluation evaluation(List<String> gold, List<String> predicted) {
    return Evaluation.of(
        gold.stream().map(l -> LabeledText.of("x", l)).toList(),
        predicted.stream()
            .map(
                l ->
                    new Prediction(
                        List.of(
                            new LabelScore(l, 1.0),
                            new LabelScore(l.equals("alpha") ? B : "alpha", 0.0)),
                        false))
            .toList());
  }

  /** 4 examples: alpha 2 right 1 wrong, b<&>eta 1 right; accuracy 0.75. */
  private static String render() {
    Evaluation e =
        evaluation(List.of("alpha", "alpha", "alpha", B), List.of("alpha", "alpha", B, B));
    return HtmlReport.render(e, "Report <title>", "4 articles & more");
  }

  @Test
  void isOneSelfContainedPageWithoutAnythingFetchedFromTheNetwork() {
    String html = render();

    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    assertThat(html).doesNotContainIgnoringCase("http");
    assertThat(html).doesNotContain("<script", "<link", "src=", "@import", "url(");
    assertThat(html).contains("<style>");
  }

  @Test
  void showsTheHeadlineFigures() {
    assertThat(render())
        .contains("accuracy<b>0.750</b>", "macro-F1<b>0.733</b>", "examples<b>4</b>")
        // the model has two labels: the true one is always among the best two
        .contains("top-2 accuracy<b>1.000</b>", "top-3 accuracy<b>1.000</b>")
        // weighted F1: (3 * 0.8 + 1 * 0.667) / 4
        .contains("weighted F1<b>0.767</b>");
  }

  @Test
  void thePerLabelTableEndsWithMacroAndWeightedAverageRows() {
    String html = render();

    assertThat(html)
        .contains(
            "<tr class=\"avg\"><td>macro avg</td><td>0.750</td><td>0.833</td><td>0.733</td>"
                + "<td>4</td></tr>",
            "<tr class=\"avg\"><td>weighted avg</td><td>0.875</td><td>0.750</td>"
                + "<td>0.767</td><td>4</td></tr>");
  }

  @Test
  void listsTheMisclassifiedExamplesOnlyWhenAsked() {
    Evaluation e =
        Evaluation.of(
            List.of(
                new LabeledText("Fine <title>", "x", "alpha", "d.txt:7"),
                new LabeledText("ok", "y", "alpha", "d.txt:13")),
            List.of(
                new Prediction(List.of(new LabelScore(B, 0.75), new LabelScore("alpha", 0.25)), false),
                new Prediction(List.of(new LabelScore("alpha", 1.0)), false)));

    String with = HtmlReport.render(e, "t", "s", null, true);

    assertThat(with)
        .contains("<h2>Misclassified (1)</h2>")
        .contains(
            "<tr><td>d.txt:7</td><td>alpha</td><td>b&lt;&amp;&gt;eta</td><td class=\"n\">0.750"
                + "</td><td>Fine &lt;title&gt;</td></tr>");
    assertThat(with).doesNotContain("d.txt:13");
    assertThat(HtmlReport.render(e, "t", "s", null, false)).doesNotContain("Misclassified");
  }

  @Test
  void warnsWhenTheExamplesAreTheModelsTrainingData() throws Exception {
    TopicClassifier model = TopicClassifier.load(TrainedModel.file());
    Evaluation onTraining =
        Evaluation.evaluate(
            model,
            org.newsdesk.core.NewsReader.readAll(Cli.LABELED).stream()
                .map(LabeledText::from)
                .toList());

    String html = HtmlReport.render(onTraining, "t", "s", model, false);

    assertThat(html)
        .contains(
            "<p class=\"warn\" role=\"alert\">Warning: 48 of 48 examples (100%) look like this"
                + " model's training data");
    assertThat(render()).doesNotContain("class=\"warn\"");
  }

  @Test
  void labelsTheModelDoesNotPredictAreWarnedAbout() {
    Evaluation e =
        Evaluation.of(
            List.of(LabeledText.of("x", "gamma")),
            List.of(new Prediction(List.of(new LabelScore("alpha", 1.0)), false)));

    assertThat(HtmlReport.render(e, "t", "s"))
        .contains("<p class=\"warn\">Label gamma (1 example) is not one the model predicts");
  }

  @Test
  void describesAnOpenNlpModelByWhatIsKnown() throws Exception {
    TopicClassifier doccat = TopicClassifier.load(DoccatModelFile.file());
    Evaluation e = evaluation(List.of("enforcement"), List.of("enforcement"));

    String html = HtmlReport.render(e, "t", "s", doccat, false);

    assertThat(html)
        .contains("<h2>Model</h2>", "<tr><th>kind</th><td>OpenNLP doccat model</td></tr>")
        .contains("<tr><th>labels</th><td>8: capacity-building, digital-and-ecommerce, ")
        .contains("<p class=\"note\">Training data: none recorded");
    assertThat(html).doesNotContain("data sha256", "class=\"warn\"");
  }

  @Test
  void drawsTheConfusionMatrixAsAHeatMapAndF1AsBars() {
    String html = render();

    assertThat(html).containsOnlyOnce("aria-label=\"confusion matrix\"");
    assertThat(html).containsOnlyOnce("aria-label=\"F1 per label\"");
    // One cell per (true, predicted) pair, with the count and a tooltip.
    assertThat(html)
        .contains(
            "<title>true alpha, predicted alpha: 2 (67% of row)</title>",
            "<title>true alpha, predicted b&lt;&amp;&gt;eta: 1 (33% of row)</title>",
            "<title>true b&lt;&amp;&gt;eta, predicted alpha: 0 (0% of row)</title>",
            "<title>true b&lt;&amp;&gt;eta, predicted b&lt;&amp;&gt;eta: 1 (100% of row)</title>");
    assertThat(html).contains("fill=\"" + HtmlReport.color(2.0 / 3, true) + "\"");
    assertThat(html).contains("fill=\"" + HtmlReport.color(1.0 / 3, false) + "\"");
    // F1 bars: length proportional to F1 (360 px for 1.0): alpha 0.8, b<&>eta 0.667.
    assertThat(html).contains("width=\"288\" height=\"18\"", "width=\"240\" height=\"18\"");
    // Per-label table.
    assertThat(html)
        .contains("<tr><td>alpha</td><td>1.000</td><td>0.667</td><td>0.800</td><td>3</td></tr>");
  }

  @Test
  void escapesEveryLabelAndTitle() {
    String html = render();

    assertThat(html).doesNotContain(B, "<title>Report <title>");
    assertThat(html).contains("<title>Report &lt;title&gt;</title>", "4 articles &amp; more");
  }

  @Test
  void heatColoursGoFromWhiteToBlueForHitsAndOrangeForErrors() {
    assertThat(HtmlReport.color(0, true)).isEqualTo("#ffffff");
    assertThat(HtmlReport.color(0, false)).isEqualTo("#ffffff");
    assertThat(HtmlReport.color(1, true)).isEqualTo("#2166ac");
    assertThat(HtmlReport.color(1, false)).isEqualTo("#d95f0e");
  }

  @Test
  void showsHowTheModelWasMade() throws Exception {
    TopicClassifier model = TopicClassifier.load(TrainedModel.file());
    Evaluation e = evaluation(List.of("alpha"), List.of("alpha"));

    String html = HtmlReport.render(e, "t", "s", model, false);

    assertThat(html).contains("<h2>Model</h2>", "<table class=\"facts\">");
    assertThat(html).contains("<tr><th>kind</th><td>Newsdesk model</td></tr>");
    for (ModelFacts.Fact fact : ModelFacts.of(model)) {
      assertThat(html).contains("<tr><th>" + fact.name() + "</th><td>");
    }
    assertThat(html).contains("<th>labels</th><td>8: capacity-building (");
    assertThat(html).contains(model.provenance().orElseThrow().dataSha256());
    assertThat(render()).doesNotContain("<h2>Model</h2>");
  }

  /**
   * 200 labels, one example each, predicted as the next label; 20 more examples of L150 predicted
   * as L151, so L150 and L151 are in the most examples.
   */
  private static Evaluation manyLabels() {
    List<LabeledText> examples = new java.util.ArrayList<>();
    List<Prediction> predictions = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      examples.add(LabeledText.of("x", label(i)));
      predictions.add(new Prediction(List.of(new LabelScore(label((i + 1) % 200), 1.0)), false));
    }
    for (int k = 0; k < 20; k++) {
      examples.add(LabeledText.of("x", label(150)));
      predictions.add(new Prediction(List.of(new LabelScore(label(151), 1.0)), false));
    }
    return Evaluation.of(examples, predictions);
  }

  private static String label(int i) {
    return String.format(java.util.Locale.ROOT, "L%03d", i);
  }

  @Test
  void theHeatMapShowsFiftyLabelsAtMostAndSaysWhereTheWholeMatrixIs() {
    Evaluation e = manyLabels();

    String html = HtmlReport.render(e, "t", "s");

    String heatMap =
        html.substring(
            html.indexOf("aria-label=\"confusion matrix\""), html.indexOf("<h2>F1 per label"));
    assertThat(heatMap.split("<rect ", -1)).hasSize(50 * 50 + 1);
    assertThat(html)
        .contains(
            "<p class=\"note\">The matrix shows 50 of 200 labels, those in the most examples (true"
                + " or predicted); <code>newsdesk evaluate --format json</code> has the whole"
                + " matrix.</p>");
    // the busiest labels are shown, the share is of the whole row
    assertThat(heatMap).contains("<title>true L150, predicted L151: 21 (100% of row)</title>");
    // the page grows linearly with the labels: per-label rows and bars stay complete
    assertThat(html).contains("<tr><td>L199</td>");
    assertThat(html.length()).isLessThan(50 * 50 * 200 + 200 * 1_000);
    // the usual case says nothing of the kind
    assertThat(render()).doesNotContain("The matrix shows");
  }

  /**
   * True labels cannot hold control or bidi characters ({@link LabeledText} refuses them), but
   * titles, sources, file names and predicted labels can.
   */
  @Test
  void controlCharactersInDataAreShownEscapedNotWritten() {
    Evaluation e =
        Evaluation.of(
            List.of(
                new LabeledText("Title \u009B2J\u001B]0;x\u0007", "x", "alpha", "d\u001B.txt:7")),
            List.of(new Prediction(List.of(new LabelScore("red\u001B[31m", 1.0)), false)));

    String html = HtmlReport.render(e, "Report \u001Bc", "s\u0000", null, true);

    assertThat(html).doesNotContainPattern("[\\x00-\\x09\\x0B-\\x1F\\x7F-\\x9F]");
    assertThat(html)
        .contains(
            "<title>Report \\u001Bc</title>",
            "<p class=\"sub\">s\\u0000</p>",
            "<td>red\\u001B[31m</td>",
            "<td>Title \\u009B2J\\u001B]0;x\\u0007</td>",
            "<td>d\\u001B.txt:7</td>");
  }

  @Test
  void bidiControlsInDataCannotReorderTheReport() {
    Evaluation e =
        Evaluation.of(
            List.of(new LabeledText("abc\u202Edef", "x", "alpha", "d\u2066.txt:1")),
            List.of(new Prediction(List.of(new LabelScore("beta\u202B", 1.0)), false)));

    String html = HtmlReport.render(e, "t\u202D", "s", null, true);

    assertThat(html).doesNotContainPattern("[\u202A-\u202E\u2066-\u2069]");
    assertThat(html)
        .contains(
            "<td>abc\\u202Edef</td>",
            "<td>d\\u2066.txt:1</td>",
            "<td>beta\\u202B</td>",
            "<title>t\\u202D</title>");
  }
}
