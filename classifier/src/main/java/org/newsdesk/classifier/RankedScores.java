package org.newsdesk.classifier;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A classifier's label scores, best first, read straight from its probabilities: the best label is
 * found when the list is made (one pass), the full order ({@link TopicClassifier#rank}) only when a
 * later rank is first read, and a {@link LabelScore} only for the element read. Most callers ask
 * for the best label alone, so most predictions never sort or create a score object per label.
 * Immutable (the arrays are never written after construction) and thread-safe.
 */
final class RankedScores extends AbstractList<LabelScore> implements RandomAccess {

  private final String[] labels;
  private final double[] probs;
  private final int[] tieRanks;
  private final int best;
  private volatile int[] order;

  /**
   * @param labels the label of each outcome index
   * @param probs the probability of each outcome, at least one; owned by this list from now on
   * @param tieRanks each outcome's place among equal probabilities (lower first)
   */
  RankedScores(String[] labels, double[] probs, int[] tieRanks) {
    this.labels = labels;
    this.probs = probs;
    this.tieRanks = tieRanks;
    int b = 0;
    for (int i = 1; i < probs.length; i++) {
      int c = Double.compare(probs[i], probs[b]);
      if (c > 0 || c == 0 && tieRanks[i] < tieRanks[b]) {
        b = i;
      }
    }
    this.best = b;
  }

  @Override
  public LabelScore get(int index) {
    Objects.checkIndex(index, probs.length);
    int outcome = index == 0 ? best : order()[index];
    return new LabelScore(labels[outcome], probs[outcome]);
  }

  @Override
  public int size() {
    return probs.length;
  }

  /** The best label, without creating its score object. */
  String bestLabel() {
    return labels[best];
  }

  /** The best probability. */
  double bestScore() {
    return probs[best];
  }

  private int[] order() {
    int[] o = order;
    if (o == null) {
      o = TopicClassifier.rank(probs, tieRanks);
      order = o;
    }
    return o;
  }
}
