package org.newsdesk.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped built-in model: present, cached, and not stale relative to corpus + config. */
class BuiltInModelTest {

  private static final Path CORPUS = Path.of("corpus");
  private static final String REBUILD =
      "the shipped built-in model is stale: rebuild it with "
          + "'mvn -B -q -Pbuiltin-model -pl classifier -am process-test-classes' and commit "
          + "classifier/src/main/resources/org/newsdesk/classifier/builtin/topics.bin";

  private static List<LabeledText> corpus;
  private static TopicClassifier retrained;

  @BeforeAll
  static void retrain() throws IOException {
    corpus = BuiltInModelBuilder.corpus(CORPUS);
    retrained = BuiltInModelBuilder.train(CORPUS);
  }

  @Test
  void isCachedAndPredictsTheEightTopics() {
    TopicClassifier model = TopicClassifier.builtIn();
    assertThat(TopicClassifier.builtIn()).isSameAs(model);
    assertThat(model.labels())
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
  void recordsTheCorpusAndConfigItWasTrainedOn() {
    ModelProvenance shipped = TopicClassifier.builtIn().provenance();
    assertThat(shipped.config()).as(REBUILD).isEqualTo(BuiltInModelBuilder.CONFIG);
    assertThat(shipped.dataSha256()).as(REBUILD).isEqualTo(retrained.provenance().dataSha256());
    assertThat(shipped.examplesPerLabel()).isEqualTo(retrained.provenance().examplesPerLabel());
    assertThat(shipped.examples()).isEqualTo(corpus.size());
  }

  @Test
  void predictsExactlyWhatAFreshTrainingPredicts() {
    TopicClassifier shipped = TopicClassifier.builtIn();
    for (LabeledText t : corpus) {
      Prediction a = shipped.predict(t.title(), t.body());
      Prediction b = retrained.predict(t.title(), t.body());
      assertThat(a.label()).as(REBUILD + " (" + t.title() + ")").isEqualTo(b.label());
      assertThat(a.score()).as(REBUILD).isCloseTo(b.score(), within(1e-9));
    }
  }

  @Test
  void saysUnknownForTextWithNoKnownFeature() {
    Prediction p = TopicClassifier.builtIn().predict("qwzx vbnm", "plokij uhygtf");
    assertThat(p.unknown()).isTrue();
  }

  @Test
  void tagsTypicalHeadlinesWithTheirTopic() {
    TopicClassifier model = TopicClassifier.builtIn();
    // Headlines not in the corpus; each names its topic's core vocabulary.
    assertThat(model.predict("Customs seize 2 tonnes of cocaine hidden in banana containers", "")
            .label())
        .isEqualTo("enforcement");
    assertThat(model.predict("Parliament ratifies the Revised Kyoto Convention on customs procedures", "")
            .label())
        .isEqualTo("trade-facilitation");
    assertThat(model.predict("New Harmonized System nomenclature amendments enter into force", "")
            .label())
        .isEqualTo("tariff-and-revenue");
  }
}
