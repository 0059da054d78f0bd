package org.newsdesk.spark.bench;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.IndexToString;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.feature.Tokenizer;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.ml.tuning.TrainValidationSplit;
import org.apache.spark.ml.tuning.TrainValidationSplitModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.newsdesk.spark.TopicClassifierTransformer;

/**
 * Newsdesk's {@link TopicClassifierTransformer} against what a Spark user would otherwise build:
 * Spark ML's own text pipeline ({@code Tokenizer -> StopWordsRemover -> HashingTF -> IDF ->
 * LogisticRegression}, with {@code StringIndexer}/{@code IndexToString} for the labels), trained
 * on the same train split, in the same session, on the same test rows. For docs/BENCHMARKS.md.
 *
 * <p>Usage: {@code SparkMlComparison DATASET_DIR NEWSDESK_MODEL [rounds] [minRows] [cores]}:
 * {@code DATASET_DIR} holds {@code train.txt/.tsv} and {@code test.txt/.tsv} from {@code
 * shared/datasets/get_*.sh}; {@code NEWSDESK_MODEL} is a model trained on {@code train.txt} with
 * {@code newsdesk train}. Spark ML is trained twice: with its defaults, and with {@code regParam}
 * chosen by {@code TrainValidationSplit} (80/20 of train) from {0.001, 0.01, 0.1}. Accuracy and
 * macro-F1 are measured on the test split (an unknown Newsdesk topic counts as wrong). Speed: the
 * test rows repeated to at least {@code minRows} (default 200,000), cached in {@code cores}
 * partitions (default 2), then {@code rounds} (default 5) alternating rounds of each system's
 * {@code transform} and a {@code noop} write of its answer (Newsdesk: the prediction struct;
 * Spark ML: predicted label and probability vector), after one untimed round each.
 */
public final class SparkMlComparison {

  private SparkMlComparison() {}

  /**
   * Runs the comparison and prints Markdown table rows.
   *
   * @param args see the class comment
   * @throws Exception if anything fails
   */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String model = Path.of(args[1]).toAbsolutePath().toUri().toString();
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    long minRows = args.length > 3 ? Long.parseLong(args[3]) : 200_000;
    int cores = args.length > 4 ? Integer.parseInt(args[4]) : 2;
    SparkSession spark = BenchSpark.start("spark-ml-comparison", cores);
    String name = dir.getFileName().toString();
    Dataset<Row> train = BenchData.load(spark, dir, "train").persist(StorageLevel.MEMORY_ONLY());
    Dataset<Row> test = BenchData.load(spark, dir, "test").persist(StorageLevel.MEMORY_ONLY());
    System.out.printf(Locale.ROOT, "%s: %d train, %d test rows%n", name, train.count(),
        test.count());

    TopicClassifierTransformer newsdesk = new TopicClassifierTransformer().setModelPath(model);

