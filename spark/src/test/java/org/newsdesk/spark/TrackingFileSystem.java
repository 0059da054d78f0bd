package org.newsdesk.spark;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local file system under the scheme {@value #SCHEME}, for tests of the partition reader:
 * it counts the bytes read and the streams left open, and can make closing, or reading one of
 * the streams, fail. The state is static (Hadoop instantiates file systems itself): call
 * {@link #reset()} before each test.
 */
final class TrackingFileSystem extends RawLocalFileSystem {

  static final String SCHEME = "newsdesk-tracking";

  static final AtomicLong BYTES_READ = new AtomicLong();
  static final AtomicInteger OPENED = new AtomicInteger();
  static final AtomicInteger OPEN = new AtomicInteger();
  /** Whether closing a stream fails (after closing it). */
  static volatile boolean failClose;
  /** The number (from 0, in opening order) of the stream whose reads fail, or -1. */
  static volatile int failReadsOf = -1;

  static void reset() {
    BYTES_READ.set(0);
    OPENED.set(0);
    OPEN.set(0);
    failClose = false;
    failReadsOf = -1;
  }

  /** A Hadoop configuration in which {@link #uri} paths use this file system. */
  static Configuration configuration() {
    Configuration conf = new Configuration();
    conf.set("fs." + SCHEME + ".impl", TrackingFileSystem.class.getName());
    conf.setBoolean("fs." + SCHEME + ".impl.disable.cache", true);
    return conf;
  }

  /** The URI of a local file under this file system. */
  static String uri(java.nio.file.Path file) {
    return SCHEME + "://" + file.toAbsolutePath().toUri().getPath();
  }

  @Override
  public URI getUri() {
    return URI.create(SCHEME + ":///");
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  public FSDataInputStream open(Path f, int bufferSize) throws IOException {
    FSDataInputStream in = super.open(f, bufferSize);
    OPEN.incrementAndGet();
    return new FSDataInputStream(new Tracked(in, OPENED.getAndIncrement()));
  }

  private static final class Tracked extends FSInputStream {
    private final FSDataInputStream in;
    private final int number;
    private boolean closed;

    Tracked(FSDataInputStream in, int number) {
      this.in = in;
      this.number = number;
    }

    private void check() throws IOException {
      if (number == failReadsOf) {
        throw new IOException("simulated read failure");
      }
    }

    @Override
    public int read() throws IOException {
      check();
      int b = in.read();
      if (b >= 0) {
        BYTES_READ.incrementAndGet();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      check();
      int n = in.read(b, off, len);
      BYTES_READ.addAndGet(Math.max(n, 0));
      return n;
    }

    @Override
    public void seek(long pos) throws IOException {
      in.seek(pos);
    }

    @Override
    public long getPos() throws IOException {
      return in.getPos();
    }

    @Override
    public boolean seekToNewSource(long targetPos) throws IOException {
      return false;
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        in.close();
        OPEN.decrementAndGet();
      }
      if (failClose) {
        throw new IOException("simulated close failure");
      }
    }
  }
}
