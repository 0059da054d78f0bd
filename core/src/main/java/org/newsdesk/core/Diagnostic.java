package org.newsdesk.core;

import java.util.Objects;

/**
 * One problem found while reading a digest: where it is, what kind it is, and what happened.
 *
 * <p>In lenient mode every problem becomes a diagnostic and parsing goes on; in strict mode the
 * first one is thrown as a {@link NewsParseException}. Besides pointing at the problem
 * ({@link #line()}, {@link #column()}), a diagnostic says which input lines it <em>accounts
 * for</em> ({@link #firstLine()} to {@link #lastLine()}): the lines whose content was left out of
 * every article, or was changed on its way into one (a joined body, a dropped date, replaced
 * bytes). Every non-blank input line is either part of an article or inside such a range, so
 * nothing is dropped silently.
 *
 * @param source the name of the input, e.g. a file path or {@code "<string>"}
 * @param line the 1-based line of the problem
 * @param column the 1-based column of the problem; for {@link Kind#INVALID_ENCODING} the byte
 *     position in the line, otherwise usually 1
 * @param kind what went wrong
 * @param message a human-readable description of what was expected and what was found
 * @param firstLine the first line this diagnostic accounts for, or 0 if it accounts for none
 * @param lastLine the last line (inclusive) this diagnostic accounts for, or 0 if none
 */
public record Diagnostic(
    String source,
    long line,
    int column,
    Diagnostic.Kind kind,
    String message,
    long firstLine,
    long lastLine) {

  /** The kinds of problems the reader recognises; docs/FORMAT.md describes each one. */
  public enum Kind {
    /** A title line is not followed by its repeat; the lines up to the next title pair are skipped. */
    TITLE_NOT_REPEATED,
    /** The title repeat differs slightly (case, spacing, a typo) from the first title line. */
    TITLE_MISMATCH,
    /** A title pair is not followed by a body line. */
    MISSING_BODY,
    /** The body continues on following lines instead of being one line. */
    MULTILINE_BODY,
    /** A single line that belongs to no record (for example a metadata line out of place). */
    STRAY_LINE,
    /** A blank line that the format requires is missing. */
    MISSING_BLANK_LINE,
    /** A metadata line has the shape of a date but is not a valid date. */
    INVALID_DATE,
    /** A line is longer than {@link NewsFormat#maxLineLength()}. */
    LINE_TOO_LONG,
    /** A record is longer than {@link NewsFormat#maxRecordLength()}. */
    RECORD_TOO_LONG,
    /** Bytes that are not valid in the input charset. */
    INVALID_ENCODING
  }

  /**
   * Validates the components.
   *
   * @param source the input name
   * @param line the 1-based line of the problem
   * @param column the 1-based column of the problem
   * @param kind what went wrong
   * @param message the description
   * @param firstLine the first line accounted for, or 0
   * @param lastLine the last line accounted for, or 0
   * @throws NullPointerException if an object component is {@code null}
   * @throws IllegalArgumentException if the line range is inconsistent
   */
  public Diagnostic {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
    }
    if (firstLine < 0 || lastLine < firstLine || (firstLine == 0) != (lastLine == 0)) {
      throw new IllegalArgumentException("bad line range " + firstLine + ".." + lastLine);
    }
  }

  /**
   * Creates a diagnostic that accounts for no input lines.
   *
   * @param source the input name
   * @param line the 1-based line of the problem
   * @param column the 1-based column of the problem
   * @param kind what went wrong
   * @param message the description
   */
  public Diagnostic(String source, long line, int column, Kind kind, String message) {
    this(source, line, column, kind, message, 0, 0);
  }

  /**
   * Tells whether this diagnostic accounts for the given input line.
   *
   * @param lineNumber a 1-based line number
   * @return {@code true} if {@code firstLine <= lineNumber <= lastLine}
   */
  public boolean covers(long lineNumber) {
    return firstLine != 0 && firstLine <= lineNumber && lineNumber <= lastLine;
  }

  /**
   * Returns {@code source:line:column: message}, the form compilers use.
   *
   * @return the diagnostic as one line of text
   */
  @Override
  public String toString() {
    return source + ":" + line + ":" + column + ": " + message;
  }
}
