package org.newsdesk.classifier;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A classifier's label scores, best first, read straight from its probabilities: the one place
 * where every kind of {@link Model} gets its scores ranked. The best label is found when the list
 * is made (one pass), the full order ({@link #rank}) only when a later rank is first read, and a
 * {@link LabelScore} only for the element read. Most callers ask for the best label alone, so most
 * predictions never sort or create a score object per label. Immutable (the arrays are never
 * written after construction) and thread-safe.
 */
final class RankedScores extends AbstractList<LabelScore> implements RandomAccess {

  /** Up to this many labels are ranked by insertion sort (cheapest for few); more by merge sort. */
  private static final int INSERTION_SORT_LIMIT = 16;

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
      o = rank(probs, tieRanks);
      order = o;
    }
    return o;
  }

  /**
   * The outcome indexes by descending probability, equal ones by ascending tie rank. Few labels
   * are insertion-sorted; many are merge-sorted, so the cost is O(n log n) whatever their order.
   */
  static int[] rank(double[] probs, int[] tieRanks) {
    int n = probs.length;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    if (n <= INSERTION_SORT_LIMIT) {
      for (int i = 1; i < n; i++) {
        int o = order[i];
        int j = i;
        while (j > 0 && before(o, order[j - 1], probs, tieRanks)) {
          order[j] = order[j - 1];
          j--;
        }
        order[j] = o;
      }
      return order;
    }
    int[] buffer = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + 2 * width, n);
        int a = lo;
        int b = mid;
        for (int k = lo; k < hi; k++) {
          if (a < mid && (b >= hi || !before(order[b], order[a], probs, tieRanks))) {
            buffer[k] = order[a++];
          } else {
            buffer[k] = order[b++];
          }
        }
      }
      int[] t = order;
      order = buffer;
      buffer = t;
    }
    return order;
  }

  private static boolean before(int a, int b, double[] probs, int[] tieRanks) {
    int c = Double.compare(probs[b], probs[a]);
    return c != 0 ? c < 0 : tieRanks[a] < tieRanks[b];
  }
}
