package org.newsdesk.classifier;

/**
 * Unicode's Stream-Safe Text Format (UAX #15, section 13) before NFKC: no more than {@value
 * #MAX_NON_STARTERS} non-starters in a row. The JDK's normalizer sorts a run of combining marks
 * in time quadratic in its length (a few hundred kilobytes of alternating marks took seconds, a
 * megabyte minutes), in its check as in its normalizing; a bounded run keeps both linear.
 *
 * <p>Where UAX #15 inserts U+034F COMBINING GRAPHEME JOINER after every 30 non-starters, this
 * drops the excess instead: a CGJ is neither letter, digit nor space to the tokenizer ({@link
 * TokenSpans}), so it would end a token, and a run of alphabetic marks (Devanagari vowel signs,
 * Arabic harakat) would become a chain of new tokens; dropped, the run stays one token, cut at
 * 30 marks. Text without such a run is left as it is.
 *
 * <p>The JDK has no public combining class, so non-starters are approximated, conservatively, by
 * the character's type: a combining mark ({@code Mn}, {@code Mc}, {@code Me}), or one of the four
 * characters whose compatibility decomposition begins with one. Every character with a non-zero
 * combining class, or decomposing to one first, is counted (a test checks every code point); a
 * few starters are counted too (spacing marks such as vowel signs), which only matters in a run
 * of more than 30 of them.
 */
final class StreamSafe {

  /** The most consecutive non-starters kept, as UAX #15 sets it. */
  static final int MAX_NON_STARTERS = 30;

  /** No char below this is a combining mark (the first block of them is U+0300-U+036F). */
  private static final char FIRST_MARK = '\u0300';

  private StreamSafe() {}

  /** Whether code point {@code cp} counts as a non-starter here (see the class comment). */
  static boolean nonStarter(int cp) {
    if (cp < FIRST_MARK) {
      return false;
    }
    switch (Character.getType(cp)) {
      case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK:
        return true;
      default:
        // Thai and Lao SARA AM, halfwidth katakana (semi-)voiced sound marks: NFKD begins with a
        // combining mark
        return cp == 0x0E33 || cp == 0x0EB3 || cp == 0xFF9E || cp == 0xFF9F;
    }
  }

  /**
   * Whether {@code s[from, to)} holds more than {@value #MAX_NON_STARTERS} non-starters in a row.
   */
  static boolean hasLongRun(CharSequence s, int from, int to) {
    return excessAt(s, from, to) >= 0;
  }

  /** The index of the first non-starter past the limit in {@code s[from, to)}, or -1. */
  private static int excessAt(CharSequence s, int from, int to) {
    int run = 0;
    int i = from;
    while (i < to) {
      char c = s.charAt(i);
      if (c < FIRST_MARK) {
        run = 0;
        i++;
        continue;
      }
      int cp = codePointAt(s, i, to);
      if (nonStarter(cp)) {
        if (++run > MAX_NON_STARTERS) {
          return i;
        }
      } else {
        run = 0;
      }
      i += Character.charCount(cp);
    }
    return -1;
  }

  /**
   * Returns {@code s} with the non-starters past the first {@value #MAX_NON_STARTERS} of each run
   * dropped: {@code s} itself when no run is that long.
   */
  static String limit(String s) {
    int n = s.length();
    int first = excessAt(s, 0, n);
    if (first < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(n);
    out.append(s, 0, first);
    int run = MAX_NON_STARTERS + 1;
    int i = first;
    while (i < n) {
      int cp = codePointAt(s, i, n);
      int width = Character.charCount(cp);
      if (nonStarter(cp)) {
        run++;
      } else {
        run = 0;
      }
      if (run <= MAX_NON_STARTERS) {
        out.append(s, i, i + width);
      }
      i += width;
    }
    return out.toString();
  }

  private static int codePointAt(CharSequence s, int i, int to) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c) && i + 1 < to) {
      char d = s.charAt(i + 1);
      if (Character.isLowSurrogate(d)) {
        return Character.toCodePoint(c, d);
      }
    }
    return c;
  }
}
