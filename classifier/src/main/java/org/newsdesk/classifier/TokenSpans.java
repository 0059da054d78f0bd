package org.newsdesk.classifier;

import java.util.Arrays;
import opennlp.tools.util.StringUtil;

/**
 * The token boundaries of OpenNLP's {@code SimpleTokenizer}, found without its per-token {@code
 * Span} and {@code String} objects. Tokenising was a third of prediction time, mostly in that
 * allocation; here a reused instance only records offsets, each token's chars packed into two
 * longs and a hash of them, so a cache can be probed straight from the text without reading it
 * twice. The character classes come from the same OpenNLP and JDK predicates, and a test checks
 * the boundaries against {@code SimpleTokenizer.INSTANCE} on random text. Not thread-safe: each
 * analyser thread owns one.
 */
final class TokenSpans {

  private static final byte WHITESPACE = 0;
  private static final byte ALPHABETIC = 1;
  private static final byte NUMERIC = 2;
  private static final byte OTHER = 3;

  /** Classes of the first 2,048 chars (Latin, Greek, Cyrillic, ...), looked up rather than tested. */
  private static final byte[] TYPES = new byte[0x800];

  /** Classes of General Punctuation (U+2000-U+206F: curly quotes, dashes, odd spaces), common in news. */
  private static final int PUNCTUATION = 0x2000;

  private static final byte[] PUNCTUATION_TYPES = new byte[0x70];

  static {
    for (char c = 0; c < TYPES.length; c++) {
      TYPES[c] = classify(c);
    }
    for (int i = 0; i < PUNCTUATION_TYPES.length; i++) {
      PUNCTUATION_TYPES[i] = classify((char) (PUNCTUATION + i));
    }
  }

  private static byte type(char c) {
    if (c < 0x800) {
      return TYPES[c];
    }
    int p = c - PUNCTUATION;
    return p >= 0 && p < PUNCTUATION_TYPES.length ? PUNCTUATION_TYPES[p] : classify(c);
  }

  /** SimpleTokenizer's character class, with its predicates in its order. */
  private static byte classify(char c) {
    if (StringUtil.isWhitespace(c)) {
      return WHITESPACE;
    }
    if (Character.isAlphabetic(c)) {
      return ALPHABETIC;
    }
    return Character.isDigit(c) ? NUMERIC : OTHER;
  }

  /** The longest text whose chars stay buffered between scans. */
  private static final int MAX_KEPT = 1 << 16;

  /** The longest token kept {@linkplain #packable packed}. */
  static final int MAX_PACKED = 16;

  private char[] kept = new char[1024];
  private char[] chars = kept;
  private int[] bounds = new int[64];
  private int[] hashes = new int[32];
  private long[] packed = new long[64];
  private int count;
  private boolean ascii;

  /**
   * Splits a text: a token is a run of letters, a run of digits, or a run of one repeated other
   * character; whitespace separates tokens.
   *
   * @return this, holding the text's tokens
   */
  TokenSpans scan(String s) {
    count = 0;
    int length = s.length();
    if (kept.length < length && length <= MAX_KEPT) {
      kept = new char[Math.min(MAX_KEPT, Math.max(length, 2 * kept.length))];
    }
    // a huge text gets an array of its own, dropped at the next scan
    chars = length <= kept.length ? kept : new char[length];
    // one bulk copy, then plain array reads (no per-char coder check and bounds check on a String)
    char[] cs = chars;
    s.getChars(0, length, cs, 0);
    int all = 0;
    int i = 0;
    // token by token: skip whitespace, then take the run of one class (letters, digits, or one
    // repeated other char) in a tight loop of its own, packing its chars as it goes (see pack)
    while (i < length) {
      char c = cs[i];
      byte type = type(c);
      if (type == WHITESPACE) {
        all |= c;
        i++;
        continue;
      }
      int start = i;
      int tokenAll = c;
      long p0 = c;
      long p1 = 0;
      i++;
      if (type == OTHER) {
        while (i < length && cs[i] == c) {
          p1 = p1 << 8 | p0 >>> 56;
          p0 = p0 << 8 | c;
          i++;
        }
      } else {
        while (i < length) {
          char d = cs[i];
          if (type(d) != type) {
            break;
          }
          tokenAll |= d;
          p1 = p1 << 8 | p0 >>> 56;
          p0 = p0 << 8 | d;
          i++;
        }
      }
      all |= tokenAll;
      boolean packable = tokenAll < 0x100 && i - start <= MAX_PACKED;
      // a packable run of digits is a number: below U+0100 only '0'-'9' are digits
      add(start, i, packable, packable && type == NUMERIC, p0, p1);
    }
    ascii = all < 0x80;
    return this;
  }

