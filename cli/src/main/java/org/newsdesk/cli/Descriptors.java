package org.newsdesk.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells whether standard input or output was closed when the process started ({@code newsdesk
 * parse - <&-}, {@code newsdesk parse x >&-}).
 *
 * <p>Java cannot ask directly. A program started with descriptor 0 or 1 closed gets that number
 * for the first file it opens itself, and the JVM opens its module image ({@code lib/modules}) or
 * the application's jar first: reading "standard input" would then parse the JDK. On Linux, {@code
 * /proc/self/fd/N} names what a descriptor is: no such entry, or a file of the JVM itself (inside
 * {@code java.home} or on the class path), means the descriptor was closed. Elsewhere (no {@code
 * /proc}) nothing is assumed and the streams are used as they are; reading or writing a descriptor
 * that is really closed then fails with the system's own message.
 */
final class Descriptors {
  private static final Path PROC_FDS = Path.of("/proc/self/fd");

  private Descriptors() {}

  /** Whether descriptor {@code fd} was closed when the process started (see the class comment). */
  static boolean closedAtStart(int fd) {
    try {
      if (!Files.isDirectory(PROC_FDS)) {
        return false; // cannot tell
      }
      Path entry = PROC_FDS.resolve(Integer.toString(fd));
      if (!Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
        return true;
      }
      return isJvmFile(Files.readSymbolicLink(entry));
    } catch (IOException | SecurityException | InvalidPathException e) {
      return false; // cannot tell
    }
  }

  /**
   * Whether {@code target} is one of the JVM's own files: inside the Java installation {@code
   * javaHome}, or one of the {@code jars} on the class path (class path directories do not count:
   * the JVM keeps no file of theirs open, and user data may live there).
   */
  static boolean isJvmFile(Path target, Path javaHome, List<Path> jars) {
    Path t = target.toAbsolutePath().normalize();
    if (javaHome != null && t.startsWith(javaHome.toAbsolutePath().normalize())) {
      return true;
    }
    for (Path jar : jars) {
      if (t.equals(jar.toAbsolutePath().normalize())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isJvmFile(Path target) throws IOException {
    String home = System.getProperty("java.home");
    List<Path> jars = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isEmpty() && Files.isRegularFile(Path.of(entry))) {
        jars.add(Path.of(entry).toRealPath());
      }
    }
    Path realHome = home == null ? null : Path.of(home).toRealPath();
    return isJvmFile(target, realHome, jars);
  }


  /** Standard input when it was closed at start: fails on first use, with a message saying so. */
  static final class ClosedInput extends InputStream {
    static final String MESSAGE = Inputs.STDIN + ": standard input is closed";

    @Override
    public int read() throws IOException {
      throw new IOException(MESSAGE);
    }
  }

  /** Standard output when it was closed at start: every write fails, saying so. */
  static final class ClosedOutput extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      throw new IOException("standard output is closed");
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      throw new IOException("standard output is closed");
    }
  }
}
