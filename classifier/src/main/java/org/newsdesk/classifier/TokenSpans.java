package org.newsdesk.classifier;

import java.util.Arrays;
import opennlp.tools.util.StringUtil;

/**
 * The token boundaries of OpenNLP's {@code SimpleTokenizer}, found without its per-token {@code
 * Span} and {@code String} objects. Tokenising was a third of prediction time, mostly in that
 * allocation; here a reused instance only records offsets and each token's string hash, so a cache
 * can be probed straight from the text in the same pass. The character classes come from the same OpenNLP and JDK predicates, and a test checks
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

  private char[] kept = new char[1024];
  private char[] chars = kept;
  private int[] bounds = new int[64];
  private int[] hashes = new int[32];
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
    // repeated other char) in a tight loop of its own, hashing as it goes
    while (i < length) {
      char c = cs[i];
      all |= c;
      byte type = type(c);
      if (type == WHITESPACE) {
        i++;
        continue;
      }
      int start = i;
      int h = c;
      i++;
      if (type == OTHER) {
        while (i < length && cs[i] == c) {
          h = 31 * h + c;
          i++;
        }
      } else {
        while (i < length) {
          char d = cs[i];
          if (type(d) != type) {
            break;
          }
          all |= d;
          h = 31 * h + d;
          i++;
        }
      }
      add(start, i, h);
    }
    ascii = all < 0x80;
    return this;
  }

  /** The chars of the last scanned text (the array may be longer than the text). */
  char[] chars() {
    return chars;
  }

  private void add(int start, int end, int hash) {
    if (count == hashes.length) {
      bounds = Arrays.copyOf(bounds, bounds.length * 2);
      hashes = Arrays.copyOf(hashes, hashes.length * 2);
    }
    bounds[2 * count] = start;
    bounds[2 * count + 1] = end;
    hashes[count] = hash;
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
    return bounds[2 * i];
  }

  /** Where token {@code i} ends (exclusive). */
  int end(int i) {
    return bounds[2 * i + 1];
  }

  /**
   * The {@link String#hashCode()} of token {@code i}'s text, computed during the scan so that a
   * cache can be probed without reading the token's chars again.
   */
  int hash(int i) {
    return hashes[i];
  }

  /** The token hashes of the last scan, by token index (valid up to {@link #count()}). */
  int[] hashes() {
    return hashes;
  }
}
