package org.newsdesk.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FoldsTest {

  /** The folds as they were dealt from a list held in memory: shuffled lists of boxed indexes. */
  private static int[] dealtFromAList(List<LabeledText> examples, int k, long seed) {
    Map<String, List<Integer>> byLabel = new TreeMap<>();
    for (int i = 0; i < examples.size(); i++) {
      byLabel.computeIfAbsent(examples.get(i).label(), l -> new ArrayList<>()).add(i);
    }
    int[] fold = new int[examples.size()];
    Random random = new Random(seed);
    int next = 0;
    for (List<Integer> indexes : byLabel.values()) {
      Collections.shuffle(indexes, random);
      for (int i : indexes) {
        fold[i] = next;
        next = (next + 1) % k;
      }
    }
    return fold;
  }

  @Test
  void dealsTheFoldsTheListBasedWayDid() {
    List<LabeledText> data = Samples.train();
    for (int k : new int[] {2, 3, 10, data.size()}) {
      for (long seed : new long[] {0, 7, 42}) {
        assertThat(Folds.deal(data, k, seed)).as("k=%d seed=%d", k, seed)
            .isEqualTo(dealtFromAList(data, k, seed));
      }
    }
  }

  @Test
  void foldsAreStratified() {
    List<LabeledText> data = Samples.train();
    int[] fold = Folds.deal(data, 5, 1);
    Map<String, int[]> perLabel = new TreeMap<>();
    for (int i = 0; i < data.size(); i++) {
      perLabel.computeIfAbsent(data.get(i).label(), l -> new int[5])[fold[i]]++;
    }
    perLabel.values().forEach(counts -> {
      int min = Integer.MAX_VALUE;
      int max = 0;
      for (int c : counts) {
        min = Math.min(min, c);
        max = Math.max(max, c);
      }
      assertThat(max - min).isLessThanOrEqualTo(1);
    });
  }

  @Test
  void tooFewExamplesAreRejected() {
    assertThatThrownBy(() -> Folds.deal(Samples.train().subList(0, 2), 3, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("need at least k=3 examples, got 2");
  }

  @Test
  void selectReadsTheExamplesAgainAndKeepsThePositionsAsked() {
    List<LabeledText> data = Samples.train().subList(0, 10);
    int[] fold = Folds.deal(data, 2, 3);
    List<LabeledText> kept = new ArrayList<>();
    Folds.select(data, fold, i -> fold[i] == 1).forEachRemaining(kept::add);
    List<LabeledText> expected = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      if (fold[i] == 1) {
        expected.add(data.get(i));
      }
    }
    assertThat(kept).isEqualTo(expected).isNotEmpty();
  }

  @Test
  void examplesThatChangeBetweenIterationsAreAnError() {
    List<LabeledText> data = new ArrayList<>(Samples.train().subList(0, 10));
    Iterable<LabeledText> counted = Folds.counted(data, 10);
    assertThat(counted).hasSize(10);
    // a pass may stop early without complaint
    Iterator<LabeledText> partial = counted.iterator();
    partial.next();
    data.add(data.get(0));
    assertThatThrownBy(() -> counted.forEach(e -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the examples changed between iterations: 10 at first, now more");
    data.subList(9, 11).clear();
    assertThatThrownBy(() -> counted.forEach(e -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the examples changed between iterations: 10 at first, now 9");
  }

  /** Cross-validation reads an iterable again for every fold instead of holding it. */
  @Test
  void crossValidationStreamsItsExamples() {
    List<LabeledText> data = Samples.train();
    AtomicInteger iterations = new AtomicInteger();
    Iterable<LabeledText> rereading = () -> {
      iterations.incrementAndGet();
      return data.iterator();
    };
    TopicTrainer trainer =
        TopicTrainer.withDefaults().withLearner(Learner.MaxEnt.DEFAULT.withIterations(20));
    Evaluation streamed = Evaluation.crossValidate(trainer, rereading, 3, 7);
    assertThat(streamed).isEqualTo(Evaluation.crossValidate(trainer, data, 3, 7));
    // one pass to deal the folds, then per fold the trainer's passes and one to predict
    assertThat(iterations.get()).isEqualTo(1 + 3 * (TopicTrainer.PASSES + 1));
  }
}
