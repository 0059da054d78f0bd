package org.newsdesk.classifier;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * Cross-validation folds over examples that are iterated again rather than held: one {@code int}
 * per example says its fold, and each use re-reads the examples and selects by position.
 */
final class Folds {
  private Folds() {}

  /**
   * Deals the examples into {@code k} stratified folds: each label's examples (labels in name
   * order) are shuffled with the seed and dealt round-robin, continuing from label to label.
   *
   * @return the fold of each example, by position
   * @throws IllegalArgumentException if there are fewer than {@code k} examples
   */
  static int[] deal(Iterable<LabeledText> examples, int k, long seed) {
    TreeMap<String, Integer> ids = new TreeMap<>();
    int[] labelOf = new int[16];
    int n = 0;
    for (LabeledText e : examples) {
      if (n == labelOf.length) {
        labelOf = Arrays.copyOf(labelOf, Math.addExact(n, n >> 1));
      }
      Integer id = ids.get(e.label());
      if (id == null) {
        id = ids.size();
        ids.put(e.label(), id);
      }
      labelOf[n++] = id;
    }
    if (n < k) {
      throw new IllegalArgumentException("need at least k=" + k + " examples, got " + n);
    }
    // positions grouped by label, in the order labels were first seen
    int[] count = new int[ids.size()];
    for (int i = 0; i < n; i++) {
      count[labelOf[i]]++;
    }
    int[][] byLabel = new int[ids.size()][];
    for (int l = 0; l < byLabel.length; l++) {
      byLabel[l] = new int[count[l]];
      count[l] = 0;
    }
    for (int i = 0; i < n; i++) {
      byLabel[labelOf[i]][count[labelOf[i]]++] = i;
    }
    int[] fold = new int[n];
    Random random = new Random(seed);
    int next = 0;
    for (int id : ids.values()) { // label name order
      int[] positions = byLabel[id];
      shuffle(positions, random);
      for (int i : positions) {
        fold[i] = next;
        next = (next + 1) % k;
      }
    }
    return fold;
  }

  /** Fisher-Yates, drawing exactly as {@code Collections.shuffle} does on a list. */
  static void shuffle(int[] a, Random random) {
    for (int i = a.length; i > 1; i--) {
      int j = random.nextInt(i);
      int t = a[i - 1];
      a[i - 1] = a[j];
      a[j] = t;
    }
  }

  /** The examples at the positions {@code keep} accepts, read again from {@code examples}. */
  static Iterator<LabeledText> select(
      Iterable<LabeledText> examples, int[] fold, IntPredicate keep) {
    Iterator<LabeledText> all = counted(examples, fold.length).iterator();
    return new Iterator<>() {
      private int position;
      private LabeledText next;

      @Override
      public boolean hasNext() {
        while (next == null && all.hasNext()) {
          LabeledText e = all.next();
          if (keep.test(position++)) {
            next = e;
          }
        }
        return next != null;
      }

      @Override
      public LabeledText next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        LabeledText e = next;
        next = null;
        return e;
      }
    };
  }

  /**
   * The examples, checked to be {@code n} again: more, or fewer once the iteration ends, is an
   * {@link IllegalStateException} (the folds were dealt for other examples).
   */
  static Iterable<LabeledText> counted(Iterable<LabeledText> examples, int n) {
    return () -> {
      Iterator<LabeledText> it = examples.iterator();
      return new Iterator<>() {
        private int seen;

        @Override
        public boolean hasNext() {
          boolean more = it.hasNext();
          if (more ? seen >= n : seen != n) {
            throw changed(n, more ? "more" : String.valueOf(seen));
          }
          return more;
        }

        @Override
        public LabeledText next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          seen++;
          return it.next();
        }
      };
    };
  }

  private static IllegalStateException changed(int n, String now) {
    return new IllegalStateException(
        "the examples changed between iterations: " + n + " at first, now " + now);
  }
}
