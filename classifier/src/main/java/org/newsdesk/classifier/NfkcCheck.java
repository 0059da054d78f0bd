package org.newsdesk.classifier;

import java.nio.CharBuffer;
import java.text.Normalizer;

/**
 * Whether a text is already NFKC, checking only its non-ASCII stretches: each run of non-ASCII
 * chars together with the char before it. Every ASCII char is a normalization boundary (NFKC
 * leaves it as it is, it has combining class 0 and nothing composes with a char before it), so the
 * text is NFKC exactly when each such stretch is; a text with a few curly quotes is then checked
 * in a few chars instead of all of them. {@code Normalizer.isNormalized} decides each stretch.
 *
 * <p>An instance also remembers the answer for short stretches (at most {@value #MEMO_CHARS}
 * chars, the char before included), in a small direct-mapped table keyed by the stretch's exact
 * chars: a call to the normalizer costs about a microsecond however short the stretch, and the
 * same few stretches (a curly quote after a letter) come back in text after text. Not
 * thread-safe: each analysing thread owns one.
 *
 * <p>A stretch with more than {@value StreamSafe#MAX_NON_STARTERS} non-starters in a row is
 * answered {@code false} without asking the normalizer, whose check takes time quadratic in such
 * a run: the text is not stream-safe, so the extractor rewrites it anyway ({@link StreamSafe}).
 */
final class NfkcCheck {

  /** The longest stretch remembered: three 16-bit chars and the length fill a {@code long}. */
  static final int MEMO_CHARS = 3;

  private static final int SLOTS = 1024;

  /** Packed stretches; 0 is an empty slot (a packed stretch holds its length, so is never 0). */
  private final long[] keys = new long[SLOTS];

  private final boolean[] answers = new boolean[SLOTS];

  /**
   * Whether {@code s} is NFKC, as {@code Normalizer.isNormalized(s, NFKC)} says, remembering the
   * answers for short stretches; {@code false} for a text with a run of more than {@value
   * StreamSafe#MAX_NON_STARTERS} non-starters.
   */
  boolean isNfkc(String s) {
    return check(s, this);
  }

  /** Whether {@code s} is NFKC, as {@link #isNfkc} says; no memory. */
  static boolean isNfkcOnce(String s) {
    return check(s, null);
  }

  private static boolean check(String s, NfkcCheck memo) {
    int n = s.length();
    int i = 0;
    while (i < n) {
      if (s.charAt(i) < 0x80) {
        i++;
        continue;
      }
      int start = Math.max(0, i - 1);
      while (i < n && s.charAt(i) >= 0x80) {
        i++;
      }
      if (i - start > StreamSafe.MAX_NON_STARTERS && StreamSafe.hasLongRun(s, start, i)) {
        return false;
      }
      boolean normalized =
          memo != null && i - start <= MEMO_CHARS
              ? memo.remembered(s, start, i)
              : normalized(s, start, i);
      if (!normalized) {
        return false;
      }
    }
    return true;
  }

  private boolean remembered(String s, int from, int to) {
    long key = to - from;
    for (int i = from; i < to; i++) {
      key = key << 16 | s.charAt(i);
    }
    long h = key * 0x9E3779B97F4A7C15L;
    int slot = (int) (h >>> 54); // the top 10 bits: SLOTS = 1024
    if (keys[slot] == key) {
      return answers[slot];
    }
    boolean answer = normalized(s, from, to);
    keys[slot] = key;
    answers[slot] = answer;
    return answer;
  }

  private static boolean normalized(String s, int from, int to) {
    return Normalizer.isNormalized(CharBuffer.wrap(s, from, to), Normalizer.Form.NFKC);
  }
}
