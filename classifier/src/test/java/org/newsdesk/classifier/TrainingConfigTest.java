package org.newsdesk.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class TrainingConfigTest {

  @Test
  void defaultsAreDocumentedValues() {
    TrainingConfig c = TrainingConfig.defaults();
    assertThat(c.algorithm()).isEqualTo(TrainingConfig.Algorithm.MAXENT_QN);
    assertThat(c.iterations()).isEqualTo(100);
    assertThat(c.cutoff()).isEqualTo(2);
    assertThat(c.maxFeatures()).isEqualTo(200_000);
    assertThat(c.ngramMin()).isEqualTo(1);
    assertThat(c.ngramMax()).isEqualTo(2);
    assertThat(c.lowercase()).isTrue();
    assertThat(c.unicodeNormalization()).isTrue();
    assertThat(c.stopWords()).isEmpty();
    assertThat(c.stemming()).isEqualTo(TrainingConfig.Stemming.ENGLISH);
    assertThat(c.titleWeight()).isEqualTo(2.0);
    assertThat(c.sublinearTf()).isTrue();
    assertThat(c.idf()).isTrue();
    assertThat(c.normalize()).isTrue();
    assertThat(c.balanceLabels()).isTrue();
    assertThat(c.threads()).isBetween(1, 4);
    assertThat(TrainingConfig.builder().build()).isEqualTo(c);
  }

  @Test
  void builderChangesOnlyWhatIsSetAndLeavesOriginalUnchanged() {
    TrainingConfig base = TrainingConfig.defaults();
    TrainingConfig c =
        base.toBuilder()
            .ngramRange(1, 3)
            .stopWords(TrainingConfig.ENGLISH_STOP_WORDS)
            .stemming(TrainingConfig.Stemming.NONE)
            .regularization(0.5)
            .build();
    assertThat(c.ngramMax()).isEqualTo(3);
    assertThat(c.stopWords()).contains("the", "and");
    assertThat(c.regularization()).isEqualTo(0.5);
    assertThat(c.iterations()).isEqualTo(base.iterations());
    assertThat(base.ngramMax()).isEqualTo(2);
    assertThat(c).isNotEqualTo(base);
    assertThat(c.toBuilder().build()).isEqualTo(c).hasSameHashCodeAs(c);
  }

  @Test
  void everySettingSurvivesTheSavedForm() {
    TrainingConfig c =
        TrainingConfig.builder()
            .algorithm(TrainingConfig.Algorithm.PERCEPTRON)
            .iterations(7)
            .cutoff(3)
            .maxFeatures(1000)
            .regularization(0.25)
            .ngramRange(2, 3)
            .lowercase(false)
            .unicodeNormalization(false)
            .stopWords(Set.of("x", "yz"))
            .stemming(TrainingConfig.Stemming.PORTER)
            .titleWeight(0.5)
            .sublinearTf(false)
            .idf(false)
            .normalize(false)
            .balanceLabels(false)
            .seed(99)
            .threads(3)
            .build();
    assertThat(TrainingConfig.fromMap(c.toMap())).isEqualTo(c);
    assertThat(c.toMap()).hasSize(18);
  }

  @Test
  void rejectsInvalidSettingsWithTheirName() {
    TrainingConfig.Builder b = TrainingConfig.builder();
    assertThatThrownBy(() -> b.iterations(0)).hasMessageContaining("iterations");
    assertThatThrownBy(() -> b.cutoff(0)).hasMessageContaining("cutoff");
    assertThatThrownBy(() -> b.threads(0)).hasMessageContaining("threads");
    assertThatThrownBy(() -> b.maxFeatures(-1)).hasMessageContaining("maxFeatures");
    assertThatThrownBy(() -> b.regularization(-0.1)).hasMessageContaining("regularization");
    assertThatThrownBy(() -> b.regularization(Double.NaN)).hasMessageContaining("regularization");
    assertThatThrownBy(() -> b.titleWeight(Double.POSITIVE_INFINITY))
        .hasMessageContaining("titleWeight");
    assertThatThrownBy(() -> b.ngramRange(2, 1)).hasMessageContaining("ngram");
    assertThatThrownBy(() -> b.ngramRange(0, 1)).hasMessageContaining("ngram");
    assertThatThrownBy(() -> b.ngramRange(1, 4)).hasMessageContaining("ngram");
    assertThatThrownBy(() -> b.stopWords(Set.of("two words"))).hasMessageContaining("two words");
    assertThatThrownBy(() -> TrainingConfig.fromMap(java.util.Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing");
  }

  @Test
  void toStringListsSettingsButSummarisesStopWords() {
    String s =
        TrainingConfig.defaults().toBuilder()
            .stopWords(TrainingConfig.ENGLISH_STOP_WORDS)
            .build()
            .toString();
    assertThat(s).contains("algorithm=MAXENT_QN", "ngramMax=2", "stopWords=")
        .doesNotContain("themselves");
  }
}
