package org.newsdesk.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.core.NewsFormat;
import org.newsdesk.testing.Fixtures;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Planning opens the files it splits (to see whether they can be split, then to count the line
 * breaks before each split): a file gone since listing is dropped and counted under {@code
 * ignoreMissingFiles}, as the tasks drop it, and fails the read otherwise.
 */
@ExtendWith(LocalSpark.class)
class PlannerTest {

  @TempDir static Path dir;
  static Path good;
  static Path gone;

  @BeforeAll
  static void files(SparkSession spark) throws IOException {
    good = Files.copy(Fixtures.sampleFiles().get(0), dir.resolve("good.txt"));
    gone = Files.copy(Fixtures.sampleFiles().get(1), dir.resolve("gone.txt"));
    spark.sparkContext().hadoopConfiguration()
        .set("fs.vanishing.impl", VanishingFileSystem.class.getName());
  }

  /**
   * The local file system under the scheme {@code vanishing:}, where a file named in
   * {@link #OPENS_LEFT} opens that many times more and is then gone: listed, but not found when
   * opened, as a file deleted after listing is.
   */
  static final class VanishingFileSystem extends RawLocalFileSystem {
    static final Map<String, AtomicInteger> OPENS_LEFT = new ConcurrentHashMap<>();
    private static final URI NAME = URI.create("vanishing:///");

    @Override
    public URI getUri() {
      return NAME;
    }

    @Override
    public String getScheme() {
      return NAME.getScheme();
    }

    @Override
    public FSDataInputStream open(org.apache.hadoop.fs.Path f, int bufferSize)
        throws IOException {
      AtomicInteger left = OPENS_LEFT.get(f.getName());
      if (left != null && left.getAndDecrement() <= 0) {
        throw new FileNotFoundException("File " + f + " does not exist");
      }
      return super.open(f, bufferSize);
    }
  }

  @Test
  void aFileGoneBeforeItIsSplitIsSkippedAndCountedWhenMissingFilesAreIgnored(
      SparkSession spark) {
    assertGoneFileSkippedAndCounted(spark, 0); // the driver's first look fails
  }

  @Test
  void aFileGoneBeforeItsLineBreaksAreCountedIsSkippedAndCounted(SparkSession spark) {
    assertGoneFileSkippedAndCounted(spark, 1); // the driver's look passes, the counting fails
  }

  @Test
  void theSessionSettingAppliesToo(SparkSession spark) {
    spark.conf().set("spark.sql.files.ignoreMissingFiles", "true");
    try {
      VanishingFileSystem.OPENS_LEFT.put("gone.txt", new AtomicInteger(1));
      Dataset<Row> rows = read(spark, Map.of());
      assertThat(lines(rows)).isEqualTo(expected());
      assertThat(scanMetric(rows, NewsdeskMetric.MISSING_FILES_NAME)).isEqualTo(1);
    } finally {
      spark.conf().unset("spark.sql.files.ignoreMissingFiles");
      VanishingFileSystem.OPENS_LEFT.remove("gone.txt");
    }
  }

  private static void assertGoneFileSkippedAndCounted(SparkSession spark, int opens) {
    try {
      VanishingFileSystem.OPENS_LEFT.put("gone.txt", new AtomicInteger(opens));
      assertThatThrownBy(() -> read(spark, Map.of()).collectAsList())
          .hasStackTraceContaining("gone.txt")
          .hasStackTraceContaining(FileNotFoundException.class.getName());

      VanishingFileSystem.OPENS_LEFT.put("gone.txt", new AtomicInteger(opens));
      Dataset<Row> rows = read(spark, Map.of("ignoreMissingFiles", "true"));
      assertThat(lines(rows)).isEqualTo(expected());
      assertThat(scanMetric(rows, NewsdeskMetric.MISSING_FILES_NAME)).isEqualTo(1);
      assertThat(scanMetric(rows, NewsdeskMetric.LINE_COUNT_BYTES_NAME)).isPositive();
    } finally {
      VanishingFileSystem.OPENS_LEFT.remove("gone.txt");
    }
  }

  /** Both files, split into pieces of 2,000 bytes, with line numbers (so breaks are counted). */
  private static Dataset<Row> read(SparkSession spark, Map<String, String> options) {
    return spark.read().format("newsdesk").options(options).option("maxPartitionBytes", 2_000)
        .load("vanishing://" + good, "vanishing://" + gone);
  }

  /** The good file's articles as {@code line title}, in line order. */
  private static List<String> expected() {
    return Expected.articles(List.of(good), NewsFormat.DEFAULT).stream()
        .map(a -> a.line() + " " + a.title()).toList();
  }

  private static List<String> lines(Dataset<Row> rows) {
    List<Row> all = rows.collectAsList();
    assertThat(all).allSatisfy(r -> assertThat(r.<String>getAs("source")).endsWith("good.txt"));
    return all.stream().sorted(java.util.Comparator.comparingInt(r -> r.<Integer>getAs("line")))
        .map(r -> r.getAs("line") + " " + r.getAs("title")).toList();
  }

  /** A custom metric of the executed read's scan node: driver value plus task values. */
  static long scanMetric(Dataset<Row> rows, String name) {
    SparkPlan plan = rows.queryExecution().executedPlan();
    if (plan instanceof AdaptiveSparkPlanExec adaptive) {
      plan = adaptive.executedPlan();
    }
    return CollectionConverters.asJava(plan.collectLeaves()).stream()
        .filter(BatchScanExec.class::isInstance)
        .mapToLong(scan -> scan.metrics().get(name).get().value())
        .sum();
  }
}
