package org.newsdesk.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped built-in model: present, cached, and not stale relative to corpus and settings.
 * Stale means: another pipeline or learner, other training data, or predictions that differ from
 * a fresh training by more than floating-point rounding (labels equal, scores within 1e-6), so the
 * check passes on any CPU and JVM.
 */
class BuiltInModelTest {

  private static final Path CORPUS = Path.of("corpus");
  private static final String REBUILD =
      "the shipped built-in model is stale: rebuild it as classifier/corpus/README.md says"
          + " (BuiltInModelBuilder) and commit"
          + " classifier/src/main/resources/org/newsdesk/classifier/builtin/topics.bin";

  private static List<LabeledText> corpus;
  private static TopicClassifier retrained;
  private static TopicClassifier shipped;

  @BeforeAll
  static void retrain() throws IOException {
    corpus = BuiltInModelBuilder.corpus(CORPUS);
    retrained = BuiltInModelBuilder.train(CORPUS);
    shipped = TopicClassifier.builtIn();
  }

  @Test
  void isCachedAndPredictsTheEightTopics() throws IOException {
    assertThat(TopicClassifier.builtIn()).isSameAs(shipped);
    assertThat(shipped.labels())
        .containsExactly(
            "capacity-building",
            "digital-and-ecommerce",
            "enforcement",
            "environment-and-health",
            "logistics-and-supply-chain",
            "security-and-aeo",
            "tariff-and-revenue",
            "trade-facilitation");
  }

  @Test
  void recordsTheCorpusAndSettingsItWasTrainedOn() {
    ModelProvenance p = shipped.provenance().orElseThrow();
    ModelProvenance fresh = retrained.provenance().orElseThrow();
    assertThat(p.pipeline()).as(REBUILD).isEqualTo(BuiltInModelBuilder.PIPELINE);
    assertThat(p.learner()).as(REBUILD).isEqualTo(BuiltInModelBuilder.LEARNER);
    assertThat(p.dataSha256()).as(REBUILD).isEqualTo(fresh.dataSha256());
    assertThat(p.sameTraining(fresh)).isTrue();
    assertThat(p.examplesPerLabel()).isEqualTo(fresh.examplesPerLabel());
    assertThat(p.examples()).isEqualTo(corpus.size());
    // the run is recorded too, though it does not make the model differ
    assertThat(p.javaVersion()).isNotBlank();
    assertThat(p.arch()).isNotBlank();
    for (LabeledText t : corpus) {
      assertThat(p.mayHaveTrainedOn(t.title(), t.body())).isTrue();
    }
  }

  @Test
  void predictsWhatAFreshTrainingPredictsUpToRounding() {
    for (LabeledText t : corpus) {
      Prediction a = shipped.predict(t.title(), t.body());
      Prediction b = retrained.predict(t.title(), t.body());
      assertThat(a.label()).as(REBUILD + " (" + t.title() + ")").isEqualTo(b.label());
      for (LabelScore s : b.scores()) {
        assertThat(a.scoreOf(s.label()).orElseThrow())
            .as(REBUILD + " (" + t.title() + ", " + s.label() + ")")
            .isCloseTo(s.score(), within(1e-6));
      }
    }
  }

  @Test
  void saysUnknownForTextWithNoKnownFeature() {
    Prediction p = shipped.predict("qwzx vbnm", "plokij uhygtf");
    assertThat(p.unknown()).isTrue();
  }

  @Test
  void tagsTypicalHeadlinesWithTheirTopic() {
    // Headlines not in the corpus; each names its topic's core vocabulary.
    assertThat(shipped.predict("Customs seize 2 tonnes of cocaine hidden in banana containers", "")
            .label())
        .isEqualTo("enforcement");
    assertThat(
            shipped
                .predict("Parliament ratifies the Revised Kyoto Convention on customs procedures", "")
                .label())
        .isEqualTo("trade-facilitation");
    assertThat(shipped.predict("New Harmonized System nomenclature amendments enter into force", "")
            .label())
        .isEqualTo("tariff-and-revenue");
  }
}
