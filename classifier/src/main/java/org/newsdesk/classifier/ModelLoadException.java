package org.newsdesk.classifier;

import java.io.IOException;

/**
 * Thrown when a saved model cannot be loaded because the file is not a Newsdesk topic model, was
 * written by an incompatible format version, is truncated, or is corrupted.
 */
public class ModelLoadException extends IOException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message saying what was wrong and where.
   *
   * @param message the detail message
   */
  public ModelLoadException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the underlying cause.
   *
   * @param message the detail message
   * @param cause the underlying failure
   */
  public ModelLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
