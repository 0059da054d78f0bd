package org.newsdesk.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.newsdesk.testing.Readme;

/**
 * The code between {@code // tag::NAME[]} and {@code // end::NAME[]} in a test source of this
 * module, without its indentation: README snippets are such regions of tests that run them.
 */
final class TaggedRegion {

  private TaggedRegion() {}

  /**
   * Returns the region, each line without the indentation of the region's first line.
   *
   * @param testClass the test whose source holds the region
   * @param tag the region's name
   */
  static String of(Class<?> testClass, String tag) {
    String path = "spark/src/test/java/" + testClass.getName().replace('.', '/') + ".java";
    String code;
    try {
      code = Files.readString(Readme.root().resolve(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int open = code.indexOf("// tag::" + tag + "[]");
    int close = code.indexOf("// end::" + tag + "[]");
    if (open < 0 || close < open) {
      throw new IllegalArgumentException("no region " + tag + " in " + path);
    }
    int start = code.indexOf('\n', open) + 1;
    int end = code.lastIndexOf('\n', close) + 1;
    String[] lines = code.substring(start, end).split("\n");
    int indent = lines[0].length() - lines[0].stripLeading().length();
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      out.append(line.isBlank() ? "" : line.substring(Math.min(indent, line.length()))).append('\n');
    }
    return out.toString();
  }
}
