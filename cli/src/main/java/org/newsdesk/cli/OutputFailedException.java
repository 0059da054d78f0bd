package org.newsdesk.cli;

/**
 * Writing standard output failed while results were still coming: the command stops rather than
 * work for nobody. Whether that is reported ({@code <stdout>: No space left on device}) or quiet (a
 * reader that stopped reading, {@code newsdesk parse big | head}) is decided by {@link Output}; the
 * exit code is 1 either way.
 */
final class OutputFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  OutputFailedException() {
    super("standard output failed", null, false, false);
  }
}
