package org.newsdesk.core;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * A quick manual throughput check, not a unit test (the JMH benchmarks live in
 * {@code benchmarks/}). Generates a digest of seed articles with varied text if the file does not
 * exist, then compares, in the same JVM and alternating order, a plain
 * {@code BufferedReader.readLine()} loop with {@link NewsReader} over the same bytes.
 *
 * <pre>
 * mvn -B -q -o -pl core test-compile
 * java -Xmx64m -cp core/target/test-classes:core/target/classes:$CP \
 *     org.newsdesk.core.ThroughputCheck /tmp/news200.txt 200 8
 * </pre>
 */
public final class ThroughputCheck {

  private static long sink;

  private ThroughputCheck() {}

  /**
   * Runs the check.
   *
   * @param args file, size in MiB to generate if missing, rounds
   * @throws IOException if reading or writing fails
   */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    if (!Files.exists(file)) {
      generate(file, Long.parseLong(args[1]) << 20);
    }
    int rounds = Integer.parseInt(args[2]);
    double mb = Files.size(file) / 1e6;
    for (int i = 0; i < rounds; i++) {
      double readLine;
      double parser;
      if (i % 2 == 0) {
        readLine = mb / seconds(() -> readLines(file));
        parser = mb / seconds(() -> parse(file));
      } else {
        parser = mb / seconds(() -> parse(file));
        readLine = mb / seconds(() -> readLines(file));
      }
      System.out.printf("round %d: readLine %.0f MB/s, NewsReader %.0f MB/s, ratio %.2f%n", i,
          readLine, parser, parser / readLine);
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf("max heap %d MB, peak heap used (sum of pools) %.1f MB (sink %d)%n",
        Runtime.getRuntime().maxMemory() >> 20, peak / 1048576.0, sink);
  }

  private interface Work {
    void run() throws IOException;
  }

  private static double seconds(Work work) throws IOException {
    long start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1e9;
  }

  private static void readLines(Path file) throws IOException {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        sink += line.length();
      }
    }
  }

  private static void parse(Path file) throws IOException {
    try (NewsReader reader = NewsReader.open(file)) {
      for (Article article : reader) {
        sink += article.title().length() + article.body().length();
      }
    }
  }

  /** Seed articles in random order, bodies rotated and numbered, one in five with metadata. */
  private static void generate(Path file, long bytes) throws IOException {
    List<Article> seeds = NewsReader.readAll(SeedFilesTest.seeds());
    Random random = new Random(1);
    String[] categories = {"Logistics", "Trade", "Customs Policy", "Security"};
    long written = 0;
    try (Writer out = new BufferedWriter(Files.newBufferedWriter(file), 1 << 20)) {
      for (long n = 0; written < bytes; n++) {
        Article seed = seeds.get(random.nextInt(seeds.size()));
        String[] words = seed.body().split(" ");
        int shift = random.nextInt(words.length);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
          body.append(words[(i + shift) % words.length]).append(' ');
        }
        body.append("No. ").append(n).append('.');
        String title = seed.title() + " " + n;
        String record = title + "\n\n" + title + "\n\n" + body + "\n\n"
            + (random.nextInt(5) == 0 ? String.format("%02d/%02d/%04d %s%nRead More%n",
                1 + random.nextInt(12), 1 + random.nextInt(28), 2000 + random.nextInt(25),
                categories[random.nextInt(4)]) : "");
        out.write(record);
        written += record.getBytes(StandardCharsets.UTF_8).length;
      }
    }
  }
}
