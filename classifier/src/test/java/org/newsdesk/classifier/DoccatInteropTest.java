package org.newsdesk.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.cmdline.doccat.DoccatTool;
import opennlp.tools.cmdline.doccat.DoccatTrainerTool;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizer;
import opennlp.tools.doccat.DocumentCategorizerEvaluator;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.tokenize.WhitespaceTokenizer;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenNLP interoperability both ways, checked against OpenNLP's own classes on the fortunes
 * fixture: an OpenNLP doccat model (trained by {@code DocumentCategorizerME.train} or the {@code
 * DoccatTrainer} tool) loaded as a {@link TopicClassifier} answers exactly as OpenNLP's {@code
 * Doccat} tool and {@code DocumentCategorizerME} do; a Newsdesk classifier serves OpenNLP's own
 * {@code DocumentCategorizerEvaluator} as a {@code DocumentCategorizer}.
 */
class DoccatInteropTest {

  @TempDir static Path dir;

  private static Path modelFile;
  private static DoccatModel model;

  private static String[] tokens(LabeledText t) {
    return WhitespaceTokenizer.INSTANCE.tokenize(t.title() + " " + t.body());
  }

  @BeforeAll
  static void trainWithOpenNlp() throws IOException {
    List<DocumentSample> samples = new ArrayList<>();
    for (LabeledText t : Samples.train()) {
      samples.add(new DocumentSample(t.label(), tokens(t)));
    }
    model =
        DocumentCategorizerME.train(
            "en",
            new CollectionObjectStream<>(samples),
            TrainingParameters.defaultParams(),
            new DoccatFactory());
    modelFile = dir.resolve("fortunes-doccat.bin");
    model.serialize(modelFile);
  }

