package org.newsdesk.classifier;

/**
 * One entry of a per-thread token or number cache: a raw token (the key) and what analysing it
 * gave (the value): its stemmed text, its term id here (-1 if in no feature), the feature id of
 * the term as a unigram (-1 if none) and the 64-bit hash of its text, or that it is skipped (a
 * stop word, or no letter or digit). Key and value share one object so that a cache hit reads one
 * object: a token of at most 16 chars below U+0100 is compared by its chars {@linkplain
 * TokenSpans#pack packed} into two longs, any other by its string.
 */
final class Term {
  final int hash;
  final int length;
  final long packed0;
  final long packed1;
  /** The raw token, kept only when it cannot be packed. */
  final String token;
  final String text;
  final int id;
  final int unigram;
  /** The terms that may follow this one in a feature ({@code FeatureExtractor.followers}). */
  final long followers;
  final long textHash;
  final boolean skip;

  /**
   * The entry of the token {@code chars[from, to)}, whose {@linkplain TokenSpans#hash cache hash}
   * is {@code hash}, analysed as {@code text} with term id {@code id} (-1 if in no feature), the
   * feature of the term as a unigram ({@code unigram}, -1 if none) and the terms that may follow
   * it in a feature ({@code followers}), or skipped.
   */
  Term(
      char[] chars,
      int from,
      int to,
      int hash,
      String text,
      int id,
      int unigram,
      long followers,
      boolean skip) {
    this.hash = hash;
    this.length = to - from;
    boolean packable = TokenSpans.packable(chars, from, to);
    this.packed0 = packable ? TokenSpans.pack(chars, from, to, 0) : 0;
    this.packed1 = packable ? TokenSpans.pack(chars, from, to, 1) : 0;
    this.token = packable ? null : new String(chars, from, length);
    this.text = text;
    this.id = id;
    this.unigram = unigram;
    this.followers = followers;
    this.textHash = skip ? 0 : FeatureExtractor.hash(text);
    this.skip = skip;
  }

  /** Whether this is the entry of {@code s[from, from + len)}, with the given pack if packable. */
  boolean matches(char[] s, int from, int len, boolean packable, long p0, long p1) {
    if (length != len) {
      return false;
    }
    if (packable) {
      return token == null && packed0 == p0 && packed1 == p1;
    }
    if (token == null) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (token.charAt(i) != s[from + i]) {
        return false;
      }
    }
    return true;
  }
}
