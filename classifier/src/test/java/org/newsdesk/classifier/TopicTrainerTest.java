package org.newsdesk.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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
    TopicTrainer one = TopicTrainer.withDefaults().withThreads(1);
    TopicTrainer three = one.withThreads(3);
    List<List<LabelScore>> a = scores(one.train(Samples.train()));
    List<List<LabelScore>> b = scores(one.train(Samples.train()));
    List<List<LabelScore>> c = scores(three.train(Samples.train()));
    assertThat(b).isEqualTo(a);
    assertThat(c).isEqualTo(a);
  }

  static Stream<Learner> learners() {
    return Stream.of(
        Learner.MaxEnt.DEFAULT.withIterations(50),
        new Learner.Gis(50),
        new Learner.Perceptron(50),
        new Learner.NaiveBayes());
  }

  @ParameterizedTest
  @MethodSource("learners")
  void everyLearnerLearns(Learner learner) {
    TopicClassifier classifier =
        TopicTrainer.withDefaults().withLearner(learner).train(Samples.train());
    assertThat(classifier.provenance().orElseThrow().learner()).isEqualTo(learner);
    assertThat(Evaluation.evaluate(classifier, Samples.test()).accuracy()).isGreaterThan(0.3);
    assertThat(classifier.toString()).contains(learner.algorithm());
  }

  @Test
  void listenerSeesReadingStartIncreasingIterationsAndFinish() {
    List<String> events = new ArrayList<>();
    List<Integer> iterations = new ArrayList<>();
    List<Integer> passes = new ArrayList<>();
    TrainingListener l =
        new TrainingListener() {
          @Override
          public void onReading(int pass, int of, long examples) {
            assertThat(of).isEqualTo(TopicTrainer.PASSES);
            assertThat(examples).isBetween(1L, 359L);
            passes.add(pass);
          }

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
    TopicTrainer trainer =
        TopicTrainer.withDefaults().withLearner(Learner.MaxEnt.DEFAULT.withIterations(30));
    trainer.train(Samples.train(), l);
    assertThat(passes).isSorted().contains(1, 2, 3);
    assertThat(events).first().isEqualTo("start 359 8");
    assertThat(iterations).isNotEmpty().isSorted().doesNotHaveDuplicates();
    assertThat(iterations.get(iterations.size() - 1)).isLessThanOrEqualTo(30);
    assertThat(events).last().isEqualTo("finish " + iterations.get(iterations.size() - 1));
  }

  @Test
  void openNlpTrainersReportTheirIterationsToo() {
    List<Double> logLikelihoods = new ArrayList<>();
    List<Integer> iterations = new ArrayList<>();
    TopicTrainer.withDefaults()
        .withLearner(new Learner.Gis(12))
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
    TopicClassifier c =
        TopicTrainer.withDefaults()
            .withPipeline(FeaturePipeline.parse("min-df=1"))
            .train(data);
    assertThat(((LinearModel) c.model()).features().names())
        .noneMatch(n -> n.contains("zzlabel"));
    assertThat(c.predict("zzlabelfood zzlabellaw").unknown()).isTrue();
  }

  @Test
  void trainsFromCategorisedArticlesAndRecordsProvenance() {
    List<Article> articles = new ArrayList<>();
    for (LabeledText t : Samples.train()) {
      articles.add(Article.of(t.title(), t.body()).withCategory(t.label()));
    }
    TopicTrainer trainer = TopicTrainer.withDefaults().withSeed(7).withThreads(2);
    TopicClassifier c = trainer.trainArticles(articles);
    ModelProvenance p = c.provenance().orElseThrow();
    assertThat(p.labels())
        .containsExactly(
            "computers", "food", "law", "love", "medicine", "politics", "science", "sports");
    assertThat(c.labels()).isEqualTo(p.labels());
    assertThat(p.examplesPerLabel()).containsEntry("medicine", 44).containsEntry("law", 45);
    assertThat(p.examples()).isEqualTo(359);
    assertThat(p.dataSha256())
        .matches("[0-9a-f]{64}")
        .isEqualTo(Samples.trained().provenance().orElseThrow().dataSha256());
    assertThat(p.opennlpVersion()).startsWith("2.");
    assertThat(p.libraryVersion()).isNotBlank().doesNotContain("${");
    assertThat(p.pipeline()).isEqualTo(FeaturePipeline.defaults());
    assertThat(p.learner()).isEqualTo(Learner.defaults());
    assertThat(p.seed()).isEqualTo(7);
    assertThat(p.threads()).isEqualTo(2);
    assertThat(p.javaVersion()).isEqualTo(System.getProperty("java.version"));
    assertThat(p.javaVendor()).isEqualTo(System.getProperty("java.vendor"));
    assertThat(p.os()).startsWith(System.getProperty("os.name"));
    assertThat(p.arch()).isEqualTo(System.getProperty("os.arch"));
    assertThat(p.featureCount()).isEqualTo(((LinearModel) c.model()).features().size());
    // seed and threads are not part of how the model was trained
    assertThat(p.sameTraining(Samples.trained().provenance().orElseThrow())).isTrue();
    assertThat(c.toString()).contains("maxent", "359 training examples");
    assertThat(trainer.toString()).contains("algorithm=maxent", "ngrams=1-2", "seed 7", "2 threads");
  }

  @Test
  void provenanceKnowsTheTrainingTexts() {
    ModelProvenance p = Samples.trained().provenance().orElseThrow();
    for (LabeledText t : Samples.train()) {
      assertThat(p.mayHaveTrainedOn(t.title(), t.body())).isTrue();
      // whitespace differences do not hide a training text
      assertThat(p.mayHaveTrainedOn(" " + t.title(), t.body().replace(" ", "  \t") + "\n"))
          .isTrue();
    }
    long falseHits =
        Samples.test().stream().filter(t -> p.mayHaveTrainedOn(t.title(), t.body())).count();
    assertThat(falseHits).isLessThanOrEqualTo(1);
    assertThat(p.sketchFalsePositiveRate()).isBetween(0.0, 0.001);
  }

  @Test
  void differentDataGivesDifferentHash() {
    List<LabeledText> fewer = Samples.train().subList(1, Samples.train().size());
    ModelProvenance a = TopicTrainer.withDefaults().train(fewer).provenance().orElseThrow();
    ModelProvenance b = Samples.trained().provenance().orElseThrow();
    assertThat(a.dataSha256()).isNotEqualTo(b.dataSha256());
    assertThat(a.sameTraining(b)).isFalse();
  }

  @Test
  void failsWhenNoFeatureReachesTheSettings() {
    // every word occurs in one text only, and min-df is 2: only the bias would be left
    List<LabeledText> unique = List.of(LabeledText.of("alpha beta", "x"), LabeledText.of("gamma delta", "y"));
    assertThatThrownBy(
            () ->
                TopicTrainer.withDefaults()
                    .withPipeline(FeaturePipeline.parse("min-df=2"))
                    .train(unique))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("min-df (now 2)")
        .hasMessageContaining("max-features");
    assertThat(
            TopicTrainer.withDefaults()
                .withPipeline(FeaturePipeline.parse("min-df=1"))
                .train(unique)
                .predict("alpha")
                .label())
        .isEqualTo("x");
  }

  @Test
  void aNullExampleIsNamed() {
    List<LabeledText> data = new java.util.ArrayList<>(Samples.train().subList(0, 10));
    data.add(3, null);
    assertThatThrownBy(() -> TopicTrainer.withDefaults().train(data))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("training example 4 is null");
  }

  @Test
  void runningOutOfMemoryWhileCountingAdvisesWhatPassOneDependsOn() {
    // the heap "runs out" in pass 1: its memory follows the n-gram range, not max-features/min-df
    TrainingListener pass1 =
        new TrainingListener() {
          @Override
          public void onReading(int pass, int passes, long examples) {
            if (pass == 1) {
              throw new OutOfMemoryError("Java heap space");
            }
          }

          @Override
          public void onProgress(int iteration, int max, double ll) {}
        };
    assertThatThrownBy(() -> TopicTrainer.withDefaults().train(Samples.train(), pass1))
        .isInstanceOf(OutOfMemoryError.class)
        .hasMessageContaining("pass 1 of 3")
        .hasMessageContaining("n-gram lengths (now 1-2)")
        .hasMessageNotContaining("lower max-features")
        .hasMessageNotContaining("raise min-df");
  }

  @Test
  void needsTwoLabels() {
    assertThatThrownBy(
            () ->
                TopicTrainer.withDefaults()
                    .train(List.of(LabeledText.of("a b", "x"), LabeledText.of("c d", "x"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two labels");
    assertThatThrownBy(
            () -> TopicTrainer.withDefaults().trainArticles(List.of(Article.of("a", "b"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void streamsTheExamplesThreeTimesAndKeepsNoneOfThem() {
    int[] iterations = {0};
    Iterable<LabeledText> counted =
        () -> {
          iterations[0]++;
          return Samples.train().iterator();
        };
    TopicClassifier c = TopicTrainer.withDefaults().withThreads(2).train(counted);
    // the naming pass may stop early, but never more than three passes
    assertThat(iterations[0]).isBetween(2, TopicTrainer.PASSES);
    assertThat(scores(c)).isEqualTo(scores(Samples.trained()));
  }

  @Test
  void examplesThatChangeBetweenPassesAreRejected() {
    int[] pass = {0};
    Iterable<LabeledText> changing =
        () -> {
          pass[0]++;
          List<LabeledText> data = new ArrayList<>(Samples.train());
          if (pass[0] > 1) {
            data.set(5, new LabeledText("", "a different text", data.get(5).label()));
          }
          return data.iterator();
        };
    assertThatThrownBy(() -> TopicTrainer.withDefaults().withThreads(1).train(changing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("changed between passes");
    Iterable<LabeledText> shrinking =
        () -> {
          Iterator<LabeledText> it = Samples.train().iterator();
          return pass[0]++ == 10 ? it : Samples.train().subList(0, 100).iterator();
        };
    pass[0] = 10;
    assertThatThrownBy(() -> TopicTrainer.withDefaults().train(shrinking))
        .isInstanceOf(RuntimeException.class)
        .hasMessageContaining("changed between passes");
  }

  @Test
  void threadCountsOutsideTheRangeAreRejected() {
    assertThatThrownBy(() -> TopicTrainer.withDefaults().withThreads(0))
        .hasMessageContaining("threads");
    assertThatThrownBy(() -> TopicTrainer.withDefaults().withThreads(TopicTrainer.MAX_THREADS + 1))
        .hasMessageContaining("threads");
    assertThat(TopicTrainer.withDefaults().threads()).isBetween(1, 4);
    assertThat(TopicTrainer.withDefaults().seed()).isEqualTo(42);
  }
}
