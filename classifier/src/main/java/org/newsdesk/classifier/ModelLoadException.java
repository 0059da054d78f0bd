package org.newsdesk.classifier;

import java.io.IOException;

/**
 * Thrown when a model cannot be loaded: the file is neither a Newsdesk topic model nor an OpenNLP
 * doccat model, was written in an unsupported format version, is truncated or corrupted, or holds
 * something implausible (counts larger than the file, out-of-range indexes, NaN or infinite
 * weights, duplicate labels, a decompression bomb). The message names the file (or {@code
 * <stream>}, or the built-in model's classpath resource) and what is wrong. Thrown at load time:
 * a model that loads never fails later at prediction time.
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
