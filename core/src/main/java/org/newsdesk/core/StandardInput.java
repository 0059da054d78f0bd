package org.newsdesk.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Detects a closed standard input. A process started with descriptor 0 closed gets that number
 * for the first file it opens, and the JVM's first file is the JDK's {@code lib/modules}, so
 * {@link System#in} then reads the JDK's class archive. On Linux {@code /proc/self/fd/0} shows
 * where descriptor 0 leads; elsewhere nothing is checked.
 */
final class StandardInput {

  private static final Path DESCRIPTOR_0 = Path.of("/proc/self/fd/0");

  private StandardInput() {}

  /** Throws if {@code in} is {@link System#in} and descriptor 0 is one of the JVM's own files. */
  static void checkOpen(InputStream in) throws IOException {
    if (in != System.in) {
      return;
    }
    String why = closedReason(DESCRIPTOR_0, Path.of(System.getProperty("java.home")));
    if (why != null) {
      throw new IOException(NewsReader.STDIN_SOURCE + ": standard input is closed (" + why + ")");
    }
  }

  /**
   * Tells why descriptor 0, as {@code link} shows it, is not a standard input, or returns null.
   *
   * @param link where the descriptor's target can be read, e.g. {@code /proc/self/fd/0}
   * @param javaHome the running JDK
   */
  static String closedReason(Path link, Path javaHome) {
    Path target;
    try {
      target = Files.readSymbolicLink(link);
    } catch (IOException | UnsupportedOperationException e) {
      return null; // no /proc: nothing to tell
    }
    Path home = javaHome.toAbsolutePath().normalize();
    try {
      home = home.toRealPath();
    } catch (IOException e) {
      // compare with the path as given
    }
    if (target.startsWith(home)) {
      return "descriptor 0 is " + target + ", which the JVM opened itself";
    }
    return null;
  }
}
