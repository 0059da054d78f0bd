package org.newsdesk.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Same-JVM throughput harness: alternates a {@code BufferedReader.readLine()} loop and {@link
 * org.newsdesk.core.NewsReader} over one file, round after round, and prints MB/s of each and the
 * ratio parser / readLine. Alternating keeps both exposed to the same machine load, which matters
 * on a shared 2-core box; the median of the per-round ratios is the headline figure.
 *
 * <pre>
 * java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar \
 *     org.newsdesk.benchmarks.ParseThroughput /tmp/news-1g.txt [rounds] [warmupRounds]
 * </pre>
 */
public final class ParseThroughput {

  private static long sink;

  private ParseThroughput() {}

  /**
   * Runs the harness.
   *
   * @param args file, optional rounds (default 8), optional warm-up rounds (default 2)
   * @throws IOException if reading fails
   */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    double mb = Files.size(file) / 1e6;
    System.out.printf(
        Locale.ROOT,
        "file %s, %.1f MB; %s %s, %d CPUs, load average %.2f%n",
        file,
        mb,
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    for (int i = 0; i < warmup; i++) {
      sink += ParseBenchmark.readLines(file, null) + ParseBenchmark.parse(file, null);
    }
    double[] readLine = new double[rounds];
    double[] parser = new double[rounds];
    double[] ratio = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      if (i % 2 == 0) {
        readLine[i] = mb / seconds(() -> ParseBenchmark.readLines(file, null));
        parser[i] = mb / seconds(() -> ParseBenchmark.parse(file, null));
      } else {
        parser[i] = mb / seconds(() -> ParseBenchmark.parse(file, null));
        readLine[i] = mb / seconds(() -> ParseBenchmark.readLines(file, null));
      }
      ratio[i] = parser[i] / readLine[i];
      System.out.printf(
          Locale.ROOT,
          "round %d: readLine %6.0f MB/s  NewsReader %6.0f MB/s  ratio %.2f%n",
          i,
          readLine[i],
          parser[i],
          ratio[i]);
    }
    System.out.printf(
        Locale.ROOT,
        "median: readLine %.0f MB/s, NewsReader %.0f MB/s, ratio %.2f (per-round ratios %.2f..%.2f)"
            + "; best: readLine %.0f, NewsReader %.0f; load average now %.2f (sink %d)%n",
        median(readLine),
        median(parser),
        median(ratio),
        Arrays.stream(ratio).min().orElse(0),
        Arrays.stream(ratio).max().orElse(0),
        Arrays.stream(readLine).max().orElse(0),
        Arrays.stream(parser).max().orElse(0),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        sink);
  }

  private interface Work {
    long run() throws IOException;
  }

  private static double seconds(Work work) throws IOException {
    long start = System.nanoTime();
    sink += work.run();
    return (System.nanoTime() - start) / 1e9;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
