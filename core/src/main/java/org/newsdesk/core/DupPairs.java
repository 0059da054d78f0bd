package org.newsdesk.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.text.similarity.CosineSimilarity;

/**
 * Finds every pair of token-count vectors whose cosine similarity reaches a threshold, without
 * scoring all pairs.
 *
 * <p>Candidate generation is the prefix filter of Bayardo et al., "Scaling up all pairs similarity
 * search" (WWW 2007), with Cauchy-Schwarz bounds. Order the tokens from the most to the least
 * frequent in the collection; for each vector, its <em>head</em> is the longest leading run of
 * tokens whose share of the vector's squared norm stays below {@code threshold²}, its <em>tail</em>
 * the remaining, rarer tokens. If two vectors shared no tail token, every shared token would lie in
 * the longer of the two heads, so {@code cos(x, y) <= |head|/|vector|} of that vector, which is
 * below the threshold. Hence it suffices to index only tails and to probe the index with tails: the
 * common tokens' long posting lists are never read. While probing, the dot product over shared tail
 * tokens is accumulated; a candidate is scored exactly (commons-text {@link CosineSimilarity}) only
 * if that partial product plus the most the heads can add reaches the threshold.
 */
final class DupPairs {

  /**
   * Slack for rounding, in the bounds and in the final comparison: the cosine of two vectors
   * with the same direction can come out as 0.9999999999999998, which must still reach a
   * threshold of 1.
   */
  static final double EPSILON = 1e-9;

  private static final CosineSimilarity COSINE = new CosineSimilarity();

  /**
   * A pair of vectors, by position, with {@code first < second}.
   *
   * @param first index of the earlier vector
   * @param second index of the later vector
   * @param score their cosine similarity
   */
  record Pair(int first, int second, double score) {}

  private final List<Pair> pairs;
  private final long candidates;

  private DupPairs(List<Pair> pairs, long candidates) {
    this.pairs = pairs;
    this.candidates = candidates;
  }

  /** Receives pairs as they are found, so that callers need not hold them all. */
  interface Sink {
    /**
     * Takes one pair.
     *
     * @param first index of the earlier vector
     * @param second index of the later vector
     * @param score their cosine similarity, at least the threshold minus {@link #EPSILON}
     */
    void accept(int first, int second, double score);
  }

  /**
   * Finds all pairs with {@code cos >= threshold - EPSILON} and keeps them in a list.
   *
   * @param vectors token counts, one per item; empty vectors never pair
   * @param threshold the minimum similarity, in {@code (0, 1]}
   * @return the pairs found and the number of candidates scored
   */
  static DupPairs find(List<Map<CharSequence, Integer>> vectors, double threshold) {
    List<Pair> pairs = new ArrayList<>();
    long candidates =
        find(
            vectors,
            threshold,
            (first, second, score) -> pairs.add(new Pair(first, second, score)));
    return new DupPairs(pairs, candidates);
  }

