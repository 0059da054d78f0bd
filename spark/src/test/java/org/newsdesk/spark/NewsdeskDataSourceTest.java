package org.newsdesk.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.core.Diagnostic;
import org.newsdesk.core.NewsFormat;
import org.newsdesk.testing.AdversarialDigests;
import org.newsdesk.testing.Fixtures;
import org.newsdesk.testing.Readme;
import scala.jdk.javaapi.CollectionConverters;

/** The newsdesk source's paths, options, partitioning, metrics and output formats. */
@ExtendWith(LocalSpark.class)
class NewsdeskDataSourceTest {

  private static final NewsFormat LENIENT = NewsFormat.LENIENT.toBuilder()
      .maxDiagnostics(Integer.MAX_VALUE).build();

  @TempDir
  static Path dir;
  static Path big;

  @BeforeAll
  static void writeFiles() throws IOException {
    StringBuilder text = new StringBuilder();
    for (Path sample : Fixtures.sampleFiles()) {
      text.append(Files.readString(sample)).append("\n\n");
    }
    big = Files.writeString(dir.resolve("big.txt"), text.toString().repeat(10));
  }

  @Test
  void readsTheSamplesLikeNewsReader(SparkSession spark) {
    Dataset<Row> rows = spark.read().format("newsdesk").load(Fixtures.samples().toString());
    assertThat(rows.schema()).isEqualTo(NewsdeskDataSource.SCHEMA);
    assertThat(Expected.items(rows))
        .isEqualTo(Expected.articles(Fixtures.sampleFiles(), NewsFormat.DEFAULT));
    assertThat(rows.select("source").first().getString(0)).startsWith("file:/")
        .contains("/samples/").endsWith(".txt");
  }

  @Test
  void severalPathsGlobsFiltersAndSubdirectories(SparkSession spark) throws IOException {
    Path root = Files.createDirectories(dir.resolve("tree"));
    Path sub = Files.createDirectories(root.resolve("2026"));
    List<Path> samples = Fixtures.sampleFiles();
    Path a = Files.copy(samples.get(0), root.resolve("a.txt"));
    Path b = Files.copy(samples.get(1), sub.resolve("b.txt"));
    Path c = Files.copy(samples.get(2), root.resolve("c.digest"));
    Files.copy(samples.get(3), root.resolve("_hidden.txt"));
    Files.copy(samples.get(4), root.resolve(".hidden.txt"));
    var read = spark.read().format("newsdesk");
    assertThat(Expected.items(read.load(root.toString())))
        .isEqualTo(Expected.articles(List.of(a, c), NewsFormat.DEFAULT));
    assertThat(Expected.items(spark.read().format("newsdesk").option("recursiveFileLookup", true)
        .option("pathGlobFilter", "*.txt").load(root.toString())))
        .isEqualTo(Expected.articles(List.of(a, b), NewsFormat.DEFAULT));
    assertThat(Expected.items(spark.read().format("newsdesk")
        .load(root + "/*.digest", b.toString())))
        .isEqualTo(Expected.articles(List.of(b, c), NewsFormat.DEFAULT));
    assertThatThrownBy(() -> spark.read().format("newsdesk").load(root + "/missing.txt")
        .count()).hasMessageContaining("path does not exist").hasMessageContaining("missing.txt");
  }

  @Test
  void badOptionsAndSchemasFailWithClearMessages(SparkSession spark) {
    String path = big.toString();
    assertThatThrownBy(() -> spark.read().format("newsdesk").option("mode", "LENIENT")
        .load(path).count()).hasMessageContaining("unknown mode 'LENIENT'");
    assertThatThrownBy(() -> spark.read().format("newsdesk").option("charset", "no-such")
        .load(path).count()).hasMessageContaining("unknown charset 'no-such'");
    assertThatThrownBy(() -> spark.read().format("newsdesk").option("datePattern", "MM/qq{")
        .load(path).count()).hasMessageContaining("invalid date pattern");
    assertThatThrownBy(() -> spark.read().format("newsdesk").schema("title STRING, topic STRING")
        .load(path).count()).hasMessageContaining("unknown column topic");
    assertThat(spark.read().format("newsdesk").schema("body STRING, line INT").load(path)
        .schema().fieldNames()).containsExactly("body", "line");
  }

  @Test
  void thousandsOfSmallFilesArePackedIntoFewPartitions(SparkSession spark) throws IOException {
    Path many = Files.createDirectories(dir.resolve("many"));
    List<Path> files = new ArrayList<>();
    List<Path> samples = Fixtures.sampleFiles();
    for (int i = 0; i < 400; i++) {
      files.add(Files.copy(samples.get(i % samples.size()),
          many.resolve(String.format("%04d.txt", i))));
    }
    Dataset<Row> rows = spark.read().format("newsdesk").load(many.toString());
    // As Spark's file sources: 128 MB partitions, each file costing its size + 4 MB to open.
    assertThat(rows.javaRDD().getNumPartitions()).isBetween(10, 16);
    assertThat(Expected.items(rows)).isEqualTo(Expected.articles(files, NewsFormat.DEFAULT));
  }

