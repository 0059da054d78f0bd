package org.newsdesk.core;

import java.util.ArrayList;
import java.util.Arrays;
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
 * tokens is accumulated; a candidate is scored exactly (as commons-text {@link CosineSimilarity}
 * scores it, to the last bit) only if that partial product plus the most the heads can add reaches
 * the threshold.
 *
 * <p>Work per vector is bounded: the probe reads tail tokens rarest first and stops after {@link
 * #MAX_CANDIDATES} distinct candidates or {@link #MAX_POSTINGS} entries. A vector whose probe
 * stopped ("capped") is compared only with the candidates met, the unread tail tokens counted in
 * the bound, and not with candidates already connected to it; see {@link DuplicateFinder}.
 */
final class DupPairs {

  /**
   * Slack for rounding, in the bounds and in the final comparison: the cosine of two vectors
   * with the same direction can come out as 0.9999999999999998, which must still reach a
   * threshold of 1.
   */
  static final double EPSILON = 1e-9;

  /**
   * Earlier articles one article is compared with at most; more only when hundreds of articles
   * share its rarer words (many versions of one story, or random text).
   */
  static final int MAX_CANDIDATES = 2048;

  /** Posting entries one article's probe reads at most. */
  static final int MAX_POSTINGS = 262_144;

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
    return find(vectors, threshold, sink, MAX_CANDIDATES, MAX_POSTINGS).scored;
  }

  /** What one search did, for tests and for the cost statement in DuplicateFinder. */
  static final class Stats {
    /** Pairs scored exactly. */
    long scored;
    /** Articles whose probe stopped at a budget. */
    long capped;
  }

  /**
   * Finds all pairs with {@code cos >= threshold - EPSILON}, or, for an article whose probe
   * meets more than {@code maxCandidates} earlier articles or reads more than {@code
   * maxPostings} posting entries, the pairs among the candidates met until then, skipping those
   * already connected to it (see {@link DuplicateFinder}'s cost section).
   */
  static Stats find(List<Map<CharSequence, Integer>> vectors, double threshold, Sink sink,
      int maxCandidates, int maxPostings) {
    // Token ids in order of first appearance, and document frequencies.
    Map<CharSequence, Integer> idOf = new HashMap<>();
    int[] documentFrequency = new int[1024];
    int[][] ids = new int[vectors.size()][];
    for (int x = 0; x < vectors.size(); x++) {
      Map<CharSequence, Integer> vector = vectors.get(x);
      int[] vectorIds = new int[vector.size()];
      int k = 0;
      for (CharSequence token : vector.keySet()) {
        Integer known = idOf.putIfAbsent(token, idOf.size());
        int id = known != null ? known : idOf.size() - 1;
        if (id == documentFrequency.length) {
          documentFrequency = Arrays.copyOf(documentFrequency, id * 2);
        }
        documentFrequency[id]++;
        vectorIds[k++] = id;
      }
      ids[x] = vectorIds;
    }
    // Global order: most frequent first, ties by first appearance, so nothing depends on hash
    // order. (Any fixed order makes the prefix filter exact; this one is cheap to sort.)
    int tokens = idOf.size();
    idOf = null;
    long[] order = new long[tokens];
    for (int id = 0; id < tokens; id++) {
      order[id] = ((long) (Integer.MAX_VALUE - documentFrequency[id]) << 32) | id;
    }
    Arrays.sort(order);
    int[] rankOf = new int[tokens];
    for (int r = 0; r < tokens; r++) {
      rankOf[(int) order[r]] = r;
    }
    order = null;

    int n = vectors.size();
    // Pairs are kept from threshold - EPSILON on; the bounds below get EPSILON more slack.
    double cutoff = threshold - EPSILON;
    double minShare = cutoff * cutoff - EPSILON;
    Sparse[] sparse = new Sparse[n];
    for (int x = 0; x < n; x++) {
      Map<CharSequence, Integer> vector = vectors.get(x);
      sparse[x] = vector.isEmpty() ? null : new Sparse(vector, ids[x], rankOf, minShare);
      ids[x] = null;
    }
    Postings[] index = new Postings[tokens];
    // The counts of the vector being probed, by rank, while its candidates are scored.
    int[] dense = new int[tokens];
    int[] lastProbe = new int[n];
    Arrays.fill(lastProbe, -1);
    double[] partial = new double[n];
    int[] seen = new int[Math.min(n, maxCandidates + 1)];
    // Connectivity of the pairs found so far; used only to skip work for capped articles.
    int[] component = new int[n];
    for (int i = 0; i < n; i++) {
      component[i] = i;
    }
    Stats stats = new Stats();
    for (int x = 0; x < n; x++) {
      Sparse sx = sparse[x];
      if (sx == null) {
        continue;
      }
      // Probe, rarest tail token first: accumulate the tail-tail dot product with every earlier
      // vector sharing a tail token, within the budgets.
      int seenCount = 0;
      long read = 0;
      // Tail tokens from tailStart to unreadEnd (exclusive) were not fully read (capped probe).
      int unreadEnd = sx.tailStart;
      probe:
      for (int t = sx.ranks.length - 1; t >= sx.tailStart; t--) {
        Postings postings = index[sx.ranks[t]];
        if (postings == null) {
          continue;
        }
        int count = sx.counts[t];
        for (int i = 0; i < postings.size; i++) {
          int y = postings.ids[i];
          if (lastProbe[y] != x) {
            if (seenCount == maxCandidates || read >= maxPostings) {
              unreadEnd = t + 1;
              break probe;
            }
            lastProbe[y] = x;
            partial[y] = 0;
            seen[seenCount++] = y;
          }
          partial[y] += (double) count * postings.counts[i];
          read++;
        }
      }
      boolean capped = unreadEnd > sx.tailStart;
      // What the unread tail tokens can add to a dot product, per unit of the other's norm.
      double unreadNorm =
          Math.sqrt(sx.cumulative[unreadEnd] - sx.cumulative[sx.tailStart]);
      if (capped) {
        stats.capped++;
      }
      boolean scattered = false;
      for (int s = 0; s < seenCount; s++) {
        int y = seen[s];
        Sparse sy = sparse[y];
        if (capped && root(component, x) == root(component, y)) {
          continue; // capped: a pair already connected is not scored (see DuplicateFinder)
        }
        // Shared tokens outside both tails lie in the longer head; bound their product by
        // Cauchy-Schwarz over that rank range, and the unread tail tokens' likewise.
        double headBound =
            sx.tailRank() >= sy.tailRank()
                ? sx.normBelow(sx.tailRank()) * sy.normBelow(sx.tailRank())
                : sx.normBelow(sy.tailRank()) * sy.normBelow(sy.tailRank());
        if (partial[y] + headBound + unreadNorm * sy.norm
            < (cutoff - EPSILON) * sx.norm * sy.norm) {
          continue;
        }
        if (!scattered) {
          for (int t = 0; t < sx.ranks.length; t++) {
            dense[sx.ranks[t]] = sx.counts[t];
          }
          scattered = true;
        }
        stats.scored++;
        double score = sy.cosineWith(dense, sx.norm);
        if (score >= cutoff) {
          sink.accept(y, x, score);
          component[root(component, x)] = root(component, y);
        }
      }
      if (scattered) {
        for (int t = 0; t < sx.ranks.length; t++) {
          dense[sx.ranks[t]] = 0;
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
    return stats;
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
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

    /** {@code ids} are the token ids of {@code vector}'s keys, in its iteration order. */
    Sparse(Map<CharSequence, Integer> vector, int[] ids, int[] rankOf, double minShare) {
      int size = vector.size();
      long[] packed = new long[size];
      int k = 0;
      for (Integer count : vector.values()) {
        packed[k] = ((long) rankOf[ids[k]] << 32) | count;
        k++;
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

    /**
     * The cosine similarity with another vector given densely ({@code counts[rank]}) with its
     * norm. It is computed as commons-text's {@link CosineSimilarity} computes it, {@code this}
     * being the left vector: an integer dot product divided by the product of the square roots of
     * the (integer) squared norms. So the result is the same double.
     */
    double cosineWith(int[] counts, double otherNorm) {
      long dot = 0;
      for (int k = 0; k < ranks.length; k++) {
        dot += (long) this.counts[k] * counts[ranks[k]];
      }
      return dot / (norm * otherNorm);
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