  /** Runs OpenNLP's Doccat command-line tool on the texts, one paragraph each; its categories. */
  private static List<String> doccatTool(Path model, List<String> texts) {
    StringBuilder input = new StringBuilder();
    for (String t : texts) {
      input.append(t).append("\n\n");
    }
    InputStream stdin = System.in;
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setIn(new ByteArrayInputStream(input.toString().getBytes(StandardCharsets.UTF_8)));
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      new DoccatTool().run(new String[] {model.toString()});
    } finally {
      System.setIn(stdin);
      System.setOut(stdout);
    }
    List<String> categories = new ArrayList<>();
    for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
      // "[INFO] category<TAB>tokens"
      if (line.startsWith("[INFO] ") && line.contains("\t")) {
        categories.add(line.substring("[INFO] ".length(), line.indexOf('\t')));
      }
    }
    return categories;
  }

  @Test
  void aDoccatModelFileLoadsByItsContentAndAnswersAsOpenNlpsDoccatTool() throws IOException {
    TopicClassifier c = TopicClassifier.load(modelFile);
    assertThat(c.provenance()).isEmpty();
    assertThat(c.labels()).hasSize(8).contains("computers", "sports");
    assertThat(c.toString()).contains("OpenNLP doccat model");

    List<LabeledText> test = Samples.test();
    List<String> lines = new ArrayList<>();
    for (LabeledText t : test) {
      lines.add(t.body());
    }
    List<String> tool = doccatTool(modelFile, lines);
    assertThat(tool).hasSize(test.size());
    DocumentCategorizerME me = new DocumentCategorizerME(model);
    for (int i = 0; i < test.size(); i++) {
      LabeledText t = test.get(i);
      Prediction p = c.predict(t.title(), t.body());
      assertThat(p.label()).as(t.body()).isEqualTo(tool.get(i));
      assertThat(p.unknown()).isFalse();
      double[] probs = me.categorize(tokens(t));
      for (int k = 0; k < probs.length; k++) {
        assertThat(p.scoreOf(me.getCategory(k))).hasValue(probs[k]);
      }
    }
  }

  @Test
  void aTitleAndBodyAreScoredAsOneLineJoinedWithASpace() {
    TopicClassifier c = TopicClassifier.of(model);
    String title = "Garbage collection";
    String body = "in the kernel crashed the computer again";
    List<String> tool = doccatTool(modelFile, List.of(title + " " + body));
    Prediction p = c.predict(title, body);
    assertThat(p.label()).isEqualTo(tool.get(0));
    double[] probs =
        new DocumentCategorizerME(model).categorize(new String[] {"Garbage", "collection", "in",
            "the", "kernel", "crashed", "the", "computer", "again"});
    assertThat(p.scoreOf(model.getMaxentModel().getOutcome(0))).hasValue(probs[0]);
  }

  @Test
  void aModelFromOpenNlpsDoccatTrainerToolLoadsToo() throws IOException {
    Path data = dir.resolve("train.doccat");
    List<String> lines = new ArrayList<>();
    for (LabeledText t : Samples.train()) {
      lines.add(t.label() + " " + t.body().replace('\n', ' '));
    }
    Files.write(data, lines, StandardCharsets.UTF_8);
    Path out = dir.resolve("trained-by-tool.bin");
    new DoccatTrainerTool()
        .run(
            "opennlp",
            new String[] {"-model", out.toString(), "-lang", "en", "-data", data.toString(),
              "-encoding", "UTF-8"});
    TopicClassifier c = TopicClassifier.load(out);
    List<LabeledText> test = Samples.test().subList(0, 30);
    List<String> texts = test.stream().map(LabeledText::body).toList();
    List<String> tool = doccatTool(out, texts);
    for (int i = 0; i < test.size(); i++) {
      assertThat(c.predict(texts.get(i)).label()).isEqualTo(tool.get(i));
    }
  }

  @Test
  void evaluationAndSavingWorkOnAWrappedModel() throws IOException {
    TopicClassifier c = TopicClassifier.of(model);
    Evaluation e = Evaluation.evaluate(c, Samples.test());
    DocumentCategorizerEvaluator opennlp = new DocumentCategorizerEvaluator(new DocumentCategorizerME(model));
    for (LabeledText t : Samples.test()) {
      opennlp.evaluateSample(new DocumentSample(t.label(), tokens(t)));
    }
    assertThat(e.accuracy()).isEqualTo(opennlp.getAccuracy());
    assertThat(e.trainingOverlap()).isZero();

    Path saved = dir.resolve("saved-again.bin");
    c.save(saved);
    // still an OpenNLP model: OpenNLP reads it, and so do we
    DoccatModel reread = new DoccatModel(saved);
    assertThat(reread.getMaxentModel().getNumOutcomes()).isEqualTo(8);
    TopicClassifier again = TopicClassifier.load(saved);
    for (LabeledText t : Samples.test()) {
      assertThat(again.predict(t.title(), t.body())).isEqualTo(c.predict(t.title(), t.body()));
    }
  }

  @Test
  void aNewsdeskClassifierServesOpenNlpCodeAsADocumentCategorizer() {
    TopicClassifier c = Samples.trained();
    DocumentCategorizer categorizer = c.asDocumentCategorizer();
    assertThat(categorizer.getNumberOfCategories()).isEqualTo(8);
    assertThat(categorizer.getCategory(categorizer.getIndex("law"))).isEqualTo("law");
    assertThat(categorizer.getIndex("no-such-label")).isEqualTo(-1);

    // OpenNLP's own evaluator, driven through the interface
    DocumentCategorizerEvaluator evaluator = new DocumentCategorizerEvaluator(categorizer);
    int agree = 0;
    for (LabeledText t : Samples.test()) {
      String[] tokens = WhitespaceTokenizer.INSTANCE.tokenize(t.body());
      evaluator.evaluateSample(new DocumentSample(t.label(), tokens));
      Prediction p = c.predict("", t.body());
      double[] scores = categorizer.categorize(tokens);
      assertThat(categorizer.getBestCategory(scores)).isEqualTo(p.label());
      for (LabelScore s : p.scores()) {
        assertThat(scores[categorizer.getIndex(s.label())]).isEqualTo(s.score());
      }
      assertThat(categorizer.scoreMap(tokens)).containsEntry(p.label(), p.score());
      assertThat(categorizer.sortedScoreMap(tokens).lastKey()).isEqualTo(p.score());
      agree += p.label().equals(t.label()) ? 1 : 0;
    }
    assertThat(evaluator.getAccuracy()).isEqualTo((double) agree / Samples.test().size());
    assertThat(evaluator.getAccuracy())
        .isEqualTo(Evaluation.evaluate(c, Samples.test()).accuracy());
    assertThat(categorizer.getAllResults(new double[] {0.5, 0.25, 0.25, 0, 0, 0, 0, 0}))
        .startsWith("computers[0.5000]  food[0.2500]");
    assertThatThrownBy(() -> categorizer.categorize((String[]) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("text");
  }

  /**
   * A doccat model is untrusted: a category holding a line break (which would forge lines in
   * {@code newsdesk info} and evaluation reports) or named {@code (unknown)} is refused when the
   * model is wrapped or loaded, not printed.
   */
  @Test
  void aCategoryThatCannotBeALabelIsRefusedAtLoad() throws IOException {
    for (String bad : List.of("trade\naccuracy 1.0000", Evaluation.UNKNOWN, "rtl\u202Eevil")) {
      List<DocumentSample> samples = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        samples.add(new DocumentSample(bad, new String[] {"tariff", "duty", "w" + i}));
        samples.add(new DocumentSample("other", new String[] {"port", "ship", "v" + i}));
      }
      TrainingParameters params = TrainingParameters.defaultParams();
      params.put(TrainingParameters.CUTOFF_PARAM, 1);
      params.put(TrainingParameters.ITERATIONS_PARAM, 5);
      DoccatModel m =
          DocumentCategorizerME.train(
              "en", new CollectionObjectStream<>(samples), params, new DoccatFactory());
      Path file = dir.resolve("bad-label.bin");
      m.serialize(file);

      assertThatThrownBy(() -> TopicClassifier.of(m))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("label");
      assertThatThrownBy(() -> TopicClassifier.load(file))
          .isInstanceOf(ModelLoadException.class)
          .hasMessageStartingWith(file.toString())
          .hasMessageContaining("label");
    }
  }
}
