package org.newsdesk.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.core.Diagnostic;
import org.newsdesk.core.NewsFormat;
import org.newsdesk.core.NewsParseException;
import org.newsdesk.core.NewsReader;
import org.newsdesk.testing.AdversarialDigests;
import org.newsdesk.testing.Fixtures;

/**
 * Split equivalence: whatever the partition size, down to 100+ splits of one multi-MB file, the
 * rows are exactly what NewsReader reads from the whole file, line numbers included; on LF, CR
 * LF and CR files, on adversarial line soup, and on damaged files, where PERMISSIVE mode still
 * puts every non-blank line in an article or a corrupt-record row.
 */
@ExtendWith(LocalSpark.class)
class SplitReadTest {

  private static final NewsFormat LENIENT = NewsFormat.LENIENT.toBuilder()
      .maxDiagnostics(Integer.MAX_VALUE).build();

  @TempDir
  static Path dir;
  static Path lf;
  static Path crlf;
  static Path cr;
  static Path soup;
  static Path damaged;

  @BeforeAll
  static void writeFiles() throws IOException {
    ByteArrayOutputStream block = new ByteArrayOutputStream();
    for (Path sample : Fixtures.sampleFiles()) {
      block.writeBytes(Files.readAllBytes(sample));
      block.writeBytes("\n\n".getBytes(StandardCharsets.UTF_8));
    }
    String text = new String(block.toByteArray(), StandardCharsets.UTF_8).repeat(90);
    lf = write("seeds-lf.txt", text.getBytes(StandardCharsets.UTF_8));
    crlf = write("seeds-crlf.txt", text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    cr = write("seeds-cr.txt", text.replace("\n", "\r").getBytes(StandardCharsets.UTF_8));
    Random random = new Random(0x5EED5L);
    ByteArrayOutputStream soupBytes = new ByteArrayOutputStream();
    while (soupBytes.size() < 600_000) {
      soupBytes.writeBytes(AdversarialDigests.soup(random));
      soupBytes.writeBytes("\n\n".getBytes(StandardCharsets.UTF_8));
    }
    soup = write("soup.txt", soupBytes.toByteArray());
    damaged = write("damaged.txt", AdversarialDigests.damage(Files.readAllBytes(lf), random,
        600));
  }

  private static Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  private static Dataset<Row> read(SparkSession spark, Path file, long maxPartitionBytes,
      String mode, boolean corruptColumn) {
    var reader = spark.read().format("newsdesk").option("mode", mode)
        .option("maxPartitionBytes", maxPartitionBytes);
    if (corruptColumn) {
      reader = reader.schema(NewsdeskDataSource.SCHEMA.add("_corrupt_record", "string"));
    }
    return reader.load(file.toString());
  }

  @Test
  void anyPartitionSizeGivesTheWholeFileArticles(SparkSession spark) {
    List<Expected.Item> expected = Expected.articles(List.of(lf), NewsFormat.DEFAULT);
    assertThat(Files.exists(lf)).isTrue();
    assertThat(expected).hasSizeGreaterThan(4000);
    Random random = new Random(42);
    long size = fileSize(lf);
    long[] sizes = {20_000, 1 + random.nextInt(60_000), 100_000 + random.nextInt(400_000),
        size / 3 + random.nextInt(1000), 4 << 20};
    for (long max : sizes) {
      Dataset<Row> rows = read(spark, lf, max, "FAILFAST", false);
      assertThat(Expected.items(rows)).as("maxPartitionBytes %d", max).isEqualTo(expected);
    }
    assertThat(read(spark, lf, 20_000, "FAILFAST", false).javaRDD().getNumPartitions())
        .isGreaterThanOrEqualTo(100);
  }

  @Test
  void crLfAndCrFilesSplitLikeLfFiles(SparkSession spark) {
    for (Path file : List.of(crlf, cr)) {
      List<Expected.Item> expected = Expected.articles(List.of(file), NewsFormat.DEFAULT);
      for (long max : new long[] {17_001, 250_000}) {
        assertThat(Expected.items(read(spark, file, max, "PERMISSIVE", false)))
            .as("%s in %d-byte splits", file.getFileName(), max).isEqualTo(expected);
      }
    }
  }

  @Test
  void adversarialSoupSplitsLikeTheLenientWholeFileReading(SparkSession spark) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    Expected.read(soup, LENIENT, diagnostics);
    List<Expected.Item> articles = Expected.articles(List.of(soup), LENIENT);
    List<String> expectedDiagnostics = diagnostics.stream().map(d -> d.line() + "|"
        + d.column() + "|" + d.kind() + "|" + d.message() + "|" + d.firstLine() + "|"
        + d.lastLine()).sorted().toList();
    assertThat(diagnostics).hasSizeGreaterThan(1000);
    for (long max : new long[] {4_000, 33_333}) {
      List<Expected.Item> rows = Expected.items(read(spark, soup, max, "PERMISSIVE", true));
      assertThat(Expected.articlesOf(rows)).as("%d-byte splits", max).isEqualTo(articles);
      assertAccounted(soup, rows);
      List<String> diagnosticRows = spark.read().format("newsdesk").option("rows", "diagnostics")
          .option("maxPartitionBytes", max).load(soup.toString()).collectAsList().stream()
          .map(r -> r.getAs("line") + "|" + r.getAs("column") + "|" + r.getAs("kind") + "|"
              + r.getAs("message") + "|" + orZero(r.getAs("firstLine")) + "|"
              + orZero(r.getAs("lastLine")))
          .sorted().toList();
      assertThat(diagnosticRows).as("%d-byte splits", max).isEqualTo(expectedDiagnostics);
    }
  }

