package org.newsdesk.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A named pipe (Linux {@code mkfifo}) fed by a thread: the first reader to open it gets the
 * content, any later one gets nothing (end of input at once), as a process substitution's {@code
 * /dev/fd/N} behaves when read again. Closing stops the thread.
 */
final class NamedPipe implements AutoCloseable {
  private final Path path;
  private final Thread feeder;
  private volatile boolean closed;

  private NamedPipe(Path path, byte[] content) {
    this.path = path;
    this.feeder = new Thread(() -> feed(content), "feeds " + path.getFileName());
    feeder.setDaemon(true);
  }

  /** Makes the pipe at {@code path} and starts feeding it. */
  static NamedPipe feeding(Path path, byte[] content) throws IOException, InterruptedException {
    make(path);
    NamedPipe pipe = new NamedPipe(path, content);
    pipe.feeder.start();
    return pipe;
  }

  /** Makes a named pipe nobody feeds. */
  static Path make(Path path) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IOException("mkfifo " + path + " failed");
    }
    return path;
  }

  Path path() {
    return path;
  }

  private void feed(byte[] content) {
    boolean first = true;
    while (!closed) {
      try (OutputStream out = Files.newOutputStream(path)) { // waits for a reader
        if (closed) {
          return;
        }
        if (first) {
          first = false;
          out.write(content);
        }
      } catch (IOException e) {
        // the reader went away: wait for the next one
      }
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    closed = true;
    // Opening a pipe for reading and writing does not wait (Linux); it lets a feeder waiting for
    // a reader go on and see that the pipe is closed.
    try (FileChannel c =
        FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      feeder.join(10_000);
    }
  }
}
