package org.newsdesk.spark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * What planning a read of many small local files costs: the {@code newsdesk} source against
 * Spark's own {@code text} source on the same directory, in alternating rounds in one session.
 * Both list the directory and cut it into partitions ({@code getNumPartitions}); nothing is
 * read. Usage: {@code ListingCost DIGEST_DIR WORK_DIR FILES [rounds]}: the digests of
 * {@code DIGEST_DIR} are copied round-robin into {@code FILES} files under {@code WORK_DIR}.
 */
public final class ListingCost {

  private ListingCost() {}

  /**
   * Runs the rounds.
   *
   * @param args see the class comment
   * @throws IOException if the files cannot be copied
   */
  public static void main(String[] args) throws IOException {
    List<Path> digests;
    try (Stream<Path> s = Files.list(Path.of(args[0]))) {
      digests = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    int files = Integer.parseInt(args[2]);
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    Path dir = Files.createDirectories(Path.of(args[1]).resolve("listing-" + files));
    for (int i = 0; i < files; i++) {
      Path target = dir.resolve(String.format(Locale.ROOT, "%06d.txt", i));
      if (!Files.exists(target)) {
        Files.copy(digests.get(i % digests.size()), target);
      }
    }
    SparkSession spark = BenchSpark.start("listing-cost", 2);
    String path = dir.toString();
    int[] partitions = new int[2];
    Runnable[] runs = {
      () -> partitions[0] = spark.read().format("newsdesk").load(path).javaRDD()
          .getNumPartitions(),
      () -> partitions[1] = spark.read().text(path).javaRDD().getNumPartitions()
    };
    double[][] s = BenchSpark.alternate(runs, rounds);
    double[] ratios = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      ratios[r] = s[0][r] / s[1][r];
    }
    System.out.printf(Locale.ROOT, "%d files, local[2], %d rounds%n", files, rounds);
    String[] names = {"newsdesk", "text (Spark)"};
    for (int i = 0; i < runs.length; i++) {
      System.out.printf(Locale.ROOT, "| %s | %d partitions | %.3f [%.3f-%.3f] s |%n", names[i],
          partitions[i], BenchSpark.median(s[i]), BenchSpark.min(s[i]), BenchSpark.max(s[i]));
    }
    System.out.printf(Locale.ROOT, "newsdesk / text, median of round ratios: %.2f%n",
        BenchSpark.median(ratios));
    spark.stop();
  }
}
