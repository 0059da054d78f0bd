package org.newsdesk.core;

import org.apache.commons.lang3.StringUtils;
import org.apache.commons.text.translate.AggregateTranslator;
import org.apache.commons.text.translate.CharSequenceTranslator;
import org.apache.commons.text.translate.JavaUnicodeEscaper;

/**
 * The format's notion of whitespace (space and tab only), UTF-8 lengths, and message excerpts.
 */
final class LineText {

  private static final int EXCERPT = 60;

  /** C0 controls, DEL and C1 controls; see {@link #quote}. */
  private static final CharSequenceTranslator CONTROLS = new AggregateTranslator(
      JavaUnicodeEscaper.between(0x00, 0x1F), JavaUnicodeEscaper.between(0x7F, 0x9F));

  private LineText() {}

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }

  static boolean isSpace(byte b) {
    return b == ' ' || b == '\t';
  }

  /** Strips spaces and tabs (only) from both ends. */
  static String trim(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  /** Tells whether a string can be a whole line: no CR or LF. */
  static boolean hasLineBreak(String s) {
    return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
  }

  /**
   * The length of a string's UTF-8 encoding, without encoding it. An unpaired surrogate counts
   * 3 bytes, as the reader's re-encoding of text writes U+FFFD for it.
   */
  static long utf8Length(String s) {
    long length = s.length(); // one byte per char, plus what wider characters add
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        if (c < 0x800) {
          length += 1;
        } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          length += 2; // 4 bytes for the 2 chars of the pair
          i++;
        } else {
          length += 2;
        }
      }
    }
    return length;
  }

  /**
   * A short quoted excerpt of input text for messages, with control characters (C0, DEL, C1)
   * escaped as Java Unicode escapes (ESC as backslash, u, 001B), so that text from a file cannot
   * put terminal escape sequences or NULs into a message. All other characters are kept as they
   * are, so titles in any script stay readable.
   */
  static String quote(String s) {
    return "'" + CONTROLS.translate(StringUtils.abbreviate(s, EXCERPT)) + "'";
  }
}
