package org.newsdesk.cli;

/** Bad input the user can fix (missing file, unlabeled data, ...); exit code 1. */
final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The message is printed as is, so it starts with the file or location it is about. */
  InputException(String message) {
    super(message);
  }

  InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
