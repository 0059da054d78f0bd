package org.newsdesk.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import org.junit.jupiter.api.Test;
import org.newsdesk.core.Article;

class TopicClassifierTest {

  @Test
  void learnsTopicsFromRealTextsWellAboveChance() {
    Evaluation e = Evaluation.evaluate(Samples.trained(), Samples.test());
    // 8 balanced labels: chance is 0.125
    assertThat(e.accuracy()).isGreaterThan(0.45);
    assertThat(e.macroF1()).isGreaterThan(0.4);
  }

  @Test
  void predictionHoldsEveryLabelDescendingAndSummingToOne() {
    TopicClassifier c = Samples.trained();
    Prediction p = c.predict("Garbage collection in the kernel crashed the computer");
    assertThat(p.unknown()).isFalse();
    assertThat(p.label()).isEqualTo("computers");
    assertThat(p.scores()).extracting(LabelScore::label).containsExactlyInAnyOrderElementsOf(c.labels());
    assertThat(p.scores()).extracting(LabelScore::score)
        .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(p.scores().stream().mapToDouble(LabelScore::score).sum())
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(p.score()).isEqualTo(p.scores().get(0).score());
    assertThat(p.topK(3)).containsExactlyElementsOf(p.scores().subList(0, 3));
    assertThat(p.topK(100)).hasSize(8);
    assertThat(p.scoreOf("computers")).hasValue(p.score());
    assertThat(p.scoreOf("no-such-label")).isEmpty();
  }

  @Test
  void textWithNoKnownFeatureIsUnknownWithUniformScores() {
    TopicClassifier c = Samples.trained();
    Prediction p = c.predict("Xyzzy", "qwxz vbnq 12345678 ???");
    assertThat(p.unknown()).isTrue();
    assertThat(p.scores()).extracting(LabelScore::score).containsOnly(1.0 / 8);
    assertThat(p.scores()).extracting(LabelScore::label).isSorted();
    assertThat(c.predict("").unknown()).isTrue();
  }

  @Test
  void predictsArticlesIgnoringTheirCategoryAndStreamsInOrder() {
    TopicClassifier c = Samples.trained();
    Article a = Article.of("Food", "Eat your vegetables and drink your milk for dinner");
    assertThat(c.predict(a)).isEqualTo(c.predict(a.withCategory("law")));
    assertThat(c.predict(a)).isEqualTo(c.predict(a.title(), a.body()));
    List<Article> articles = new ArrayList<>();
    for (LabeledText t : Samples.test()) {
      articles.add(Article.of(t.title(), t.body()));
    }
    List<Prediction> streamed = c.predictAll(articles.stream()).collect(Collectors.toList());
    List<Prediction> parallel =
        c.predictAll(articles.parallelStream()).collect(Collectors.toList());
    assertThat(streamed).hasSize(articles.size());
    for (int i = 0; i < articles.size(); i++) {
      assertThat(streamed.get(i)).isEqualTo(c.predict(articles.get(i)));
    }
    assertThat(parallel).isEqualTo(streamed);
  }

  @Test
  void predictionValidatesItsInvariants() {
    assertThatThrownBy(() -> new Prediction(List.of(), false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new Prediction(List.of(new LabelScore("a", 0.2), new LabelScore("b", 0.8)), false))
        .hasMessageContaining("descending");
    // a NaN score compares as neither higher nor lower: it is no probability at all
    assertThatThrownBy(() -> new LabelScore("b", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'b'");
    assertThatThrownBy(() -> new LabelScore("a", -3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LabelScore("a", 1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new LabelScore("a", 0).score()).isZero();
    assertThat(new LabelScore("a", 1).score()).isEqualTo(1);
    Prediction p = new Prediction(List.of(new LabelScore("a", 0.8)), false);
    assertThatThrownBy(() -> p.topK(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(p.topK(0)).isEmpty();
  }

  @Test
  void loadingADirectoryNamesIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    assertThatThrownBy(() -> TopicClassifier.load(dir))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("directory");
  }

  @Test
  void builtInResourceIsLoadedOnceOrReportedMissingWithTheTypedException() throws Exception {
    assertThatThrownBy(() -> TopicClassifier.loadResource("/org/newsdesk/classifier/none.bin"))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("classpath:/org/newsdesk/classifier/none.bin")
        .hasMessageContaining("missing");
    assertThat(TopicClassifier.builtIn()).isSameAs(TopicClassifier.builtIn());
  }

  @Test
  void labeledTextComesFromCategorisedArticlesOnly() {
    Article a = Article.of("T", "B").withCategory("Trade");
    assertThat(LabeledText.from(a)).isEqualTo(new LabeledText("T", "B", "Trade"));
    assertThat(LabeledText.from(a.withOrigin("d.txt", 7)).source()).isEqualTo("d.txt:7");
    assertThatThrownBy(() -> LabeledText.from(Article.of("Title here", "B").withOrigin("f.txt", 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("f.txt:3")
        .hasMessageContaining("no category");
    assertThatThrownBy(() -> LabeledText.of("x", " ")).isInstanceOf(IllegalArgumentException.class);
  }

  /** A GIS model whose one predicate has parameters 2000 and -2000: exp(2000) is infinite. */
  private static GISModel overflowingGis(String predicate) {
    return new GISModel(
        new Context[] {new Context(new int[] {0, 1, 2}, new double[] {2000, -2000, 1999})},
        new String[] {predicate},
        new String[] {"a", "b", "c"});
  }

  @Test
  void anOverflowingGisModelStillGivesProbabilities() {
    // OpenNLP's own eval: infinity over infinity
    assertThat(overflowingGis("bow=tax").eval(new String[] {"bow=tax"})[0]).isNaN();
    double e = Math.exp(-1);
    List<TopicClassifier> both =
        List.of(
            TopicClassifier.of(
                new DoccatModel("en", overflowingGis("bow=tax"), Map.of(), new DoccatFactory())),
            // the Newsdesk container's kind=opennlp: features from our pipeline
            new TopicClassifier(
                new OpenNlpModel(
                    FeatureExtractor.of(
                        FeaturePipeline.defaults().toBuilder().ngrams(1, 1).build(),
                        new String[] {FeatureExtractor.BIAS, "tax"},
                        new float[] {1, 1}),
                    overflowingGis("tax"),
                    new Learner.Gis(10)),
                null));
    for (TopicClassifier c : both) {
      Prediction p = c.predict("tax");
      assertThat(p.scores()).extracting(LabelScore::label).containsExactly("a", "c", "b");
      // the stable softmax of (2000, 1999, -2000) times the feature value
      assertThat(p.scores().get(0).score()).isBetween(0.5, 1.0);
      assertThat(p.scores().get(2).score()).isZero();
      assertThat(p.scores().stream().mapToDouble(LabelScore::score).sum())
          .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }
    // the doccat model's feature value is 1: exactly softmax(2000, 1999)
    Prediction p =
        both.get(0).predict("tax");
    assertThat(p.score()).isCloseTo(1 / (1 + e), org.assertj.core.data.Offset.offset(1e-12));
  }
}
