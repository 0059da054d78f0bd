package org.newsdesk.cli;

/**
 * Standard output was closed by its reader ({@code newsdesk parse big | head}): the command stops
 * quietly, like a Unix tool killed by SIGPIPE, with exit code 1.
 */
final class OutputClosedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  OutputClosedException() {
    super("standard output closed", null, false, false);
  }
}
