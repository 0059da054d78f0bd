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

  /** The problem; records are serializable only if their components are, so keep it transient. */
  private final transient Diagnostic diagnostic;

  /**
   * Creates an exception for a diagnostic.
   *
   * @param diagnostic the problem found
   */
  public NewsParseException(Diagnostic diagnostic) {
    super(Objects.requireNonNull(diagnostic, "diagnostic").toString());
    this.diagnostic = diagnostic;
  }

  /**
   * Returns the problem as a diagnostic.
   *
   * @return the diagnostic, never {@code null} (unless this exception was deserialized)
   */
  public Diagnostic diagnostic() {
    return diagnostic;
  }

  /**
   * Returns the name of the input.
   *
   * @return the source name
   */
  public String source() {
    return diagnostic.source();
  }

  /**
   * Returns the 1-based line of the problem.
   *
   * @return the line
   */
  public long line() {
    return diagnostic.line();
  }

  /**
   * Returns the 1-based column of the problem.
   *
   * @return the column
   */
  public int column() {
    return diagnostic.column();
  }

  /**
   * Returns what went wrong.
   *
   * @return the kind
   */
  public Diagnostic.Kind kind() {
    return diagnostic.kind();
  }
}
