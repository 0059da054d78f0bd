package org.newsdesk.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The test fixtures every module shares, each kept once in the repository and handed out as real
 * files (copied from this module's resources into one temporary directory per JVM, removed at
 * exit). Tests must not modify them.
 *
 * <ul>
 *   <li>{@link #samples()}: the five real sample digests ({@code examples/samples}; 49 articles,
 *       one repeated across two files, one with a metadata and a {@code Read More} line, none
 *       ending with a newline).
 *   <li>{@link #labeledSeeds()}: the same 49 articles with a topic on each metadata line
 *       ({@code classifier/corpus/seeds.txt}).
 *   <li>{@link #fortunesTrain()} / {@link #fortunesTest()}: a small slice of the BSD-licensed
 *       Debian fortunes quotations as {@code label<TAB>text} (see this package's README.md).
 * </ul>
 */
public final class Fixtures {

  /** File names of the sample digests, in sorted order. */
  public static final List<String> SAMPLE_FILES =
      List.of(
          "000_7ea514dff1875352.txt",
          "001_c1db3e24d400ffe6.txt",
          "002_2da8245de02aa76e.txt",
          "003_95692ade1897c29a.txt",
          "004_cf43153b14bbf254.txt");

  private static final String BASE = "/org/newsdesk/testing/";

  private static Path root;

  private Fixtures() {}

  /**
   * Returns the directory holding the five sample digests.
   *
   * @return the directory
   */
  public static Path samples() {
    return root().resolve("samples");
  }

  /**
   * Returns one sample digest.
   *
   * @param fileName one of {@link #SAMPLE_FILES}
   * @return the file
   */
  public static Path sample(String fileName) {
    if (!SAMPLE_FILES.contains(fileName)) {
      throw new IllegalArgumentException("no sample digest named " + fileName);
    }
    return samples().resolve(fileName);
  }

  /**
   * Returns every sample digest, in sorted order.
   *
   * @return the files
   */
  public static List<Path> sampleFiles() {
    return SAMPLE_FILES.stream().map(Fixtures::sample).toList();
  }

  /**
   * Returns the labelled seeds: the sample articles with a topic label on each metadata line.
   *
   * @return the digest file
   */
  public static Path labeledSeeds() {
    return root().resolve("seeds.txt");
  }

  /**
   * Returns the fortunes training slice ({@code label<TAB>text}, 8 labels, 359 texts: 45 of each but medicine, which has 44).
   *
   * @return the TSV file
   */
  public static Path fortunesTrain() {
    return root().resolve("fortunes-train.tsv");
  }

  /**
   * Returns the fortunes test slice ({@code label<TAB>text}, 8 labels, 12 texts each).
   *
   * @return the TSV file
   */
  public static Path fortunesTest() {
    return root().resolve("fortunes-test.tsv");
  }

  /** One row of a {@code label<TAB>text} file. */
  public record TsvRow(String label, String text) {}

  /**
   * Reads a {@code label<TAB>text} file (UTF-8, one row per line).
   *
   * @param file the file
   * @return its rows, in order
   */
  public static List<TsvRow> readTsv(Path file) {
    List<TsvRow> rows = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = r.readLine()) != null) {
        number++;
        int tab = line.indexOf('\t');
        if (tab < 0) {
          throw new IllegalStateException(file + ":" + number + ": no tab in fixture row");
        }
        rows.add(new TsvRow(line.substring(0, tab), line.substring(tab + 1)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  private static synchronized Path root() {
    if (root == null) {
      try {
        Path dir = Files.createTempDirectory("newsdesk-fixtures");
        Files.createDirectories(dir.resolve("samples"));
        for (String name : SAMPLE_FILES) {
          copy("samples/" + name, dir.resolve("samples").resolve(name));
        }
        copy("seeds.txt", dir.resolve("seeds.txt"));
        copy("fortunes-train.tsv", dir.resolve("fortunes-train.tsv"));
        copy("fortunes-test.tsv", dir.resolve("fortunes-test.tsv"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
        root = dir;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot unpack the test fixtures", e);
      }
    }
    return root;
  }

  private static void copy(String resource, Path target) throws IOException {
    try (InputStream in = Fixtures.class.getResourceAsStream(BASE + resource)) {
      if (in == null) {
        throw new IOException("fixture resource missing: " + BASE + resource);
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort at JVM exit
    }
  }

  /**
   * Whether a new file can be created in {@code dir}: tests of a directory that refuses new files
   * check with it that theirs does (root may still create files in a read-only directory, so such
   * tests fall back to {@code /sys}, which refuses even root).
   */
  public static boolean canCreateIn(Path dir) {
    try {
      Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
