package org.newsdesk.core;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/** Recognises the metadata lines of a record: {@code <date>[ <category>]} and {@code Read More}. */
final class MetadataParser {

  static final String READ_MORE = "Read More";

  /** A line with the shape of a date line; {@code date} is null when the date is invalid. */
  record DateLine(LocalDate date, String dateText, String category, String error) {}

  private final DateTimeFormatter formatter;
  /** Whether every date line starts with an ASCII digit: lets titles skip the parse attempt. */
  private final boolean digitFirst;

  MetadataParser(String pattern) {
    try {
      // STRICT rejects 02/30; the ERA default makes yyyy (year-of-era) resolve under STRICT.
      formatter = new DateTimeFormatterBuilder()
          .appendPattern(pattern)
          .parseDefaulting(ChronoField.ERA, 1)
          .toFormatter(Locale.US)
          .withResolverStyle(ResolverStyle.STRICT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid date pattern '" + pattern + "': "
          + e.getMessage(), e);
    }
    digitFirst = startsWithNumericField(pattern);
  }

  private static boolean startsWithNumericField(String pattern) {
    if (pattern.isEmpty()) {
      return false;
    }
    char c = pattern.charAt(0);
    if (c == 'd' || c == 'y' || c == 'u') {
      return true;
    }
    if (c == 'M' || c == 'L') {
      int n = 1;
      while (n < pattern.length() && pattern.charAt(n) == c) {
        n++;
      }
      return n <= 2;
    }
    return false;
  }

  static boolean isReadMore(String text) {
    return READ_MORE.equals(text);
  }

  boolean isMetadata(String text) {
    return isReadMore(text) || parseDate(text) != null;
  }

  /**
   * Parses a trimmed line as {@code <date>[<whitespace><category>]}.
   *
   * @return null if the line does not have the shape of a date line
   */
  DateLine parseDate(String text) {
    if (text.isEmpty() || (digitFirst && !isAsciiDigit(text.charAt(0)))) {
      return null;
    }
    ParsePosition pos = new ParsePosition(0);
    if (formatter.parseUnresolved(text, pos) == null || pos.getErrorIndex() >= 0) {
      return null;
    }
    int end = pos.getIndex();
    if (end == 0 || (end < text.length() && !LineText.isSpace(text.charAt(end)))) {
      return null;
    }
    String dateText = text.substring(0, end);
    String category = end == text.length() ? null : LineText.trim(text.substring(end));
    if (category != null && category.isBlank()) {
      category = null; // only Unicode whitespace such as U+2028: no category (FORMAT.md)
    }
    try {
      LocalDate date = LocalDate.from(formatter.parse(dateText));
      return new DateLine(date, dateText, category, null);
    } catch (DateTimeException e) {
      // The cause says what is wrong ("Invalid value for MonthOfYear ...: 13") without the
      // "Text '...' could not be parsed" wrapper.
      Throwable why = e.getCause() != null ? e.getCause() : e;
      return new DateLine(null, dateText, category, why.getMessage());
    }
  }

  /** Formats a date so that {@link #parseDate} reads it back, or returns null if it cannot. */
  String format(LocalDate date) {
    try {
      String text = formatter.format(date);
      DateLine back = parseDate(text);
      return back != null && date.equals(back.date()) && back.category() == null ? text : null;
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