  @Test
  void damagedFileInPermissiveModeAccountsForEveryLine(SparkSession spark) {
    List<Expected.Item> articles = Expected.articles(List.of(damaged), LENIENT);
    for (long max : new long[] {19_000, 1 << 20}) {
      List<Expected.Item> rows = Expected.items(read(spark, damaged, max, "PERMISSIVE", true));
      assertThat(Expected.articlesOf(rows)).as("%d-byte splits", max).isEqualTo(articles);
      assertThat(rows.size()).isGreaterThan(articles.size());
      assertAccounted(damaged, rows);
    }
    // Without the corrupt-record column in the schema, PERMISSIVE gives the articles only.
    assertThat(Expected.items(read(spark, damaged, 19_000, "PERMISSIVE", false)))
        .isEqualTo(articles);
  }

  @Test
  void failFastNamesTheFileAndTheLineInTheWholeFile(SparkSession spark) throws IOException {
    String text = Files.readString(lf);
    int middle = text.indexOf("\n\n", text.length() / 2) + 2;
    Path bad = write("one-stray-line.txt", (text.substring(0, middle) + "A stray line\n\n"
        + text.substring(middle)).getBytes(StandardCharsets.UTF_8));
    String expected;
    try (NewsReader reader = NewsReader.open(bad, NewsFormat.DEFAULT)) {
      expected = assertThatThrownBy(() -> reader.forEach(a -> { }))
          .isInstanceOf(NewsParseException.class).actual().getMessage();
    }
    assertThat(expected).startsWith(bad + ":");
    long line = Long.parseLong(expected.split(":")[1]);
    assertThat(line).isGreaterThan(10_000);
    String sparkMessage = "file:" + expected;
    assertThatThrownBy(() -> read(spark, bad, 20_000, "FAILFAST", false).collectAsList())
        .hasStackTraceContaining(sparkMessage);
    // DROPMALFORMED reads on, as the lenient reader does.
    assertThat(Expected.items(read(spark, bad, 20_000, "DROPMALFORMED", false)))
        .isEqualTo(Expected.articles(List.of(bad), LENIENT));
  }

  /**
   * Every non-blank line is in a corrupt-record row (whose text is exactly those raw lines) or
   * belongs to the article that starts closest before it; corrupt rows do not overlap articles.
   */
  private static void assertAccounted(Path file, List<Expected.Item> rows) {
    List<String> lines = Expected.lines(file, StandardCharsets.UTF_8);
    TreeMap<Long, Expected.Item> starts = new TreeMap<>();
    TreeMap<Long, Long> corruptRanges = new TreeMap<>();
    for (Expected.Item row : rows) {
      assertThat(starts.put(row.line(), row)).as("two rows at line %d", row.line()).isNull();
      if (row.title() == null) {
        String[] raw = row.corrupt().split("\n", -1);
        long last = row.line() + raw.length - 1;
        assertThat(String.join("\n", lines.subList((int) row.line() - 1, (int) last)))
            .as("corrupt record at line %d", row.line()).isEqualTo(row.corrupt());
        corruptRanges.put(row.line(), last);
      }
    }
    for (int i = 0; i < lines.size(); i++) {
      long line = i + 1;
      if (Expected.blank(lines.get(i))) {
        continue;
      }
      Map.Entry<Long, Long> corrupt = corruptRanges.floorEntry(line);
      if (corrupt != null && corrupt.getValue() >= line) {
        continue;
      }
      Map.Entry<Long, Expected.Item> owner = starts.floorEntry(line);
      assertThat(owner).as("line %d: %s", line, lines.get(i)).isNotNull();
      assertThat(owner.getValue().title()).as("line %d: %s", line, lines.get(i)).isNotNull();
    }
  }

  private static long fileSize(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Object orZero(Object value) {
    return value == null ? 0L : ((Integer) value).longValue();
  }
}
