package org.newsdesk.core;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
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

  /** A date text already parsed, with its result; immutable, so it can be shared by threads. */
  private record Recent(String text, LocalDate date, String error) {}

  private final DateTimeFormatter formatter;
  /** Whether every date line starts with an ASCII digit: lets titles skip the parse attempt. */
  private final boolean digitFirst;
  /**
   * Whether the pattern has only numeric fields and {@code -/.} separators. Such a formatter cannot
   * consume whitespace, so a date line's date is exactly the text before its first space, and
   * {@link #recent} can answer without running the formatter (digests repeat their dates).
   */
  private final boolean numericDates;
  /**
   * Recently parsed date texts by hash. Racy on purpose: entries are immutable records, so a
   * reader sees either a whole entry or none, and a lost update only costs a parse.
   */
  private final Recent[] recent = new Recent[64];
  /**
   * For patterns of fixed-width fields only ({@code MM}, {@code dd}, {@code yyyy} or {@code
   * uuuu}, each once, between single separators): the field letters in order ('M', 'd', 'y'),
   * else null. Such dates are read by {@link #parseFixedWidth} without the formatter, which costs
   * a few hundred nanoseconds a line when every line has another date.
   */
  private final char[] fixedFields;
  /** The separator before each field of {@link #fixedFields} (unused at index 0). */
  private final char[] fixedSeparators;
  /** The width of each field of {@link #fixedFields}. */
  private final int[] fixedWidths;

  MetadataParser(String pattern) {
    if (pattern.isBlank()) {
      throw new IllegalArgumentException("invalid date pattern '" + pattern + "': it is empty");
    }
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
    numericDates = isNumericPattern(pattern);
    fixedFields = fixedWidthFields(pattern);
    fixedSeparators = new char[3];
    fixedWidths = new int[3];
    if (fixedFields != null) {
      String[] parts = pattern.split("[-/.]");
      for (int f = 0, at = 0; f < 3; at += parts[f].length(), f++) {
        if (f > 0) {
          fixedSeparators[f] = pattern.charAt(at++);
        }
        fixedWidths[f] = parts[f].length();
      }
    }
  }

  /** The fields of MM, dd and yyyy or uuuu, once each, between single separators; else null. */
  private static char[] fixedWidthFields(String pattern) {
    if (!pattern.matches("(?:MM|dd|yyyy|uuuu)(?:[-/.](?:MM|dd|yyyy|uuuu)){2}")) {
      return null;
    }
    String[] parts = pattern.split("[-/.]");
    char[] fields = new char[3];
    for (int f = 0; f < 3; f++) {
      fields[f] = parts[f].charAt(0) == 'u' ? 'y' : parts[f].charAt(0);
    }
    String sorted = new String(fields).chars().sorted()
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
    return sorted.equals("Mdy") ? fields : null;
  }

  /** Runs of d, M (at most two), y or u, separated by single '-', '/' or '.' characters. */
  private static boolean isNumericPattern(String pattern) {
    return pattern.matches("(?:d{1,2}|M{1,2}|y+|u+)(?:[-/.](?:d{1,2}|M{1,2}|y+|u+))*");
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
    int slot = -1;
    if (numericDates) {
      int end = 0;
      int hash = 0;
      while (end < text.length() && !LineText.isSpace(text.charAt(end))) {
        hash = 31 * hash + text.charAt(end++);
      }
      slot = (hash ^ hash >>> 16) & (recent.length - 1);
      Recent r = recent[slot];
      if (r != null && r.text().length() == end && text.startsWith(r.text())) {
        return dateLine(text, r.text(), r.date(), r.error());
      }
    }
    DateLine line = parseFixedWidth(text);
    if (line == null) {
      line = parseWithFormatter(text);
    }
    if (slot >= 0 && line != null) {
      recent[slot] = new Recent(line.dateText(), line.date(), line.error());
    }
    return line;
  }

  /**
   * Reads a date of {@link #fixedFields} directly. Returns a result only for a valid date whose
   * fields are exactly the pattern's digits and separators, followed by the end or a space or
   * tab; there the formatter (strict) reads the same fields and resolves the same date. Anything
   * else returns null and is left to {@link #parseWithFormatter}, which also words the errors.
   */
  DateLine parseFixedWidth(String text) {
    if (fixedFields == null) {
      return null;
    }
    int year = 0;
    int month = 0;
    int day = 0;
    int pos = 0;
    int length = text.length();
    for (int f = 0; f < fixedFields.length; f++) {
      if (f > 0) {
        if (pos >= length || text.charAt(pos) != fixedSeparators[f]) {
          return null;
        }
        pos++;
      }
      int value = 0;
      for (int end = pos + fixedWidths[f]; pos < end; pos++) {
        char c = pos < length ? text.charAt(pos) : 0;
        if (!isAsciiDigit(c)) {
          return null;
        }
        value = value * 10 + (c - '0');
      }
      if (fixedFields[f] == 'M') {
        month = value;
      } else if (fixedFields[f] == 'd') {
        day = value;
      } else {
        year = value;
      }
    }
    if (pos < length && !LineText.isSpace(text.charAt(pos))) {
      return null;
    }
    if (year < 1 || month < 1 || month > 12 || day < 1
        || day > Month.of(month).length(Year.isLeap(year))) {
      return null;
    }
    return dateLine(text, text.substring(0, pos), LocalDate.of(year, month, day), null);
  }

  DateLine parseWithFormatter(String text) {
    ParsePosition pos = new ParsePosition(0);
    if (formatter.parseUnresolved(text, pos) == null || pos.getErrorIndex() >= 0) {
      return null;
    }
    int end = pos.getIndex();
    if (end == 0 || (end < text.length() && !LineText.isSpace(text.charAt(end)))) {
      return null;
    }
    String dateText = text.substring(0, end);
    try {
      LocalDate date = LocalDate.from(formatter.parse(dateText));
      return dateLine(text, dateText, date, null);
    } catch (DateTimeException e) {
      // The cause says what is wrong ("Invalid value for MonthOfYear ...: 13") without the
      // "Text '...' could not be parsed" wrapper.
      Throwable why = e.getCause() != null ? e.getCause() : e;
      return dateLine(text, dateText, null, why.getMessage());
    }
  }

  /** The date line of {@code text}, whose date is {@code dateText}: the rest is the category. */
  private static DateLine dateLine(String text, String dateText, LocalDate date, String error) {
    int end = dateText.length();
    String category = end == text.length() ? null : LineText.trim(text.substring(end));
    if (category != null && category.isBlank()) {
      category = null; // only Unicode whitespace such as U+2028: no category (FORMAT.md)
    }
    return new DateLine(date, dateText, category, error);
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
