package org.newsdesk.spark.bench;

import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.newsdesk.spark.ClassifyJobStages;
import org.newsdesk.spark.TopicClassifierTransformer;

/**
 * What writing the job's rows to Parquet costs, by column and setting: the rows are classified
 * once and cached, then written in alternating rounds. Usage: {@code ParquetCost DIGEST WORK_DIR
 * [rounds]}.
 */
public final class ParquetCost {

  private ParquetCost() {}

  static org.apache.spark.sql.DataFrameWriter<Row> noDictionary(Dataset<Row> rows) {
    return rows.write().mode("overwrite")
        .option("parquet.enable.dictionary#title", "false")
        .option("parquet.enable.dictionary#body", "false")
        .option("parquet.enable.dictionary#score", "false")
        .option("parquet.enable.dictionary#scores.list.element.score", "false");
  }

  /**
   * Runs the rounds.
   *
   * @param args see the class comment
   * @throws Exception if a write fails
   */
  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[1]);
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    SparkSession spark = BenchSpark.start("parquet-cost", 2);
    Dataset<Row> rows = ClassifyJobStages.rows(spark.read().format("newsdesk").load(args[0]),
        new TopicClassifierTransformer()).persist(StorageLevel.MEMORY_ONLY());
    long n = rows.count();
    String out = work.resolve("parquet-cost").toString();
    String[] names = {"noop (cached rows)", "parquet, all columns", "parquet, no scores",
        "parquet, no body", "parquet, no dictionary for title/body/score/scores.score",
        "parquet, no dictionary (as above), lz4_raw", "json, all columns"};
    Runnable[] runs = {
      () -> rows.write().format("noop").mode("overwrite").save(),
      () -> rows.write().mode("overwrite").parquet(out),
      () -> rows.drop("scores").write().mode("overwrite").parquet(out),
      () -> rows.drop("body").write().mode("overwrite").parquet(out),
      () -> noDictionary(rows).parquet(out),
      () -> noDictionary(rows).option("compression", "lz4_raw").parquet(out),
      () -> rows.write().mode("overwrite").json(out)
    };
    double[][] s = BenchSpark.alternate(runs, rounds);
    System.out.printf(Locale.ROOT, "%d rows, local[2], %d rounds%n", n, rounds);
    for (int i = 0; i < runs.length; i++) {
      System.out.printf(Locale.ROOT, "| %s | %.2f [%.2f-%.2f] s | %.2f µs/row/core |%n",
          names[i], BenchSpark.median(s[i]), BenchSpark.min(s[i]), BenchSpark.max(s[i]),
          BenchSpark.median(s[i]) * 2e6 / n);
    }
    spark.stop();
  }
}
