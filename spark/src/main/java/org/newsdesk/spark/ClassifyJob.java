package org.newsdesk.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.newsdesk.classifier.ModelLoadException;
import org.newsdesk.core.Diagnostic;
import org.newsdesk.core.NewsParseException;

/**
 * The classify job for {@code spark-submit}: reads digests with the {@code newsdesk} source, tags
 * each article with a topic ({@link TopicClassifierTransformer}) and writes one row per article.
 *
 * <pre>
 * spark-submit --class org.newsdesk.spark.ClassifyJob newsdesk-spark_2.13-VERSION-all.jar \
 *     [--model PATH] [--format parquet|json] [--mode PERMISSIVE|DROPMALFORMED|FAILFAST] \
 *     [--charset NAME] [--date-pattern PATTERN] [--top K] [--min-score S] IN... OUT
 * </pre>
 *
 * <p>{@code IN} are digest files or directories and {@code OUT} a directory that must not exist
 * yet, all Hadoop paths. The rows have the columns {@code source, line, title, body, date,
 * category, topic, score, scores} ({@code topic}, {@code score} and {@code scores} as in {@link
 * TopicClassifierTransformer}). At the end the job prints a summary line to standard output: the
 * articles written and the source's diagnostics by kind. With no master configured it runs in
 * {@code local[*]}.
 *
 * <p>Exit codes: 0 success; 1 bad input (a missing input path, a bad model, a malformed record in
 * {@code FAILFAST} mode, an existing {@code OUT}) or a failed job; 2 usage error. Errors are one
 * line on standard error. A failed job leaves no {@code OUT} directory behind when the job created
 * it (the output committer writes under {@code OUT/_temporary}; the job then deletes {@code OUT}).
 */
public final class ClassifyJob {

  /** Parquet columns of mostly distinct values, written without dictionary encoding. */
  static final List<String> NO_DICTIONARY =
      List.of("line", "title", "body", "score", "scores.list.element.score");

  private ClassifyJob() {}

  /**
   * Runs the job; exits with status 1 or 2 on failure (see the class comment).
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs the job in this JVM, reusing a session that is already active. Returns the status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    JobArgs job;
    try {
      job = JobArgs.parse(args);
    } catch (JobArgs.HelpRequested help) {
      out.println(JobArgs.HELP);
      return 0;
    } catch (JobArgs.UsageException e) {
      err.println("newsdesk: " + e.getMessage());
      err.println(JobArgs.USAGE);
      return 2;
    }
    boolean ownSession =
        SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
    SparkSession spark;
    try {
      SparkSession.Builder builder = SparkSession.builder().appName("newsdesk-classify");
      if (ownSession && !new SparkConf().contains("spark.master")) {
        builder.master("local[*]");
      }
      spark = builder.getOrCreate();
    } catch (RuntimeException e) {
      err.println("newsdesk: cannot start Spark: " + firstLine(e.getMessage()));
      return 1;
    }
    try {
      return classify(spark, job, out, err);
    } finally {
      if (ownSession) {
        spark.stop();
      }
    }
  }

  private static int classify(SparkSession spark, JobArgs job, PrintStream out, PrintStream err) {
    Path output = new Path(job.output());
    FileSystem fs;
    try {
      fs = output.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (fs.exists(output)) {
        err.println("newsdesk: output " + job.output() + " already exists; name a new directory");
        return 1;
      }
    } catch (IOException | IllegalArgumentException e) {
      err.println("newsdesk: cannot use output " + job.output() + ": " + e.getMessage());
      return 1;
    }
    try (WriteMetrics metrics = WriteMetrics.listen(spark)) {
      DataFrameReader reader = spark.read().format("newsdesk");
      if (job.mode() != null) {
        reader.option("mode", job.mode());
      }
      if (job.charset() != null) {
        reader.option("charset", job.charset());
      }
      if (job.datePattern() != null) {
        reader.option("datePattern", job.datePattern());
      }
      Dataset<Row> articles = reader.load(job.inputs().toArray(String[]::new));
      TopicClassifierTransformer classifier =
          new TopicClassifierTransformer()
              .setModelPath(job.model())
              .setTopK(job.topK())
              .setMinScore(job.minScore());
      DataFrameWriter<Row> writer =
          rows(articles, classifier).write().format(job.format()).mode(SaveMode.ErrorIfExists);
      if (job.format().equals("parquet")) {
        // Dictionary encoding only pays for repeated values (source, date, category, topic,
        // labels); on lines, titles, bodies and scores it is work thrown away.
        for (String column : NO_DICTIONARY) {
          writer.option("parquet.enable.dictionary#" + column, "false");
        }
      }
      writer.save(job.output());
      boolean complete = metrics.await(30);
      out.println(summary(complete, metrics, job));
      return 0;
    } catch (Exception e) {
      String why = describe(e);
      err.println(why.startsWith("newsdesk: ") ? why : "newsdesk: " + why);
      if (!alreadyExists(e)) {
        removeOutput(fs, output, err);
      }
      if (!expected(e)) {
        e.printStackTrace(err);
      }
      return 1;
    }
  }

  /** The job's output rows: the article columns, then topic, score and scores. */
  static Dataset<Row> rows(Dataset<Row> articles, TopicClassifierTransformer classifier) {
    Dataset<Row> tagged = classifier.transform(articles);
    Column prediction = tagged.col(classifier.getOutputCol());
    return tagged.select(
        tagged.col("source"),
        tagged.col("line"),
        tagged.col("title"),
        tagged.col("body"),
        tagged.col("date"),
        tagged.col("category"),
        prediction.getField("topic").as("topic"),
        prediction.getField("score").as("score"),
        prediction.getField("scores").as("scores"));
  }

