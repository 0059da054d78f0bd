package org.newsdesk.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Training that cannot fit in the heap fails early with a message that says what to change. Runs
 * in the forked {@code -Xmx256m} surefire execution (see classifier/pom.xml).
 */
class TrainingMemoryLowHeapTest {

  /** A word of letters only (one token), different for every number. */
  private static String word(int n) {
    StringBuilder sb = new StringBuilder("w");
    for (int v = n; v > 0; v /= 26) {
      sb.append((char) ('a' + v % 26));
    }
    return sb.toString();
  }

  @Test
  void trainingThatCannotFitFailsEarlyWithAClearMessage() {
    // 800 labels x 3 examples, each with 6 words of its own, by 800 labels, whose
    // optimiser state alone needs over 1.5 GB (a few words repeat: ~14,000 features)
    List<LabeledText> data = new ArrayList<>();
    int w = 0;
    for (int label = 0; label < 800; label++) {
      for (int i = 0; i < 3; i++) {
        StringBuilder text = new StringBuilder();
        for (int j = 0; j < 6; j++) {
          text.append(word(w++)).append(' ');
        }
        data.add(LabeledText.of(text.toString(), "label" + word(label)));
      }
    }
    TopicTrainer trainer =
        TopicTrainer.withDefaults().withPipeline(FeaturePipeline.parse("ngrams=1,min-df=1"));
    assertThat(Runtime.getRuntime().maxMemory()).isLessThan(300L << 20);
    assertThatThrownBy(() -> trainer.train(data))
        .isInstanceOf(OutOfMemoryError.class)
        .hasMessageContaining("features x 800 labels")
        .hasMessageContaining("training needs at least")
        .hasMessageContaining("the JVM allows")
        .hasMessageContaining("java -Xmx")
        .hasMessageContaining("max-features (now 200000)")
        .hasMessageContaining("min-df (now 1)");
    // the same data trains once the model is made small enough
    TopicClassifier small =
        trainer
            .withPipeline(FeaturePipeline.parse("ngrams=1,min-df=1,max-features=100"))
            .train(data);
    assertThat(small.labels()).hasSize(800);
  }

  /**
   * With thousands of labels and examples, the examples' scores (one per label each) are most of
   * the optimiser's memory: the advice is then fewer examples or labels, not feature settings.
   */
  @Test
  void whenTheExamplesScoresDominateTheAdviceSaysSo() {
    List<LabeledText> data = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      data.add(LabeledText.of("tariff duty " + word(i % 7), "label" + word(i % 2_000)));
    }
    TopicTrainer trainer =
        TopicTrainer.withDefaults()
            .withPipeline(FeaturePipeline.parse("ngrams=1,min-df=1,max-features=10"));
    assertThatThrownBy(() -> trainer.train(data))
        .isInstanceOf(OutOfMemoryError.class)
        .hasMessageContaining("training needs at least")
        .hasMessageContaining("fewer examples or labels")
        .hasMessageNotContaining("max-features");
  }
}
