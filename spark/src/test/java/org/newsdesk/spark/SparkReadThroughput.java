package org.newsdesk.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.newsdesk.core.Article;
import org.newsdesk.core.NewsFormat;
import org.newsdesk.core.NewsReader;

/**
 * Measurement harness (not a test): read throughput of the {@code newsdesk} data source in
 * {@code local[2]} against {@code NewsReader} on one thread, on the same file, in the same JVM,
 * in alternating rounds after one untimed round each. Prints MB/s and ratios. Run it as
 * docs/BENCHMARKS.md says ("Reading with Spark").
 *
 * <p>Arguments: {@code FILE [ROUNDS] [MAX_PARTITION_BYTES]}.
 */
public final class SparkReadThroughput {

  private SparkReadThroughput() {}

  /**
   * Entry point.
   *
   * @param args file, rounds (default 3), maxPartitionBytes (default Spark's 128 MB)
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    double mb = Files.size(file) / 1e6;
    SparkSession spark = LocalSpark.start("read-throughput");
    if (args.length > 2) {
      spark.conf().set("spark.sql.files.maxPartitionBytes", args[2]);
    }
    String path = file.toAbsolutePath().toString();
    List<String> names = List.of("NewsReader, 1 thread",
        "Spark, all columns to noop (line breaks counted first)",
        "Spark, all but line to noop (no counting pass)",
        "Spark, all columns, aggregated", "Spark count()");
    List<List<Double>> seconds = new ArrayList<>();
    names.forEach(n -> seconds.add(new ArrayList<>()));
    for (int round = 0; round <= rounds; round++) {
      for (int k = 0; k < names.size(); k++) {
        long start = System.nanoTime();
        String result = switch (k) {
          case 0 -> newsReader(file);
          case 1 -> noop(spark.read().format("newsdesk").load(path));
          case 2 -> noop(spark.read().format("newsdesk").load(path).drop("line"));
          case 3 -> first(spark.read().format("newsdesk").load(path)
              .agg(count("*"), sum(length(col("title"))), sum(length(col("body"))),
                  max(col("line")), count(col("date")), count(col("category"))));
          default -> String.valueOf(spark.read().format("newsdesk").load(path).count());
        };
        double s = (System.nanoTime() - start) / 1e9;
        if (round > 0) {
          seconds.get(k).add(s);
        }
        System.out.printf(Locale.ROOT, "round %d  %-46s %6.2f s  %7.1f MB/s  %s%n", round,
            names.get(k), s, mb / s, result);
      }
    }
    System.out.printf(Locale.ROOT, "%nfile %.0f MB, %d timed rounds, best of each:%n", mb, rounds);
    double base = best(seconds.get(0));
    for (int k = 0; k < names.size(); k++) {
      double b = best(seconds.get(k));
      System.out.printf(Locale.ROOT, "| %s | %.2f s | %.0f MB/s | %.2f |%n", names.get(k), b,
          mb / b, base / b);
    }
    spark.stop();
  }

  private static String newsReader(Path file) throws Exception {
    long n = 0;
    long chars = 0;
    long maxLine = 0;
    try (NewsReader reader = NewsReader.open(file, NewsFormat.LENIENT)) {
      for (Article a : reader) {
        n++;
        chars += a.title().length() + a.body().length();
        maxLine = Math.max(maxLine, a.line());
      }
    }
    return "[" + n + "," + chars + "," + maxLine + "]";
  }

  /** Spark's "noop" sink materializes every row and discards it: the read alone. */
  private static String noop(Dataset<Row> rows) {
    rows.write().format("noop").mode("overwrite").save();
    return "noop";
  }

  private static String first(Dataset<Row> rows) {
    return rows.first().toString();
  }

  private static double best(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }
}