  /**
   * One half of the pack of a token of at most {@link #MAX_PACKED} chars below U+0100: its chars
   * one byte each, the last char in the lowest byte of half 0 and the eight before them in half
   * 1. With the token's length, equal packs mean equal tokens. {@link #scan} packs the same way as
   * it reads.
   *
   * @param half 0 for the last eight chars, 1 for the eight before them
   */
  static long pack(char[] s, int from, int to, int half) {
    long p0 = 0;
    long p1 = 0;
    for (int i = from; i < to; i++) {
      p1 = p1 << 8 | p0 >>> 56;
      p0 = p0 << 8 | s[i];
    }
    return half == 0 ? p0 : p1;
  }

  /** Whether {@code s[from, to)} can be {@linkplain #pack packed}. */
  static boolean packable(char[] s, int from, int to) {
    if (to - from > MAX_PACKED) {
      return false;
    }
    int all = 0;
    for (int i = from; i < to; i++) {
      all |= s[i];
    }
    return all < 0x100;
  }

  /**
   * The cache hash of a token: mixed from its pack when it is packable, else its {@link
   * String#hashCode()} (long or non-Latin-1 tokens are rare, and hashed in a second pass).
   */
  static int hash(char[] s, int from, int to, boolean packable, long p0, long p1) {
    if (packable) {
      return (int) FeatureExtractor.mix(p0 * 0x9E3779B97F4A7C15L + p1 + (to - from));
    }
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + s[i];
    }
    return h;
  }

  /** The chars of the last scanned text (the array may be longer than the text). */
  char[] chars() {
    return chars;
  }

  /**
   * Whether {@code s[from, to)} is a {@linkplain #number(int) number}: one to {@link #MAX_PACKED}
   * ASCII digits.
   */
  static boolean isNumber(char[] s, int from, int to) {
    if (to <= from || to - from > MAX_PACKED) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (s[i] < '0' || s[i] > '9') {
        return false;
      }
    }
    return true;
  }

  private void add(int start, int end, boolean packable, boolean number, long p0, long p1) {
    if (count == hashes.length) {
      bounds = Arrays.copyOf(bounds, bounds.length * 2);
      hashes = Arrays.copyOf(hashes, hashes.length * 2);
      packed = Arrays.copyOf(packed, packed.length * 2);
    }
    // the start, with the sign bit set for a number
    bounds[2 * count] = number ? start | Integer.MIN_VALUE : start;
    // the end, with the sign bit set for a packable token
    bounds[2 * count + 1] = packable ? end | Integer.MIN_VALUE : end;
    packed[2 * count] = packable ? p0 : 0;
    packed[2 * count + 1] = packable ? p1 : 0;
    hashes[count] = hash(chars, start, end, packable, p0, p1);
    count++;
  }

  /** Whether every char of the last scanned text was ASCII. */
  boolean ascii() {
    return ascii;
  }

  /** The number of tokens found by the last scan. */
  int count() {
    return count;
  }

  /** Where token {@code i} starts. */
  int start(int i) {
    return bounds[2 * i] & Integer.MAX_VALUE;
  }

  /**
   * Whether token {@code i} is a number ({@link #isNumber}): one to {@link #MAX_PACKED} ASCII
   * digits, always {@linkplain #packable(int) packable}.
   */
  boolean number(int i) {
    return bounds[2 * i] < 0;
  }

  /** Where token {@code i} ends (exclusive). */
  int end(int i) {
    return bounds[2 * i + 1] & Integer.MAX_VALUE;
  }

  /** Whether token {@code i} is {@linkplain #pack packable}. */
  boolean packable(int i) {
    return bounds[2 * i + 1] < 0;
  }

  /** The first long of token {@code i}'s {@linkplain #pack pack} (0 if not packable). */
  long packed0(int i) {
    return packed[2 * i];
  }

  /** The second long of token {@code i}'s {@linkplain #pack pack} (0 if not packable). */
  long packed1(int i) {
    return packed[2 * i + 1];
  }

  /**
   * The {@linkplain #hash cache hash} of token {@code i}, computed during the scan so that a cache
   * can be probed without reading the token's chars again.
   */
  int hash(int i) {
    return hashes[i];
  }

  /** The token hashes of the last scan, by token index (valid up to {@link #count()}). */
  int[] hashes() {
    return hashes;
  }
}
