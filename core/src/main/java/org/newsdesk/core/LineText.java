package org.newsdesk.core;

import org.apache.commons.lang3.StringUtils;

/** The format's notion of whitespace (space and tab only) and helpers for message excerpts. */
final class LineText {

  private static final int EXCERPT = 60;

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

  /** A short quoted excerpt for messages. */
  static String quote(String s) {
    return "'" + StringUtils.abbreviate(s, EXCERPT) + "'";
  }
}