  /**
   * Finds all pairs with {@code cos >= threshold - EPSILON}, handing each to {@code sink} once,
   * in no particular order.
   *
   * @param vectors token counts, one per item; empty vectors never pair
   * @param threshold the minimum similarity, in {@code (0, 1]}
   * @param sink receives the pairs
   * @return the number of candidate pairs scored exactly
   */
  static long find(List<Map<CharSequence, Integer>> vectors, double threshold, Sink sink) {
    Map<CharSequence, Integer> documentFrequency = new HashMap<>();
    for (Map<CharSequence, Integer> vector : vectors) {
      for (CharSequence token : vector.keySet()) {
        documentFrequency.merge(token, 1, Integer::sum);
      }
    }
    // Global order: most frequent first, ties by text so nothing depends on hash order.
    CharSequence[] byFrequency = documentFrequency.keySet().toArray(new CharSequence[0]);
    Arrays.sort(
        byFrequency,
        Comparator.<CharSequence>comparingInt(documentFrequency::get)
            .reversed()
            .thenComparing(CharSequence::toString));
    Map<CharSequence, Integer> rankOf = new HashMap<>(byFrequency.length * 2);
    for (int r = 0; r < byFrequency.length; r++) {
      rankOf.put(byFrequency[r], r);
    }

    int n = vectors.size();
    // Pairs are kept from threshold - EPSILON on; the bounds below get EPSILON more slack.
    double cutoff = threshold - EPSILON;
    double minShare = cutoff * cutoff - EPSILON;
    Sparse[] sparse = new Sparse[n];
    Postings[] index = new Postings[byFrequency.length];
    int[] lastProbe = new int[n];
    Arrays.fill(lastProbe, -1);
    double[] partial = new double[n];
    int[] seen = new int[n];
    long candidates = 0;
    for (int x = 0; x < n; x++) {
      Map<CharSequence, Integer> vector = vectors.get(x);
      if (vector.isEmpty()) {
        continue;
      }
      Sparse sx = new Sparse(vector, rankOf, minShare);
      sparse[x] = sx;

      // Probe: accumulate the tail-tail dot product with every earlier vector sharing a tail token.
      int seenCount = 0;
      for (int t = sx.tailStart; t < sx.ranks.length; t++) {
        Postings postings = index[sx.ranks[t]];
        if (postings == null) {
          continue;
        }
        int count = sx.counts[t];
        for (int i = 0; i < postings.size; i++) {
          int y = postings.ids[i];
          if (lastProbe[y] != x) {
            lastProbe[y] = x;
            partial[y] = 0;
            seen[seenCount++] = y;
          }
          partial[y] += (double) count * postings.counts[i];
        }
      }
      for (int s = 0; s < seenCount; s++) {
        int y = seen[s];
        Sparse sy = sparse[y];
        // Shared tokens outside both tails lie in the longer head; bound their product by
        // Cauchy-Schwarz over that rank range.
        double headBound =
            sx.tailRank() >= sy.tailRank()
                ? sx.normBelow(sx.tailRank()) * sy.normBelow(sx.tailRank())
                : sx.normBelow(sy.tailRank()) * sy.normBelow(sy.tailRank());
        if (partial[y] + headBound >= (cutoff - EPSILON) * sx.norm * sy.norm) {
          candidates++;
          double score = COSINE.cosineSimilarity(vectors.get(y), vector);
          if (score >= cutoff) {
            sink.accept(y, x, score);
          }
        }
      }
      for (int t = sx.tailStart; t < sx.ranks.length; t++) {
        int rank = sx.ranks[t];
        if (index[rank] == null) {
          index[rank] = new Postings();
        }
        index[rank].add(x, sx.counts[t]);
      }
    }
    return candidates;
  }

  /**
   * Returns the pairs found, in the order they were found.
   *
   * @return pairs with {@code score >= threshold - EPSILON}
   */
  List<Pair> pairs() {
    return pairs;
  }

  /**
   * Returns how many pairs were scored exactly; the rest were ruled out by the index.
   *
   * @return the number of candidate pairs
   */
  long candidates() {
    return candidates;
  }

  /** A vector as token ranks in global order, with counts and the head/tail split. */
  private static final class Sparse {
    final int[] ranks;
    final int[] counts;

    /** {@code cumulative[k]} is the squared norm of the first {@code k} tokens. */
    final double[] cumulative;

    final int tailStart;
    final double norm;

    Sparse(Map<CharSequence, Integer> vector, Map<CharSequence, Integer> rankOf, double minShare) {
      int size = vector.size();
      long[] packed = new long[size];
      int k = 0;
      for (Map.Entry<CharSequence, Integer> entry : vector.entrySet()) {
        packed[k++] = ((long) rankOf.get(entry.getKey()) << 32) | entry.getValue();
      }
      Arrays.sort(packed);
      ranks = new int[size];
      counts = new int[size];
      cumulative = new double[size + 1];
      for (k = 0; k < size; k++) {
        ranks[k] = (int) (packed[k] >>> 32);
        counts[k] = (int) packed[k];
        cumulative[k + 1] = cumulative[k] + (double) counts[k] * counts[k];
      }
      double norm2 = cumulative[size];
      norm = Math.sqrt(norm2);
      int t = 0;
      while (t < size && cumulative[t + 1] / norm2 < minShare) {
        t++;
      }
      tailStart = t;
    }

    /** The rank of the first tail token: the head holds exactly the tokens ranked below it. */
    int tailRank() {
      return ranks[tailStart];
    }

    /** The norm of this vector restricted to tokens ranked below {@code rank}. */
    double normBelow(int rank) {
      int k = Arrays.binarySearch(ranks, rank);
      return Math.sqrt(cumulative[k >= 0 ? k : -k - 1]);
    }
  }

  /** Parallel growable arrays of vector ids and token counts: no boxing in the hot loop. */
  private static final class Postings {
    int[] ids = new int[4];
    int[] counts = new int[4];
    int size;

    void add(int id, int count) {
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, size * 2);
        counts = Arrays.copyOf(counts, size * 2);
      }
      ids[size] = id;
      counts[size++] = count;
    }
  }
}
