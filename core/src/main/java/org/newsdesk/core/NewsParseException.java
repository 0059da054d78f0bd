package org.newsdesk.core;

import java.util.Objects;

/**
 * Thrown in strict mode at the first malformed input, naming where it is and what was expected.
 *
 * <p>The message has the form {@code source:line:column: what was expected/found}. I/O failures
 * are not reported with this type; they surface as {@link java.io.UncheckedIOException}.
 */
public class NewsParseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * The problem as it was reported. A record is serializable only if its class says so, and
   * {@link Diagnostic} does not, so it is transient; the fields below keep its components for a
   * deserialized exception.
   */
  private transient Diagnostic diagnostic;

  /** The diagnostic's source name. */
  private final String source;
  /** The diagnostic's 1-based line. */
  private final long line;
  /** The diagnostic's 1-based column. */
  private final int column;
  /** The diagnostic's kind. */
  private final Diagnostic.Kind kind;
  /** The diagnostic's message, without the location. */
  private final String detail;
  /** The first line the diagnostic accounts for, or 0. */
  private final long firstLine;
  /** The last line the diagnostic accounts for, or 0. */
  private final long lastLine;

  /**
   * Creates an exception for a diagnostic.
   *
   * @param diagnostic the problem found
   */
  public NewsParseException(Diagnostic diagnostic) {
    super(Objects.requireNonNull(diagnostic, "diagnostic").toString());
    this.diagnostic = diagnostic;
    this.source = diagnostic.source();
    this.line = diagnostic.line();
    this.column = diagnostic.column();
    this.kind = diagnostic.kind();
    this.detail = diagnostic.message();
    this.firstLine = diagnostic.firstLine();
    this.lastLine = diagnostic.lastLine();
  }

  /**
   * Returns the problem as a diagnostic. A deserialized exception returns an equal diagnostic
   * rebuilt from its serialized components.
   *
   * @return the diagnostic, never {@code null}
   */
  public Diagnostic diagnostic() {
    if (diagnostic == null) {
      diagnostic = new Diagnostic(source, line, column, kind, detail, firstLine, lastLine);
    }
    return diagnostic;
  }

  /**
   * Returns the name of the input.
   *
   * @return the source name
   */
  public String source() {
    return source;
  }

  /**
   * Returns the 1-based line of the problem.
   *
   * @return the line
   */
  public long line() {
    return line;
  }

  /**
   * Returns the 1-based column of the problem.
   *
   * @return the column
   */
  public int column() {
    return column;
  }

  /**
   * Returns what went wrong.
   *
   * @return the kind
   */
  public Diagnostic.Kind kind() {
    return kind;
  }
}
