package org.newsdesk.spark.bench;

import java.util.Arrays;
import org.apache.spark.sql.SparkSession;

/** The session every benchmark uses: local mode on loopback, no UI, quiet. */
final class BenchSpark {

  private BenchSpark() {}

  static SparkSession start(String name, int cores) {
    SparkSession spark =
        SparkSession.builder()
            .master("local[" + cores + "]")
            .appName(name)
            .config("spark.ui.enabled", "false")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", String.valueOf(cores))
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }

  /**
   * Runs each of {@code runs} once untimed, then {@code rounds} rounds in which each runs once,
   * in turn, so that they share the machine's state; returns the seconds, [run][round].
   */
  static double[][] alternate(Runnable[] runs, int rounds) {
    for (Runnable r : runs) {
      r.run();
    }
    double[][] seconds = new double[runs.length][rounds];
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < runs.length; i++) {
        long t0 = System.nanoTime();
        runs[i].run();
        seconds[i][round] = (System.nanoTime() - t0) / 1e9;
      }
    }
    return seconds;
  }

  static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  static double min(double[] xs) {
    return Arrays.stream(xs).min().orElse(Double.NaN);
  }

  static double max(double[] xs) {
    return Arrays.stream(xs).max().orElse(Double.NaN);
  }
}
