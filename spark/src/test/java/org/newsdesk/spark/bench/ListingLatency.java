package org.newsdesk.spark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.spark.sql.SparkSession;

/**
 * What listing many directories costs when each listing call is a round trip, as on an object
 * store: the local file system with {@value #LATENCY_MS} ms added to every listing and glob call
 * ({@link SlowLocalFileSystem}), the {@code newsdesk} source against Spark's own {@code text}
 * source, in alternating rounds in one session ({@code getNumPartitions}: planning only). Two
 * reads: one root with {@code recursiveFileLookup}, and every directory given as a path. Usage:
 * {@code ListingLatency WORK_DIR DIRECTORIES [rounds]}: {@code DIRECTORIES} directories of three
 * small digests each are made under {@code WORK_DIR}.
 */
public final class ListingLatency {

  /** Added to each listing and glob call. */
  static final long LATENCY_MS = 50;

  private ListingLatency() {}

  /**
   * The local file system, {@value #LATENCY_MS} ms slower per directory listed ({@code
   * listStatus}, which Hadoop's other listing calls come down to) or glob resolved.
   */
  public static final class SlowLocalFileSystem extends LocalFileSystem {
    static final AtomicLong CALLS = new AtomicLong();

    /** Used by Hadoop, which makes file systems by reflection. */
    public SlowLocalFileSystem() {}

    private static void roundTrip() throws IOException {
      CALLS.incrementAndGet();
      try {
        Thread.sleep(LATENCY_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException();
      }
    }

    @Override
    public FileStatus[] listStatus(org.apache.hadoop.fs.Path p) throws IOException {
      roundTrip();
      return super.listStatus(p);
    }

    @Override
    public FileStatus[] globStatus(org.apache.hadoop.fs.Path p) throws IOException {
      roundTrip();
      return super.globStatus(p);
    }
  }

  /**
   * Runs the rounds.
   *
   * @param args see the class comment
   * @throws IOException if the files cannot be written
   */
  public static void main(String[] args) throws IOException {
    int directories = Integer.parseInt(args[1]);
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path root = Files.createDirectories(Path.of(args[0]).resolve("latency-" + directories));
    List<String> dirs = new ArrayList<>();
    for (int d = 0; d < directories; d++) {
      Path dir = Files.createDirectories(root.resolve(String.format(Locale.ROOT, "day-%04d", d)));
      dirs.add(dir.toString());
      for (int f = 0; f < 3; f++) {
        Path file = dir.resolve("digest-" + f + ".txt");
        if (!Files.exists(file)) {
          Files.writeString(file, "Title " + d + "\n\nTitle " + d + "\n\nBody " + f + ".\n");
        }
      }
    }
    SparkSession spark = BenchSpark.start("listing-latency", 2);
    spark.sparkContext().hadoopConfiguration().set("fs.file.impl",
        SlowLocalFileSystem.class.getName());
    spark.sparkContext().hadoopConfiguration().setBoolean("fs.file.impl.disable.cache", true);
    String top = root.toString();
    String[] paths = dirs.toArray(String[]::new);
    long[] calls = new long[4];
    Runnable[] runs = {
      counted(calls, 0, () -> spark.read().format("newsdesk").option("recursiveFileLookup", true)
          .load(top).javaRDD().getNumPartitions()),
      counted(calls, 1, () -> spark.read().option("recursiveFileLookup", true).text(top)
          .javaRDD().getNumPartitions()),
      counted(calls, 2, () -> spark.read().format("newsdesk").load(paths).javaRDD()
          .getNumPartitions()),
      counted(calls, 3, () -> spark.read().text(paths).javaRDD().getNumPartitions()),
    };
    double[][] s = BenchSpark.alternate(runs, rounds);
    System.out.printf(Locale.ROOT, "%d directories of 3 files, %d ms per directory listed or glob,"
        + " local[2], %d rounds%n", directories, LATENCY_MS, rounds);
    String[] names = {"newsdesk, one root, recursive", "text (Spark), one root, recursive",
        "newsdesk, " + directories + " paths", "text (Spark), " + directories + " paths"};
    for (int i = 0; i < runs.length; i++) {
      System.out.printf(Locale.ROOT, "| %s | %.2f [%.2f-%.2f] s | %d calls, %.1f s one after"
          + " another |%n", names[i], BenchSpark.median(s[i]), BenchSpark.min(s[i]),
          BenchSpark.max(s[i]), calls[i], calls[i] * LATENCY_MS / 1000.0);
    }
    spark.stop();
  }

  /** A run that records how many slow calls it made. */
  private static Runnable counted(long[] calls, int i, Runnable run) {
    return () -> {
      long before = SlowLocalFileSystem.CALLS.get();
      run.run();
      calls[i] = SlowLocalFileSystem.CALLS.get() - before;
    };
  }
}
