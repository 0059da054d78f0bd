package org.newsdesk.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankedScoresTest {

  @Test
  void readsAsEveryLabelBestFirstWithTiesByTieRank() {
    String[] labels = {"d", "c", "b", "a"};
    double[] probs = {0.2, 0.3, 0.2, 0.3};
    int[] tieRanks = {3, 2, 1, 0};
    RankedScores scores = new RankedScores(labels, probs, tieRanks);

    assertThat(scores.bestLabel()).isEqualTo("a");
    assertThat(scores.bestScore()).isEqualTo(0.3);
    assertThat(scores)
        .containsExactly(
            new LabelScore("a", 0.3),
            new LabelScore("c", 0.3),
            new LabelScore("b", 0.2),
            new LabelScore("d", 0.2));
    assertThat(scores.subList(0, 2)).isEqualTo(List.of(scores.get(0), scores.get(1)));
    assertThatThrownBy(() -> scores.get(4)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void theBestLabelIsTheFirstOfTheFullOrderForEveryKindOfTie() {
    java.util.Random random = new java.util.Random(7);
    for (int trial = 0; trial < 500; trial++) {
      int n = 1 + random.nextInt(40);
      String[] labels = new String[n];
      double[] probs = new double[n];
      int[] tieRanks = new int[n];
      for (int i = 0; i < n; i++) {
        labels[i] = "l" + i;
        probs[i] = random.nextInt(4) / 4.0; // many ties
        tieRanks[i] = i;
      }
      // a random permutation as tie ranks: alphabetical or model order alike
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int x = tieRanks[i];
        tieRanks[i] = tieRanks[j];
        tieRanks[j] = x;
      }
      RankedScores scores = new RankedScores(labels, probs, tieRanks);
      int[] order = RankedScores.rank(probs, tieRanks);
      assertThat(scores.bestLabel()).isEqualTo(labels[order[0]]);
      for (int i = 0; i < n; i++) {
        assertThat(scores.get(i)).isEqualTo(new LabelScore(labels[order[i]], probs[order[i]]));
      }
    }
  }

  @Test
  void manyLabelsAreRankedInLogLinearTimeWhateverTheirOrder() {
    // the ranking used to be an insertion sort: 100k labels took 25 s per prediction
    int n = 200_000;
    double[] probs = new double[n];
    int[] ranks = new int[n];
    java.util.Random random = new java.util.Random(1);
    for (int i = 0; i < n; i++) {
      probs[i] = i % 7 == 0 ? 0.5 : random.nextDouble();
      ranks[i] = n - 1 - i;
    }
    int[] order = RankedScores.rank(probs, ranks);
    for (int i = 1; i < n; i++) {
      int a = order[i - 1];
      int b = order[i];
      assertThat(probs[a] > probs[b] || probs[a] == probs[b] && ranks[a] < ranks[b])
          .as("position %d", i)
          .isTrue();
    }
    // ascending and descending inputs take the same path: a stable merge sort
    double[] ascending = new double[n];
    for (int i = 0; i < n; i++) {
      ascending[i] = i;
    }
    assertThat(RankedScores.rank(ascending, ranks)[0]).isEqualTo(n - 1);
  }

  @Test
  void labelsAreRankedByScoreThenByLabelForFewLabelsToo() {
    double[] probs = {0.2, 0.3, 0.2, 0.3};
    int[] ranks = {3, 2, 1, 0};
    assertThat(RankedScores.rank(probs, ranks)).containsExactly(3, 1, 2, 0);
    double[] many = new double[40];
    int[] manyRanks = new int[40];
    for (int i = 0; i < 40; i++) {
      many[i] = i % 2;
      manyRanks[i] = 39 - i;
    }
    int[] order = RankedScores.rank(many, manyRanks);
    assertThat(order[0]).isEqualTo(39);
    assertThat(order[19]).isEqualTo(1);
    assertThat(order[20]).isEqualTo(38);
  }
}
