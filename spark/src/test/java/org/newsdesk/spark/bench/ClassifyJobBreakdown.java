package org.newsdesk.spark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.newsdesk.classifier.TopicClassifier;
import org.newsdesk.core.Article;
import org.newsdesk.core.NewsReader;
import org.newsdesk.spark.ClassifyJobStages;
import org.newsdesk.spark.TopicClassifierTransformer;

/**
 * Where a {@code ClassifyJob} run spends its time, in one {@code local[cores]} session on one
 * digest, in alternating rounds after an untimed one: reading alone, reading and classifying,
 * the whole job's rows to Parquet, and reading straight to Parquet (all ending in Spark's {@code
 * noop} sink unless Parquet is named); plus, without Spark, {@code NewsReader} feeding {@code
 * TopicClassifier.predict} on {@code cores} threads (what the CLI's classify does before it
 * formats JSON).
 *
 * <p>Usage: {@code ClassifyJobBreakdown DIGEST WORK_DIR [rounds] [cores]} (defaults 3, 2).
 */
public final class ClassifyJobBreakdown {

  private ClassifyJobBreakdown() {}

  /**
   * Runs the rounds and prints a Markdown table.
   *
   * @param args see the class comment
   * @throws Exception if a run fails
   */
  public static void main(String[] args) throws Exception {
    Path digest = Path.of(args[0]);
    Path work = Files.createDirectories(Path.of(args[1]));
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int cores = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    SparkSession spark = BenchSpark.start("classify-job-breakdown", cores);
    String path = digest.toString();
    Path parquet = work.resolve("breakdown.parquet");
    String[] names = {
      "read (all columns) -> noop",
      "read -> classify -> noop (the job's rows)",
      "read -> classify -> Parquet (the job)",
      "read -> Parquet (no classifying)",
      "NewsReader -> predict on " + cores + " threads, no Spark"
    };
    Runnable[] runs = {
      () -> noop(spark.read().format("newsdesk").load(path)),
      () -> noop(ClassifyJobStages.rows(spark.read().format("newsdesk").load(path),
          new TopicClassifierTransformer())),
      () -> {
        delete(parquet);
        ClassifyJobStages.rows(spark.read().format("newsdesk").load(path),
            new TopicClassifierTransformer()).write().parquet(parquet.toString());
      },
      () -> {
        delete(parquet);
        spark.read().format("newsdesk").load(path).write().parquet(parquet.toString());
      },
      () -> plain(digest, cores)
    };
    double[][] s = BenchSpark.alternate(runs, rounds);
    delete(parquet);
    long articles = spark.read().format("newsdesk").load(path).count();
    System.out.printf(Locale.ROOT, "%s: %d articles, local[%d], %d rounds%n", digest, articles,
        cores, rounds);
    System.out.println("| stage | wall s, median [min-max] | µs per article per core |");
    System.out.println("|---|---|---|");
    for (int i = 0; i < runs.length; i++) {
      double med = BenchSpark.median(s[i]);
      System.out.printf(Locale.ROOT, "| %s | %.1f [%.1f-%.1f] | %.1f |%n", names[i], med,
          BenchSpark.min(s[i]), BenchSpark.max(s[i]), med * cores * 1e6 / articles);
    }
    spark.stop();
  }

  /** One reader thread hands batches of articles to {@code cores} classifying threads. */
  static void plain(Path digest, int cores) {
    TopicClassifier c;
    try {
      c = TopicClassifier.builtIn();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    ExecutorService pool = Executors.newFixedThreadPool(cores);
    BlockingQueue<List<Article>> queue = new ArrayBlockingQueue<>(64);
    List<Article> end = List.of();
    try {
      List<Future<Double>> workers = new ArrayList<>();
      for (int t = 0; t < cores; t++) {
        workers.add(pool.submit(() -> {
          double sink = 0;
          for (List<Article> batch = queue.take(); batch != end; batch = queue.take()) {
            for (Article a : batch) {
              sink += c.predict(a).score();
            }
          }
          return sink;
        }));
      }
      try (NewsReader reader = NewsReader.open(digest)) {
        List<Article> batch = new ArrayList<>(256);
        for (Article a : reader) {
          batch.add(a);
          if (batch.size() == 256) {
            queue.put(batch);
            batch = new ArrayList<>(256);
          }
        }
        queue.put(batch);
      }
      for (int t = 0; t < cores; t++) {
        queue.put(end);
      }
      for (Future<Double> w : workers) {
        w.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      pool.shutdown();
    }
  }

  static void noop(Dataset<Row> df) {
    df.write().format("noop").mode("overwrite").save();
  }

  static void delete(Path p) {
    if (Files.exists(p)) {
      try (Stream<Path> all = Files.walk(p)) {
        for (Path x : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(x);
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