  @Test
  void diagnosticsAreCountedPerKindInMetricsAListenerSees(SparkSession spark)
      throws IOException {
    Path damaged = Files.write(dir.resolve("damaged.txt"),
        AdversarialDigests.damage(Files.readAllBytes(big), new Random(7), 200));
    List<Diagnostic> diagnostics = new ArrayList<>();
    Expected.read(damaged, LENIENT, diagnostics);
    // Accumulators that stay 0 are not reported to listeners (the UI shows them as 0).
    Map<String, Long> expected = new java.util.TreeMap<>();
    diagnostics.forEach(d -> expected.merge(NewsdeskMetric.DIAGNOSTICS + d.kind(), 1L,
        Long::sum));
    assertThat(diagnostics).hasSizeGreaterThan(30);

    Map<String, Long> seen = new ConcurrentHashMap<>();
    SparkListener listener = new SparkListener() {
      @Override
      public void onStageCompleted(SparkListenerStageCompleted event) {
        for (AccumulableInfo info : CollectionConverters.asJava(
            event.stageInfo().accumulables().values())) {
          String name = info.name().isDefined() ? info.name().get() : "";
          if (name.startsWith("newsdesk") && info.value().isDefined()) {
            seen.merge(name, Long.parseLong(info.value().get().toString()), Long::sum);
          }
        }
      }
    };
    spark.sparkContext().addSparkListener(listener);
    try {
      List<Expected.Item> rows = Expected.items(spark.read().format("newsdesk")
          .option("mode", "DROPMALFORMED").option("maxPartitionBytes", 30_000)
          .load(damaged.toString()));
      assertThat(rows).isEqualTo(Expected.articles(List.of(damaged), LENIENT));
      long deadline = System.currentTimeMillis() + 20_000;
      while (!seen.keySet().containsAll(expected.keySet())
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      Map<String, Long> diagnosticMetrics = new java.util.TreeMap<>(seen);
      diagnosticMetrics.keySet().removeIf(k -> !k.startsWith(NewsdeskMetric.DIAGNOSTICS));
      assertThat(diagnosticMetrics).isEqualTo(expected);
      assertThat(seen.get(NewsdeskMetric.LINE_COUNT_BYTES)).isNull(); // a driver metric
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } finally {
      spark.sparkContext().removeSparkListener(listener);
    }
  }

  @Test
  void rowsSurviveParquetAndJsonRoundTrips(SparkSession spark) {
    Dataset<Row> rows = spark.read().format("newsdesk").option("maxPartitionBytes", 40_000)
        .load(big.toString());
    List<Expected.Item> expected = Expected.items(rows);
    assertThat(expected).hasSizeGreaterThan(400);
    String parquet = dir.resolve("out.parquet").toString();
    rows.write().parquet(parquet);
    assertThat(Expected.items(spark.read().parquet(parquet))).isEqualTo(expected);
    String json = dir.resolve("out.json").toString();
    rows.write().json(json);
    assertThat(Expected.items(spark.read().schema(NewsdeskDataSource.SCHEMA).json(json)))
        .isEqualTo(expected);
  }

  @Test
  void planningCountsLineBreaksOnlyForLineNumbers(SparkSession spark) {
    // As the class Javadoc says: the line column, FAILFAST or diagnostic rows make planning
    // count line breaks in split files; the corrupt-record column alone does not.
    DataFrameReader withCorrupt = spark.read().format("newsdesk").option("maxPartitionBytes",
        20_000).schema(NewsdeskDataSource.SCHEMA.add("_corrupt_record", "string"));
    assertThat(lineCountBytes(withCorrupt.load(big.toString())
        .select("title", "_corrupt_record"))).isZero();
    assertThat(lineCountBytes(withCorrupt.load(big.toString()).select("title", "line")))
        .isPositive();
    DataFrameReader plain = spark.read().format("newsdesk").option("maxPartitionBytes", 20_000);
    assertThat(lineCountBytes(plain.option("mode", "FAILFAST").load(big.toString())
        .select("title"))).isPositive();
    assertThat(lineCountBytes(plain.option("mode", "PERMISSIVE").option("rows", "diagnostics")
        .load(big.toString()).select("kind"))).isPositive();
  }

  /** Runs the query and returns its scan's line-counting metric (bytes read to count). */
  private static long lineCountBytes(Dataset<Row> rows) {
    rows.collectAsList();
    SparkPlan scan = rows.queryExecution().executedPlan().collectLeaves().head();
    assertThat(scan).isInstanceOf(BatchScanExec.class);
    return scan.metrics().apply(NewsdeskMetric.LINE_COUNT_BYTES_NAME).value();
  }

  @Test
  void compressedAndNonAsciiCharsetFilesAreReadWhole(SparkSession spark) throws IOException {
    Path gz = dir.resolve("big.txt.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(big));
    }
    Dataset<Row> fromGz = spark.read().format("newsdesk").option("maxPartitionBytes", 5_000)
        .load(gz.toString());
    assertThat(fromGz.javaRDD().getNumPartitions()).isEqualTo(1);
    List<Expected.Item> expected = Expected.articles(List.of(big), NewsFormat.DEFAULT);
    assertThat(Expected.items(fromGz).stream().map(i -> i.line() + i.title()).toList())
        .isEqualTo(expected.stream().map(i -> i.line() + i.title()).toList());

    Path utf16 = Files.write(dir.resolve("utf16.txt"),
        Files.readString(big).getBytes(StandardCharsets.UTF_16));
    NewsFormat utf16Format = NewsFormat.builder().charset(StandardCharsets.UTF_16).build();
    Dataset<Row> fromUtf16 = spark.read().format("newsdesk").option("charset", "UTF-16")
        .option("maxPartitionBytes", 5_000).load(utf16.toString());
    assertThat(fromUtf16.javaRDD().getNumPartitions()).isEqualTo(1);
    assertThat(Expected.items(fromUtf16))
        .isEqualTo(Expected.articles(List.of(utf16), utf16Format));

    // The same UTF-16 file read as UTF-8 is one INVALID_ENCODING problem, never split.
    Dataset<Row> asUtf8 = spark.read().format("newsdesk").option("rows", "diagnostics")
        .option("maxPartitionBytes", 5_000).load(utf16.toString());
    assertThat(asUtf8.collectAsList()).singleElement()
        .satisfies(r -> assertThat(r.<String>getAs("kind")).isEqualTo("INVALID_ENCODING"))
        .satisfies(r -> assertThat(r.<String>getAs("message")).contains("UTF-16"));
  }

  @Test
  void readmeSnippetRunsAsWritten(SparkSession spark) {
    String digestDirectory = Fixtures.samples().toString();
    String bigDigest = big.toString();
    String output = dir.resolve("readme.parquet").toString();
    // tag::spark-read[]
    Dataset<Row> articles = spark.read().format("newsdesk")
        .option("mode", "DROPMALFORMED")
        .load(digestDirectory, bigDigest); // any Hadoop paths: file:, hdfs://, s3a://
    articles.write().parquet(output);
    // end::spark-read[]
    List<Path> files = new ArrayList<>(Fixtures.sampleFiles());
    files.add(big);
    assertThat(Expected.items(spark.read().parquet(output)))
        .isEqualTo(Expected.articles(files, NewsFormat.DEFAULT));
    assertThat(Readme.blocks("java")).as("README's Spark snippet")
        .contains(taggedRegion("spark-read"));
  }

  /** The tagged region of this file, without the indentation it has here. */
  private static String taggedRegion(String tag) {
    try {
      String code = Files.readString(Readme.root().resolve(
          "spark/src/test/java/org/newsdesk/spark/NewsdeskDataSourceTest.java"));
      int start = code.indexOf('\n', code.indexOf("// tag::" + tag + "[]")) + 1;
      int end = code.lastIndexOf('\n', code.indexOf("// end::" + tag + "[]")) + 1;
      StringBuilder out = new StringBuilder();
      for (String line : code.substring(start, end).split("\n")) {
        out.append(line.length() >= 4 ? line.substring(4) : line.strip()).append('\n');
      }
      return out.toString();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void corruptRecordColumnHoldsTheRawLines(SparkSession spark) throws IOException {
    Path file = Files.writeString(dir.resolve("stray.txt"),
        "Stray\tline  \n\nT\n\nT\n\nbody\n\nLonely title\nits body\n\nU\n\nU\n\nbody u\n");
    List<Row> rows = spark.read().format("newsdesk")
        .schema(NewsdeskDataSource.SCHEMA.add("bad", "string"))
        .option("columnNameOfCorruptRecord", "bad").load(file.toString())
        .select("line", "title", "bad").orderBy("line").collectAsList();
    assertThat(rows).hasSize(4);
    assertThat(rows.get(0).toString()).isEqualTo("[1,null,Stray\tline  ]");
    assertThat(rows.get(1).toString()).isEqualTo("[3,T,null]");
    assertThat(rows.get(2).toString()).isEqualTo("[9,null,Lonely title\nits body]");
    assertThat(rows.get(3).toString()).isEqualTo("[12,U,null]");
  }
}
