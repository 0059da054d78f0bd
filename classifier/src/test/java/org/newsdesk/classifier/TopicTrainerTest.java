package org.newsdesk.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.newsdesk.core.Article;

class TopicTrainerTest {

  private static List<List<LabelScore>> scores(TopicClassifier c) {
    List<List<LabelScore>> out = new ArrayList<>();
    for (LabeledText t : Samples.test()) {
      out.add(c.predict(t.title(), t.body()).scores());
    }
    return out;
  }

  @Test
  void trainingIsDeterministicAndIndependentOfThreadCount() {
    TrainingConfig one = TrainingConfig.defaults().toBuilder().threads(1).build();
    TrainingConfig three = one.toBuilder().threads(3).build();
    List<List<LabelScore>> a = scores(new TopicTrainer(one).train(Samples.train()));
    List<List<LabelScore>> b = scores(new TopicTrainer(one).train(Samples.train()));
    List<List<LabelScore>> c = scores(new TopicTrainer(three).train(Samples.train()));
    assertThat(b).isEqualTo(a);
    assertThat(c).isEqualTo(a);
  }

  @ParameterizedTest
  @EnumSource(TrainingConfig.Algorithm.class)
  void everyAlgorithmLearns(TrainingConfig.Algorithm algorithm) {
    TrainingConfig c = TrainingConfig.defaults().toBuilder().algorithm(algorithm).iterations(50).build();
    TopicClassifier classifier = new TopicTrainer(c).train(Samples.train());
    assertThat(classifier.provenance().config().algorithm()).isEqualTo(algorithm);
    assertThat(Evaluation.evaluate(classifier, Samples.test()).accuracy()).isGreaterThan(0.3);
  }

  @Test
  void listenerSeesStartIncreasingIterationsAndFinish() {
    List<String> events = new ArrayList<>();
    List<Integer> iterations = new ArrayList<>();
    TrainingListener l =
        new TrainingListener() {
          @Override
          public void onStart(int examples, int features, int labels) {
            events.add("start " + examples + " " + labels);
            assertThat(features).isGreaterThan(100);
          }

          @Override
          public void onProgress(int iteration, int max, double logLikelihood) {
            iterations.add(iteration);
            assertThat(max).isEqualTo(30);
            assertThat(logLikelihood).isNegative();
          }

          @Override
          public void onFinish(int done) {
            events.add("finish " + done);
          }
        };
    TrainingConfig c = TrainingConfig.defaults().toBuilder().iterations(30).build();
    new TopicTrainer(c).train(Samples.train(), l);
    assertThat(events).first().isEqualTo("start 359 8");
    assertThat(iterations).isNotEmpty().isSorted().doesNotHaveDuplicates();
    assertThat(iterations.get(iterations.size() - 1)).isLessThanOrEqualTo(30);
    assertThat(events).last().isEqualTo("finish " + iterations.get(iterations.size() - 1));
  }

  @Test
  void openNlpTrainersReportTheirIterationsToo() {
    List<Double> logLikelihoods = new ArrayList<>();
    List<Integer> iterations = new ArrayList<>();
    TrainingConfig gis =
        TrainingConfig.defaults().toBuilder()
            .algorithm(TrainingConfig.Algorithm.MAXENT)
            .iterations(12)
            .build();
    new TopicTrainer(gis)
        .train(
            Samples.train(),
            (iteration, max, ll) -> {
              iterations.add(iteration);
              logLikelihoods.add(ll);
            });
    assertThat(iterations).hasSizeGreaterThan(5).isSorted().allMatch(i -> i <= 12);
    assertThat(logLikelihoods).allMatch(ll -> ll < 0);
    // GIS never decreases the training log-likelihood
    assertThat(logLikelihoods.get(logLikelihoods.size() - 1)).isGreaterThan(logLikelihoods.get(0));
  }

  @Test
  void labelNeverLeaksIntoFeatures() {
    // labels are words that never occur in the texts; if they leaked, they would be features
    List<LabeledText> data = new ArrayList<>();
    for (LabeledText t : Samples.train()) {
      data.add(new LabeledText(t.title(), t.body(), "zzlabel" + t.label()));
    }
    TopicClassifier c = new TopicTrainer(TrainingConfig.defaults().toBuilder().cutoff(1).build())
        .train(data);
    assertThat(c.features().names()).noneMatch(n -> n.contains("zzlabel"));
    assertThat(c.predict("zzlabelfood zzlabellaw").unknown()).isTrue();
  }

  @Test
  void trainsFromCategorisedArticlesAndRecordsProvenance() {
    List<Article> articles = new ArrayList<>();
    for (LabeledText t : Samples.train()) {
      articles.add(Article.of(t.title(), t.body()).withCategory(t.label()));
    }
    TopicClassifier c = TopicTrainer.withDefaults().trainArticles(articles);
    ModelProvenance p = c.provenance();
    assertThat(p.labels()).containsExactly(
        "computers", "food", "law", "love", "medicine", "politics", "science", "sports");
    assertThat(c.labels()).isEqualTo(p.labels());
    assertThat(p.examplesPerLabel()).containsEntry("medicine", 44).containsEntry("law", 45);
    assertThat(p.examples()).isEqualTo(359);
    assertThat(p.dataSha256()).matches("[0-9a-f]{64}")
        .isEqualTo(Samples.trained().provenance().dataSha256());
    assertThat(p.opennlpVersion()).startsWith("2.");
    assertThat(p.libraryVersion()).isNotBlank().doesNotContain("${");
    assertThat(p.config()).isEqualTo(TrainingConfig.defaults());
    assertThat(p.featureCount()).isEqualTo(c.features().size());
    assertThat(c.toString()).contains("MAXENT_QN", "359 training examples");
  }

  @Test
  void differentDataGivesDifferentHash() {
    List<LabeledText> fewer = Samples.train().subList(1, Samples.train().size());
    assertThat(TopicTrainer.withDefaults().train(fewer).provenance().dataSha256())
        .isNotEqualTo(Samples.trained().provenance().dataSha256());
  }

  @Test
  void needsTwoLabels() {
    assertThatThrownBy(
            () -> TopicTrainer.withDefaults().train(List.of(LabeledText.of("a b", "x"),
                LabeledText.of("c d", "x"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two labels");
    assertThatThrownBy(() -> TopicTrainer.withDefaults().trainArticles(List.of(Article.of("a", "b"))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