  static String summary(boolean complete, WriteMetrics metrics, JobArgs job) {
    if (!complete) {
      return "wrote " + job.output() + " (" + job.format() + "); figures unavailable";
    }
    long total = 0;
    List<String> kinds = new ArrayList<>();
    Map<String, Long> counts = metrics.sourceMetrics();
    for (Diagnostic.Kind k : Diagnostic.Kind.values()) {
      long n = counts.getOrDefault(NewsdeskMetric.nameOf(k), 0L);
      if (n > 0) {
        total += n;
        kinds.add(k.name() + " " + n);
      }
    }
    return String.format(
        Locale.ROOT,
        "%d articles, %d diagnostics%s -> %s (%s)",
        metrics.rowsWritten(),
        total,
        kinds.isEmpty() ? "" : " (" + String.join(", ", kinds) + ")",
        job.output(),
        job.format());
  }

  /** One line saying what failed, from the most telling exception in the chain. */
  static String describe(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof NewsParseException || c instanceof ModelLoadException) {
        return c.getMessage();
      }
    }
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof UncheckedIOException || c instanceof IOException) {
        return c.getMessage();
      }
      if (c instanceof AnalysisException a) {
        return firstLine(a.getMessage());
      }
    }
    return firstLine(String.valueOf(e.getMessage()));
  }

  /** Failures a user causes or the cluster reports: no stack trace for those. */
  private static boolean expected(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof NewsParseException
          || c instanceof IOException
          || c instanceof UncheckedIOException
          || c instanceof AnalysisException
          || c instanceof SparkException) {
        return true;
      }
    }
    return false;
  }

  private static boolean alreadyExists(Throwable e) {
    return e instanceof AnalysisException a && "PATH_ALREADY_EXISTS".equals(a.getCondition());
  }

  private static void removeOutput(FileSystem fs, Path output, PrintStream err) {
    try {
      if (fs.exists(output) && !fs.delete(output, true)) {
        err.println("newsdesk: could not remove the incomplete output " + output);
      }
    } catch (IOException e) {
      err.println("newsdesk: could not remove the incomplete output " + output + ": "
          + e.getMessage());
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
