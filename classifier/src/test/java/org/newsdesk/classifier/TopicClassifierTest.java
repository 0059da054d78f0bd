package org.newsdesk.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
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
    Prediction p = new Prediction(List.of(new LabelScore("a", 0.8)), false);
    assertThatThrownBy(() -> p.topK(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(p.topK(0)).isEmpty();
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
}
