package org.newsdesk.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * Standard output as the commands write it: remembers the first write error, because the {@link
 * java.io.PrintWriter} on top swallows it. A full disk ({@code <stdout>: No space left on device})
 * is an error the user must hear about; a reader that stopped reading ({@code newsdesk parse big |
 * head}) is not, as with any Unix tool ended by SIGPIPE.
 */
final class Output extends OutputStream {
  /** The name of standard output in messages. */
  static final String STDOUT = "<stdout>";

  private final OutputStream out;
  private final String name;
  private IOException failure;

  Output(OutputStream out, String name) {
    this.out = out;
    this.name = name;
  }

  @Override
  public void write(int b) throws IOException {
    try {
      out.write(b);
    } catch (IOException e) {
      throw failed(e);
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      throw failed(e);
    }
  }

  @Override
  public void flush() throws IOException {
    try {
      out.flush();
    } catch (IOException e) {
      throw failed(e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      out.close();
    } catch (IOException e) {
      throw failed(e);
    }
  }

  private IOException failed(IOException e) {
    if (failure == null) {
      failure = e;
    }
    return e;
  }

  /** Whether a write has failed. */
  boolean failed() {
    return failure != null;
  }

  /**
   * Whether the failure only means nobody reads any more: the pipe's reader has gone (EPIPE). Java
   * reports it only in the message; these are the texts of Linux, macOS and Windows.
   */
  boolean readerGone() {
    if (failure == null || failure.getMessage() == null) {
      return false;
    }
    String m = failure.getMessage().toLowerCase(Locale.ROOT);
    return m.contains("broken pipe")
        || m.contains("pipe is being closed")
        || m.contains("pipe has been ended");
  }

  /** {@code <stdout>: reason}, for a failure that is not {@link #readerGone()}. */
  String describe() {
    String reason = failure == null ? null : failure.getMessage();
    return name + ": " + (reason == null ? failure.getClass().getSimpleName() : reason);
  }
}
