package org.newsdesk.classifier;

/**
 * The analysed terms of recently seen {@linkplain TokenSpans#number numbers}, kept apart from the
 * {@link TermCache}. Numbers (amounts, dates, reference numbers) are the part of a news vocabulary
 * that never stops growing: in the benchmark digest almost every distinct token is a number, most
 * seen a few times. In the token cache they filled it again and again (emptying it each time) and
 * spread its entries over megabytes, so that even the words every text repeats were cache misses.
 * Here a number has one slot, chosen by its hash, that the next number with the same slot takes
 * over: a fixed size whatever the input, and the numbers that do recur (years, small counts) stay.
 * A slot holds its number's key (hash, length and pack) beside the entry, so that a miss, the usual
 * case, reads no entry object. Not thread-safe: each analysing thread owns one.
 */
final class NumberCache {
  static final int SLOTS = 4096;

  private final int[] hashes = new int[SLOTS];
  private final int[] lengths = new int[SLOTS]; // 0: an empty slot (a number has 1 or more chars)
  private final long[] packs = new long[2 * SLOTS];
  private final Term[] terms = new Term[SLOTS];

  /**
   * The entry of the number with {@linkplain TokenSpans#hash cache hash} {@code hash}, {@code
   * length} chars and {@linkplain TokenSpans#pack pack} {@code p0, p1}, or null.
   */
  Term get(int hash, int length, long p0, long p1) {
    int s = slot(hash);
    return hashes[s] == hash
            && lengths[s] == length
            && packs[2 * s] == p0
            && packs[2 * s + 1] == p1
        ? terms[s]
        : null;
  }

  /** Keeps the entry of a number (a packable token), in place of the one that had its slot. */
  void put(Term term) {
    int s = slot(term.hash);
    hashes[s] = term.hash;
    lengths[s] = term.length;
    packs[2 * s] = term.packed0;
    packs[2 * s + 1] = term.packed1;
    terms[s] = term;
  }

  /** The slot of a number's hash. */
  static int slot(int hash) {
    return (hash ^ (hash >>> 16)) & (SLOTS - 1);
  }
}
