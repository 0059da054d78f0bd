package org.newsdesk.benchmarks;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.newsdesk.core.Article;
import org.newsdesk.core.NewsReader;

/**
 * Writes a large, valid digest for the parse benchmarks by repeating the seed articles with varied
 * text.
 *
 * <p>Each record is a seed article picked at random; its title gets a running number, its body a
 * few swapped word pairs and a reference number. Like the seeds, one record in five carries a
 * {@code MM/dd/yyyy Category} line, most of those a {@code Read More} line, and some are followed
 * by the next title without a blank line. One record in eight uses CR LF line ends, one in sixteen
 * has trailing whitespace on its title lines, one in ten is followed by two blank lines. Non-ASCII
 * text of the seeds (curly quotes) is kept. The output parses in strict mode. Dates are random
 * days of 2000–2025, or, with {@code -DdistinctDates=N}, one of N consecutive days from
 * 2023-11-01 (a digest collected over a week or a month repeats its dates).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.newsdesk.benchmarks.DigestGenerator \
 *     /tmp/news-200m.txt 200M [seedsDir] [randomSeed]
 * </pre>
 */
public final class DigestGenerator {

  private static final int DISTINCT_DATES = Integer.getInteger("distinctDates", 0);

  /** Where the seed files are, relative to the repository root. */
  public static final String DEFAULT_SEEDS = "examples/samples";

  private static final String[] CATEGORIES = {
    "Logistics", "Trade", "Customs Policy", "Security", "E-commerce", "Enforcement"
  };

  private DigestGenerator() {}

  /**
   * What {@link #generate} wrote.
   *
   * @param articles number of records
   * @param bytes file size
   */
  public record Result(long articles, long bytes) {}

  /**
   * Command line entry point.
   *
   * @param args output file, size (e.g. {@code 200M}, {@code 1G}), optional seeds directory,
   *     optional random seed
   * @throws IOException if reading the seeds or writing fails
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: DigestGenerator OUT SIZE[K|M|G] [SEEDS_DIR] [RANDOM_SEED]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    long bytes = parseSize(args[1]);
    Path seeds = args.length > 2 ? Path.of(args[2]) : findSeeds();
    long randomSeed = args.length > 3 ? Long.parseLong(args[3]) : 1;
    long start = System.nanoTime();
    Result result = generate(seeds, out, bytes, randomSeed);
    System.out.printf(
        Locale.ROOT,
        "wrote %s: %,d articles, %,d bytes in %.1f s%n",
        out,
        result.articles(),
        result.bytes(),
        (System.nanoTime() - start) / 1e9);
  }

  /**
   * Parses {@code 200M}, {@code 1G}, {@code 512K} or a plain byte count (binary units).
   *
   * @param size the size text
   * @return bytes
   */
  public static long parseSize(String size) {
    String s = size.trim().toUpperCase(Locale.ROOT);
    int shift = s.endsWith("G") ? 30 : s.endsWith("M") ? 20 : s.endsWith("K") ? 10 : 0;
    if (shift > 0) {
      s = s.substring(0, s.length() - 1);
    }
    return Long.parseLong(s) << shift;
  }

  /**
   * Finds the seeds from the repository root or a module directory.
   *
   * @return the seeds directory
   * @throws IOException if neither {@code ./core/...} nor {@code ../core/...} exists
   */
  public static Path findSeeds() throws IOException {
    for (Path candidate : List.of(Path.of(DEFAULT_SEEDS), Path.of("..", DEFAULT_SEEDS))) {
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IOException(
        "seed directory " + DEFAULT_SEEDS + " not found; run from the repository root or pass it");
  }

  /**
   * Writes at least {@code bytes} bytes (it finishes the record in progress) of digest.
   *
   * @param seedsDir directory with seed digests
   * @param out the file to write (replaced)
   * @param bytes the minimum size
   * @param randomSeed seed of the variations, so runs are reproducible
   * @return what was written
   * @throws IOException if reading the seeds or writing fails
   */
  public static Result generate(Path seedsDir, Path out, long bytes, long randomSeed)
      throws IOException {
    List<Article> seeds = NewsReader.readAll(seedsDir);
    if (seeds.isEmpty()) {
      throw new IOException("no articles in " + seedsDir);
    }
    String[][] bodies = new String[seeds.size()][];
    for (int i = 0; i < bodies.length; i++) {
      bodies[i] = seeds.get(i).body().split(" ");
    }
    Random random = new Random(randomSeed);
    StringBuilder record = new StringBuilder(4096);
    long articles = 0;
    try (CountingStream counter = new CountingStream(Files.newOutputStream(out));
        Writer writer =
            new BufferedWriter(new OutputStreamWriter(counter, StandardCharsets.UTF_8), 1 << 16)) {
      boolean glued = false;
      while (counter.count < bytes) {
        int pick = random.nextInt(seeds.size());
        String nl = random.nextInt(8) == 0 ? "\r\n" : "\n";
        String pad = random.nextInt(16) == 0 ? " \t" : "";
        String title = seeds.get(pick).title() + " " + articles;
        record.setLength(0);
        if (!glued && articles > 0) {
          record.append(nl);
        }
        record.append(title).append(pad).append(nl).append(nl);
        record.append(title).append(pad).append(nl).append(nl);
        appendVariedBody(record, bodies[pick], articles, random);
        record.append(nl);
        glued = false;
        if (random.nextInt(5) == 0) {
          if (random.nextBoolean()) {
            record.append(nl);
          }
          java.time.LocalDate date;
          if (DISTINCT_DATES > 0) {
            date = java.time.LocalDate.of(2023, 11, 1).plusDays(random.nextInt(DISTINCT_DATES));
          } else { // month, day, year: the order the generator has always drawn them in
            int month = 1 + random.nextInt(12);
            int day = 1 + random.nextInt(28);
            date = java.time.LocalDate.of(2000 + random.nextInt(26), month, day);
          }
          record.append(
              String.format(
                  Locale.ROOT,
                  "%02d/%02d/%04d %s",
                  date.getMonthValue(),
                  date.getDayOfMonth(),
                  date.getYear(),
                  CATEGORIES[random.nextInt(CATEGORIES.length)]));
          record.append(nl);
          if (random.nextInt(4) != 0) {
            record.append("Read More").append(nl);
          }
          glued = random.nextBoolean();
        }
        if (!glued && random.nextInt(10) == 0) {
          record.append(nl);
        }
        writer.append(record);
        articles++;
        if ((articles & 1023) == 0) {
          writer.flush();
        }
      }
    }
    return new Result(articles, Files.size(out));
  }

  /** The seed body with up to three adjacent word pairs swapped, then a reference number. */
  private static void appendVariedBody(
      StringBuilder record, String[] words, long number, Random random) {
    String[] varied = words.clone();
    for (int k = random.nextInt(4); k > 0; k--) {
      int i = 1 + random.nextInt(Math.max(1, varied.length - 2));
      if (i + 1 < varied.length) {
        String swap = varied[i];
        varied[i] = varied[i + 1];
        varied[i + 1] = swap;
      }
    }
    for (String word : varied) {
      record.append(word).append(' ');
    }
    record.append("(ref ").append(number).append(')');
  }

  /** Counts the encoded bytes so the generator stops at the requested size. */
  private static final class CountingStream extends FilterOutputStream {
    long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
