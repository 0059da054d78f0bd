package org.newsdesk.classifier;

import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Chooses a pipeline's vocabulary from the training texts in memory proportional to the number of
 * distinct n-grams, not to the texts: the first pass counts each n-gram's document frequency under
 * a 64-bit hash (12 bytes per distinct n-gram in an open-addressing table, no strings); {@link
 * #select} keeps those in at least {@code min-df} texts, at most {@code max-features} of them; a
 * second pass over the texts names only the kept ones ({@link #name}). Two distinct n-grams share
 * a hash with probability about 2^-64 per pair (then their counts merge), which no realistic
 * vocabulary meets.
 *
 * <p>The resulting feature order is that of counting the strings themselves: document frequency
 * descending, then name. Not thread-safe: one thread adds the documents' hash sets.
 */
final class Vocabulary {

  private long[] keys = new long[1 << 12];
  private int[] counts = new int[1 << 12];
  private int size;
  private long documents;

  /**
   * Fits a vocabulary on one thread, as training does: counts, selects and names. For tests and
   * small data; training runs the same steps over batches on several threads.
   */
  static FeatureExtractor fit(FeaturePipeline pipeline, Iterable<LabeledText> texts) {
    FeatureExtractor analyzer = FeatureExtractor.analyzerOnly(pipeline);
    Vocabulary v = new Vocabulary();
    for (LabeledText t : texts) {
      v.add(analyzer.ngramHashes(t.title(), t.body()));
    }
    Selection s = v.select(pipeline.minDf(), pipeline.maxFeatures());
    for (LabeledText t : texts) {
      if (s.complete()) {
        break;
      }
      s.named(s.name(analyzer, t.title(), t.body()));
    }
    return s.extractor(pipeline);
  }

  /** Counts one document: its distinct n-gram hashes ({@link FeatureExtractor#ngramHashes}). */
  void add(long[] distinct) {
    documents++;
    for (long h : distinct) {
      increment(h);
    }
  }

  long documents() {
    return documents;
  }

  /** The number of distinct n-grams counted so far. */
  int distinct() {
    return size;
  }

  /** Bytes held by the counting table, for memory estimates and messages. */
  long bytes() {
    return (long) keys.length * (Long.BYTES + Integer.BYTES);
  }

  private void increment(long key) {
    if (2L * (size + 1) > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (true) {
      long k = keys[i];
      if (k == key) {
        if (counts[i] < Integer.MAX_VALUE) {
          counts[i]++;
        }
        return;
      }
      if (k == 0) {
        keys[i] = key;
        counts[i] = 1;
        size++;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldCounts = counts;
    keys = new long[oldKeys.length * 2];
    counts = new int[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      long k = oldKeys[j];
      if (k != 0) {
        int i = slot(k, mask);
        while (keys[i] != 0) {
          i = (i + 1) & mask;
        }
        keys[i] = k;
        counts[i] = oldCounts[j];
      }
    }
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  /**
   * The n-grams to keep: document frequency at least {@code minDf}; if more than {@code
   * maxFeatures} (when positive) qualify, the most frequent, equally frequent ones at the limit
   * taken in hash order. Frees the counting table.
   */
  Selection select(int minDf, int maxFeatures) {
    int n = 0;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0 && counts[i] >= minDf) {
        n++;
      }
    }
    long[] hashes = new long[n];
    int[] df = new int[n];
    n = 0;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0 && counts[i] >= minDf) {
        hashes[n] = keys[i];
        df[n] = counts[i];
        n++;
      }
    }
    keys = new long[0];
    counts = new int[0];
    if (maxFeatures > 0 && n > maxFeatures) {
      int[] sorted = df.clone();
      Arrays.sort(sorted);
      // the df of the maxFeatures-th most frequent n-gram: all above it are kept, ties share
      int threshold = sorted[n - maxFeatures];
      int above = 0;
      int tied = 0;
      for (int d : df) {
        if (d > threshold) {
          above++;
        } else if (d == threshold) {
          tied++;
        }
      }
      long[] tiedHashes = new long[tied];
      tied = 0;
      for (int i = 0; i < n; i++) {
        if (df[i] == threshold) {
          tiedHashes[tied++] = hashes[i];
        }
      }
      Arrays.sort(tiedHashes);
      long lastTaken = tiedHashes[maxFeatures - above - 1];
      int k = 0;
      for (int i = 0; i < n; i++) {
        if (df[i] > threshold || df[i] == threshold && hashes[i] <= lastTaken) {
          hashes[k] = hashes[i];
          df[k] = df[i];
          k++;
        }
      }
      hashes = Arrays.copyOf(hashes, k);
      df = Arrays.copyOf(df, k);
    }
    return new Selection(hashes, df, documents);
  }

  /** The kept n-grams, by hash, waiting for their names. */
  static final class Selection {
    private final long[] hashes;
    private final int[] df;
    private final long documents;
    private final LongIntMap index;
    private final AtomicReferenceArray<String> names;
    private int named;

    private Selection(long[] hashes, int[] df, long documents) {
      this.hashes = hashes;
      this.df = df;
      this.documents = documents;
      this.index = new LongIntMap(hashes.length);
      for (int i = 0; i < hashes.length; i++) {
        index.put(hashes[i], i);
      }
      this.names = new AtomicReferenceArray<>(hashes.length);
    }

    int size() {
      return hashes.length;
    }

    /** Names the kept n-grams of one text; thread-safe. */
    int name(FeatureExtractor analyzer, String title, String body) {
      return analyzer.nameNgrams(title, body, index, names);
    }

    /** Records how many names a batch wrote; one thread. */
    void named(int count) {
      named += count;
    }

    boolean complete() {
      return named == hashes.length;
    }

    /**
     * The vocabulary in feature order: document frequency descending, then name.
     *
     * @throws IllegalArgumentException if some n-gram was not met again in the naming pass (the
     *     texts changed between passes)
     */
    FeatureExtractor extractor(FeaturePipeline pipeline) {
      Integer[] order = new Integer[hashes.length];
      String[] vocabulary = new String[hashes.length];
      for (int i = 0; i < hashes.length; i++) {
        order[i] = i;
        vocabulary[i] = names.get(i);
        if (vocabulary[i] == null) {
          throw new IllegalArgumentException(
              "the training examples changed between passes: an n-gram counted in the first pass"
                  + " did not occur in the second");
        }
      }
      Arrays.sort(
          order,
          Comparator.<Integer>comparingInt(i -> -df[i]).thenComparing(i -> vocabulary[i]));
      String[] sortedNames = new String[order.length];
      int[] sortedDf = new int[order.length];
      for (int i = 0; i < order.length; i++) {
        sortedNames[i] = vocabulary[order[i]];
        sortedDf[i] = df[order[i]];
      }
      return FeatureExtractor.fitted(pipeline, sortedNames, sortedDf, documents);
    }
  }
}
