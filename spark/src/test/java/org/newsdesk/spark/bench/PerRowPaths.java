package org.newsdesk.spark.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.unsafe.types.UTF8String;
import org.newsdesk.classifier.LabelScore;
import org.newsdesk.classifier.Prediction;
import org.newsdesk.classifier.TopicClassifier;
import org.newsdesk.core.Article;
import org.newsdesk.core.NewsReader;
import org.newsdesk.spark.TopicClassifierTransformer;

/**
 * Which per-row path to classify through: the transformer's plain Java UDF (Spark converts the
 * strings in and the returned {@code Row} out), or a {@code mapPartitions} over {@code
 * InternalRow}s that reads {@code UTF8String}s and builds the output struct directly (what a
 * custom Catalyst path would save). Both run the built-in model on the same cached articles in
 * the same session, in alternating rounds, ending in a {@code noop} write of the prediction
 * struct; a plain Java loop over the same texts on the same number of threads shows what the
 * classifier alone costs.
 *
 * <p>Usage: {@code PerRowPaths DIGEST [maxArticles] [rounds] [cores]} (defaults 200,000, 5, 2).
 */
public final class PerRowPaths {

  private PerRowPaths() {}

  /**
   * Runs the comparison and prints a Markdown table.
   *
   * @param args see the class comment
   * @throws Exception if anything fails
   */
  public static void main(String[] args) throws Exception {
    Path digest = Path.of(args[0]);
    int max = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    int cores = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    SparkSession spark = BenchSpark.start("per-row-paths", cores);
    List<Row> rows = new ArrayList<>();
    List<String[]> texts = new ArrayList<>();
    try (NewsReader reader = NewsReader.open(digest)) {
      for (Article a : reader) {
        if (rows.size() == max) {
          break;
        }
        rows.add(RowFactory.create(a.title(), a.body()));
        texts.add(new String[] {a.title(), a.body()});
      }
    }
    StructType schema =
        new StructType()
            .add("title", DataTypes.StringType, false)
            .add("body", DataTypes.StringType, false);
    Dataset<Row> df =
        spark.createDataFrame(rows, schema).repartition(cores)
            .persist(StorageLevel.MEMORY_ONLY());
    long n = df.count();
    TopicClassifierTransformer transformer = new TopicClassifierTransformer();
    StructType outSchema =
        transformer.transformSchema(schema).apply("prediction").dataType() instanceof StructType s
            ? new StructType().add("prediction", s, false)
            : null;

    Runnable udf = () -> noop(transformer.transform(df).select("prediction"));
    Runnable internal =
        () -> {
          JavaRDD<InternalRow> out = df.queryExecution().toRdd().toJavaRDD()
              .mapPartitions(PerRowPaths::classifyInternal);
          noop(((org.apache.spark.sql.classic.SparkSession) spark)
              .internalCreateDataFrame(out.rdd(), outSchema, false));
        };
    TopicClassifier c = TopicClassifier.builtIn();
    ExecutorService pool = Executors.newFixedThreadPool(cores);
    Runnable plain =
        () -> {
          List<Future<?>> fs = new ArrayList<>();
          int chunk = (texts.size() + cores - 1) / cores;
          for (int t = 0; t < cores; t++) {
            List<String[]> part = texts.subList(t * chunk, Math.min(texts.size(), (t + 1) * chunk));
            fs.add(pool.submit(() -> {
              double sink = 0;
              for (String[] x : part) {
                sink += c.predict(x[0], x[1]).score();
              }
              return sink;
            }));
          }
          for (Future<?> f : fs) {
            try {
              f.get();
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }
        };
    String[] names = {"Java UDF -> Row (the transformer)", "mapPartitions over InternalRow",
        "plain Java loop, no Spark"};
    Runnable[] paths = {udf, internal, plain};
    double[][] rate = BenchSpark.alternate(paths, rounds);
    for (double[] seconds : rate) {
      for (int r = 0; r < rounds; r++) {
        seconds[r] = n / seconds[r];
      }
    }
    pool.shutdown();
    System.out.printf(Locale.ROOT, "%s: %d articles, %d threads/cores, %d rounds%n", digest, n,
        cores, rounds);
    System.out.println("| path | rows/s, median [min-max] | µs per row per core |");
    System.out.println("|---|---|---|");
    for (int i = 0; i < paths.length; i++) {
      double med = BenchSpark.median(rate[i]);
      System.out.printf(Locale.ROOT, "| %s | %.0f [%.0f-%.0f] | %.2f |%n", names[i], med,
          BenchSpark.min(rate[i]), BenchSpark.max(rate[i]), cores * 1e6 / med);
    }
    spark.stop();
  }

  private static Iterator<InternalRow> classifyInternal(Iterator<InternalRow> in) throws IOException {
    TopicClassifier c = TopicClassifier.builtIn();
    java.util.Map<String, UTF8String> utf8 = new java.util.HashMap<>();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return in.hasNext();
      }

      @Override
      public InternalRow next() {
        InternalRow r = in.next();
        Prediction p = c.predict(r.getUTF8String(0).toString(), r.getUTF8String(1).toString());
        List<LabelScore> top = p.topK(3);
        Object[] scores = new Object[top.size()];
        for (int i = 0; i < scores.length; i++) {
          LabelScore s = top.get(i);
          scores[i] = new GenericInternalRow(new Object[] {
              utf8.computeIfAbsent(s.label(), UTF8String::fromString), s.score()});
        }
        Object topic = p.unknown() ? null : utf8.computeIfAbsent(p.label(), UTF8String::fromString);
        return new GenericInternalRow(new Object[] {
            new GenericInternalRow(new Object[] {topic, p.score(), new GenericArrayData(scores)})
        });
      }
    };
  }

  static void noop(Dataset<Row> df) {
    df.write().format("noop").mode("overwrite").save();
  }
}
