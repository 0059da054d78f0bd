package org.newsdesk.classifier;

/**
 * Raw token to analysed term, probed with a slice of the text, its hash and its packed chars
 * (all from {@link TokenSpans}), so that a hit creates no string and reads one entry object;
 * numbers have a {@link NumberCache} of their own. Open addressing with linear probing
 * (hand-written: a {@code HashMap} would need a {@code String} key per probe); emptied when it
 * holds {@link FeatureExtractor#TOKEN_CACHE_LIMIT} entries, so memory stays bounded. Not
 * thread-safe: each analysing thread owns one.
 */
final class TermCache {
  private static final int CAPACITY =
      Integer.highestOneBit(FeatureExtractor.TOKEN_CACHE_LIMIT) * 4;
  private Term[] table = new Term[1024];
  private int size;
  /** Keeps {@link #prefetch}'s loads from being optimised away. */
  @SuppressWarnings("unused")
  private int touched;

  /**
   * Loads the entry in the first probe slot of each of {@code count} token hashes into {@code
   * out} (null where empty), and touches each entry's hash so it is in cache for {@link #get}.
   */
  void prefetch(int[] hashes, int count, Term[] out) {
    Term[] t = table;
    int mask = t.length - 1;
    for (int i = 0; i < count; i++) {
      out[i] = t[spread(hashes[i]) & mask];
    }
    int touched = 0;
    for (int i = 0; i < count; i++) {
      Term e = out[i];
      if (e != null) {
        touched |= e.hash;
      }
    }
    this.touched = touched;
  }

  /**
   * The entry of the token {@code text[from, to)} with {@linkplain TokenSpans#hash cache hash}
   * {@code hash} and, if {@code packable}, {@linkplain TokenSpans#pack pack} {@code p0, p1},
   * trying {@code candidate} (an entry {@link #prefetch} found, possibly since removed) first, or
   * null.
   */
  Term get(
      char[] text, int from, int to, int hash, boolean packable, long p0, long p1,
      Term candidate) {
    int len = to - from;
    // an entry matching the token is its analysis, whether or not it is still in the table
    if (candidate != null
        && candidate.hash == hash
        && candidate.matches(text, from, len, packable, p0, p1)) {
      return candidate;
    }
    Term[] t = table;
    int mask = t.length - 1;
    for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
      Term e = t[slot];
      if (e == null) {
        return null;
      }
      if (e.hash == hash && e.matches(text, from, len, packable, p0, p1)) {
        return e;
      }
    }
  }

  /** Adds a term whose token is not in the cache, emptying the cache first if it is full. */
  void put(Term term) {
    if (size >= FeatureExtractor.TOKEN_CACHE_LIMIT) {
      table = new Term[1024];
      size = 0;
    } else if (2 * (size + 1) > table.length && table.length < CAPACITY) {
      grow();
    }
    insert(term);
    size++;
  }

  private void insert(Term term) {
    int mask = table.length - 1;
    int slot = spread(term.hash) & mask;
    while (table[slot] != null) {
      slot = (slot + 1) & mask;
    }
    table[slot] = term;
  }

  private void grow() {
    Term[] old = table;
    table = new Term[old.length * 2];
    for (Term e : old) {
      if (e != null) {
        insert(e);
      }
    }
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }
}