    long t0 = System.nanoTime();
    PipelineModel sparkDefaults = sparkPipeline(train, -1).fit(train);
    double defaultsTrainS = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "Spark ML defaults trained in %.1f s%n", defaultsTrainS);
    t0 = System.nanoTime();
    TrainValidationSplitModel tvs = tuned(train);
    double tunedTrainS = (System.nanoTime() - t0) / 1e9;
    PipelineModel sparkTuned = (PipelineModel) tvs.bestModel();
    double bestReg = bestRegParam(tvs);

    double[] nd = quality(newsdesk.transform(test).select(col("label"),
        col("prediction.topic").as("predicted")));
    double[] sd = quality(sparkDefaults.transform(test).select("label", "predicted"));
    double[] st = quality(sparkTuned.transform(test).select("label", "predicted"));
    System.out.println("| data | system | accuracy | macro-F1 | training s |");
    System.out.println("|---|---|---|---|---|");
    System.out.printf(Locale.ROOT, "| %s | Newsdesk transformer (model from `newsdesk train`) |"
        + " %.4f | %.4f | (CLI) |%n", name, nd[0], nd[1]);
    System.out.printf(Locale.ROOT, "| %s | Spark ML pipeline, defaults (regParam 0) | %.4f |"
        + " %.4f | %.1f |%n", name, sd[0], sd[1], defaultsTrainS);
    System.out.printf(Locale.ROOT, "| %s | Spark ML pipeline, regParam %s by TrainValidationSplit"
        + " | %.4f | %.4f | %.1f (3 fits + refit) |%n", name, bestReg, st[0], st[1], tunedTrainS);

    // speed: same cached rows, alternating rounds
    Dataset<Row> rows = test;
    while (rows.count() < minRows) {
      rows = rows.union(rows);
    }
    Dataset<Row> timed = rows.repartition(cores).persist(StorageLevel.MEMORY_ONLY());
    long n = timed.count();
    PipelineModel sparkModel = sparkTuned;
    Runnable ours = () -> noop(newsdesk.transform(timed).select("prediction"));
    Runnable theirs =
        () -> noop(sparkModel.transform(timed).select("predicted", "probability"));
    // where Spark ML's time goes: the same pipeline up to IDF, without the classifier
    PipelineModel featuresOnly = new PipelineModel("features-only",
        java.util.Arrays.copyOfRange(sparkModel.stages(), 1, 5));
    Runnable features = () -> noop(featuresOnly.transform(timed).select("features"));
    ours.run();
    theirs.run();
    features.run();
    double[] a = new double[rounds];
    double[] b = new double[rounds];
    double[] f = new double[rounds];
    double[] ratio = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      a[r] = n / seconds(ours);
      b[r] = n / seconds(theirs);
      f[r] = n / seconds(features);
      ratio[r] = a[r] / b[r];
    }
    System.out.println();
    System.out.println("| data | rows | Newsdesk rows/s, median [min-max] | Spark ML rows/s,"
        + " median [min-max] | Newsdesk / Spark ML, median of round ratios |");
    System.out.println("|---|---|---|---|---|");
    System.out.printf(Locale.ROOT, "| %s | %d x %d rounds, local[%d] | %.0f [%.0f-%.0f] |"
        + " %.0f [%.0f-%.0f] | %.2f |%n", name, n, rounds, cores, BenchSpark.median(a),
        BenchSpark.min(a), BenchSpark.max(a), BenchSpark.median(b), BenchSpark.min(b),
        BenchSpark.max(b), BenchSpark.median(ratio));
    System.out.printf(Locale.ROOT, "Spark ML features alone (Tokenizer..IDF): %.0f rows/s"
        + " [%.0f-%.0f]; %d features, %s coefficients%n", BenchSpark.median(f),
        BenchSpark.min(f), BenchSpark.max(f),
        ((org.apache.spark.ml.classification.LogisticRegressionModel) sparkModel.stages()[5])
            .numFeatures(),
        ((org.apache.spark.ml.classification.LogisticRegressionModel) sparkModel.stages()[5])
            .coefficientMatrix().getClass().getSimpleName());
    spark.stop();
  }

  /** The Spark ML text pipeline; {@code regParam} below 0 keeps its default. */
  static Pipeline sparkPipeline(Dataset<Row> train, double regParam) {
    StringIndexerModel labels =
        new StringIndexer().setInputCol("label").setOutputCol("labelIndex").fit(train);
    LogisticRegression lr =
        new LogisticRegression().setFeaturesCol("features").setLabelCol("labelIndex");
    if (regParam >= 0) {
      lr.setRegParam(regParam);
    }
    return new Pipeline()
        .setStages(
            new PipelineStage[] {
              labels,
              new Tokenizer().setInputCol("text").setOutputCol("words"),
              new StopWordsRemover().setInputCol("words").setOutputCol("filtered"),
              new HashingTF().setInputCol("filtered").setOutputCol("tf"),
              new IDF().setInputCol("tf").setOutputCol("features"),
              lr,
              new IndexToString()
                  .setInputCol("prediction")
                  .setOutputCol("predicted")
                  .setLabels(labels.labelsArray()[0])
            });
  }

  static TrainValidationSplitModel tuned(Dataset<Row> train) {
    Pipeline pipeline = sparkPipeline(train, 0);
    LogisticRegression lr = (LogisticRegression) pipeline.getStages()[5];
    ParamMap[] grid =
        new ParamGridBuilder()
            .addGrid(lr.regParam(), new double[] {0.001, 0.01, 0.1})
            .build();
    return new TrainValidationSplit()
        .setEstimator(pipeline)
        .setEvaluator(
            new MulticlassClassificationEvaluator()
                .setLabelCol("labelIndex")
                .setPredictionCol("prediction")
                .setMetricName("accuracy"))
        .setEstimatorParamMaps(grid)
        .setTrainRatio(0.8)
        .setSeed(42)
        .fit(train);
  }

  static double bestRegParam(TrainValidationSplitModel m) {
    double[] metrics = m.validationMetrics();
    int best = 0;
    for (int i = 1; i < metrics.length; i++) {
      if (metrics[i] > metrics[best]) {
        best = i;
      }
    }
    LogisticRegression lr =
        (LogisticRegression) ((Pipeline) m.getEstimator()).getStages()[5];
    return (Double) m.getEstimatorParamMaps()[best].apply(lr.regParam());
  }

  /** Accuracy and macro-F1 of {@code label} vs {@code predicted} (null counts as wrong). */
  static double[] quality(Dataset<Row> labelled) {
    List<Row> rows = labelled.collectAsList();
    Map<String, int[]> counts = new HashMap<>(); // label -> tp, fp, fn
    TreeSet<String> labels = new TreeSet<>();
    int correct = 0;
    for (Row r : rows) {
      String gold = r.getString(0);
      String pred = r.isNullAt(1) ? null : r.getString(1);
      labels.add(gold);
      if (gold.equals(pred)) {
        correct++;
        counts.computeIfAbsent(gold, k -> new int[3])[0]++;
      } else {
        counts.computeIfAbsent(gold, k -> new int[3])[2]++;
        if (pred != null) {
          counts.computeIfAbsent(pred, k -> new int[3])[1]++;
        }
      }
    }
    List<Double> f1s = new ArrayList<>();
    for (String l : labels) {
      int[] c = counts.getOrDefault(l, new int[3]);
      double p = c[0] + c[1] == 0 ? 0 : c[0] / (double) (c[0] + c[1]);
      double rec = c[0] + c[2] == 0 ? 0 : c[0] / (double) (c[0] + c[2]);
      f1s.add(p + rec == 0 ? 0 : 2 * p * rec / (p + rec));
    }
    double macro = f1s.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    return new double[] {correct / (double) rows.size(), macro};
  }

  static void noop(Dataset<Row> df) {
    df.write().format("noop").mode("overwrite").save();
  }

  static double seconds(Runnable r) {
    long t0 = System.nanoTime();
    r.run();
    return (System.nanoTime() - t0) / 1e9;
  }
}
