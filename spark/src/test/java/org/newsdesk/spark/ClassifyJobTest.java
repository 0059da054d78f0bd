package org.newsdesk.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.classifier.TopicClassifier;
import org.newsdesk.core.Article;
import org.newsdesk.core.Diagnostic;
import org.newsdesk.core.NewsFormat;
import org.newsdesk.testing.Fixtures;

/** {@link ClassifyJob} in this JVM, on the test class's session (the job leaves it running). */
@ExtendWith(LocalSpark.class)
class ClassifyJobTest {

  static final List<String> COLUMNS =
      List.of("source", "line", "title", "body", "date", "category", "topic", "score", "scores");

  @TempDir static Path tmp;

  /** A sample digest with a stray line and a title that is not repeated appended. */
  static Path damaged;

  @BeforeAll
  static void damage() throws IOException {
    String sample = Files.readString(Fixtures.sampleFiles().get(1), StandardCharsets.UTF_8);
    damaged = Files.writeString(tmp.resolve("damaged.txt"), sample
        + "\n\nA stray line\n\nCustoms rules for Q4 exports\n\nCustoms rules for Q4 export\n\n"
        + "Exporters must file earlier.\n\nA title never repeated\n\nIts body.\n");
  }

  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = ClassifyJob.run(args, o, e);
    }
    return new Run(status, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void classifiesEveryArticleAsTopicClassifierDoesAndWritesParquet(SparkSession spark)
      throws IOException {
    String out = tmp.resolve("parquet-out").toString();
    Run r = run(Fixtures.samples().toString(), out);
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out().strip()).isEqualTo("49 articles, 0 diagnostics -> " + out + " (parquet)");

    Dataset<Row> rows = spark.read().parquet(out);
    assertThat(rows.columns()).containsExactlyElementsOf(COLUMNS);
    assertThat(dictionaryEncoded(out)).containsExactlyInAnyOrder("source", "topic",
        "scores.list.element.label");
    assertMatchesTopicClassifier(rows, Expected.articles(Fixtures.sampleFiles(),
        NewsFormat.LENIENT).size(), 3, 0.0);
    assertThat(spark.sparkContext().isStopped()).isFalse();
  }

  @Test
  void classifiesEachRowOnce(SparkSession spark) {
    Dataset<Row> rows = ClassifyJob.rows(spark.read().format("newsdesk")
        .load(Fixtures.samples().toString()), new TopicClassifierTransformer());
    String plan = rows.queryExecution().executedPlan().toString();
    assertThat(plan.split("newsdesk_prediction\\(", -1)).as(plan).hasSize(2);
  }

  @Test
  void jsonWithOptionsCountsDiagnosticsByKind(SparkSession spark) throws IOException {
    String out = tmp.resolve("json-out").toString();
    Run r = run("--format", "json", "--top", "2", "--min-score", "0.4", "--mode",
        "DROPMALFORMED", damaged.toString(), out);
    assertThat(r.status()).as(r.err()).isZero();

    List<Diagnostic> diagnostics = new ArrayList<>();
    List<Article> articles = Expected.read(damaged, NewsFormat.LENIENT, diagnostics);
    Map<Diagnostic.Kind, Long> byKind = new java.util.TreeMap<>();
    diagnostics.forEach(d -> byKind.merge(d.kind(), 1L, Long::sum));
    StringBuilder kinds = new StringBuilder();
    byKind.forEach((k, n) -> kinds.append(kinds.length() == 0 ? "" : ", ").append(k).append(' ')
        .append(n));
    assertThat(diagnostics).hasSizeGreaterThanOrEqualTo(2);
    assertThat(r.out().strip()).isEqualTo(articles.size() + " articles, " + diagnostics.size()
        + " diagnostics (" + kinds + ") -> " + out + " (json)");

    Dataset<Row> rows = spark.read().schema(spark.read().json(out).schema()).json(out);
    assertThat(rows.columns()).containsExactlyInAnyOrderElementsOf(COLUMNS);
    assertMatchesTopicClassifier(rows, articles.size(), 2, 0.4);
  }

  @Test
  void aCustomModelIsUsed(SparkSession spark) throws IOException {
    Path model = tmp.resolve("copy.bin");
    TopicClassifier.builtIn().save(model);
    String out = tmp.resolve("custom-out").toString();
    Run r = run("--model", model.toUri().toString(), Fixtures.sample(Fixtures.SAMPLE_FILES.get(0))
        .toString(), out);
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(spark.read().parquet(out).count()).isPositive();
  }

  @Test
  void failfastNamesFileAndLineAndLeavesNoOutput() {
    Path out = tmp.resolve("failfast-out");
    Run r = run("--mode", "FAILFAST", damaged.toString(), out.toString());
    assertThat(r.status()).isEqualTo(1);
    List<Diagnostic> diagnostics = new ArrayList<>();
    Expected.read(damaged, NewsFormat.LENIENT, diagnostics);
    assertThat(r.err().strip())
        .startsWith("newsdesk: ")
        .contains(damaged.getFileName() + ":" + diagnostics.get(0).line() + ":")
        .doesNotContain("\tat ")
        .hasLineCount(1);
    assertThat(out).doesNotExist();
  }

  @Test
  void badInputFailsWithOneLineAndStatus1() throws IOException {
    Path bad = Files.writeString(tmp.resolve("bad.bin"), "not a model");
    Path out = tmp.resolve("bad-model-out");
    Run r = run("--model", bad.toString(), Fixtures.samples().toString(), out.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err().strip()).startsWith("newsdesk: not a valid Newsdesk topic model: ")
        .contains("bad.bin").hasLineCount(1);
    assertThat(out).doesNotExist();

    Path missing = tmp.resolve("no-such-dir");
    r = run(missing.toString(), out.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err().strip())
        .isEqualTo("newsdesk: path does not exist: file:" + missing);
    assertThat(out).doesNotExist();

    Path existing = Files.createDirectories(tmp.resolve("existing"));
    Files.writeString(existing.resolve("keep.txt"), "kept");
    r = run(Fixtures.samples().toString(), existing.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err().strip()).isEqualTo(
        "newsdesk: output " + existing + " already exists; name a new directory");
    assertThat(existing.resolve("keep.txt")).hasContent("kept");
  }

  @Test
  void usageErrorsExit2AndHelpExits0() {
    Run r = run("--format", "csv", "in", "out");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("newsdesk: --format must be parquet or json, was csv\n"
        + JobArgs.USAGE);
    r = run("--date-pattern", "MM/dd/{", Fixtures.samples().toString(),
        tmp.resolve("pattern-out").toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("newsdesk: --date-pattern: invalid date pattern 'MM/dd/{': ")
        .doesNotContain("\tat ").hasLineCount(2).endsWith("\n" + JobArgs.USAGE + "\n");
    assertThat(tmp.resolve("pattern-out")).doesNotExist();
    r = run("--help");
    assertThat(r.status()).isZero();
    assertThat(r.out()).startsWith(JobArgs.USAGE);
  }

  /** The columns of the first Parquet file under {@code dir} written with a dictionary. */
  static List<String> dictionaryEncoded(String dir) {
    try (java.util.stream.Stream<Path> files = Files.list(Path.of(dir))) {
      Path part = files.filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .findFirst().orElseThrow();
      try (org.apache.parquet.hadoop.ParquetFileReader reader =
          org.apache.parquet.hadoop.ParquetFileReader.open(
              org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(
                  new org.apache.hadoop.fs.Path(part.toUri()),
                  new org.apache.hadoop.conf.Configuration()))) {
        List<String> columns = new ArrayList<>();
        for (var column : reader.getFooter().getBlocks().get(0).getColumns()) {
          if (column.hasDictionaryPage()) {
            columns.add(column.getPath().toDotString());
          }
        }
        return columns;
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Every row carries exactly what TopicClassifier predicts for its title and body. */
  static void assertMatchesTopicClassifier(Dataset<Row> rows, long expectedRows, int topK,
      double minScore) throws IOException {
    List<Row> all = rows.collectAsList();
    assertThat(all).hasSize((int) expectedRows);
    TopicClassifier builtIn = TopicClassifier.builtIn();
    for (Row r : all) {
      Row struct = new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(
          new Object[] {r.getAs("topic"), r.getAs("score"), r.getAs("scores")},
          Predictions.PREDICTION);
      Expectations.assertPrediction(r, struct, builtIn, topK, minScore);
    }
  }
}
