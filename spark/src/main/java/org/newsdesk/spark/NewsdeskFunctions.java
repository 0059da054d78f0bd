package org.newsdesk.spark;

import org.apache.spark.sql.SparkSession;
import org.newsdesk.classifier.TopicClassifier;

/**
 * Newsdesk's SQL functions. After {@link #register(SparkSession)}:
 *
 * <pre>{@code
 * SELECT title, newsdesk_topic(title, body) AS topic FROM articles
 * SELECT newsdesk_prediction(title, body).scores FROM articles
 * }</pre>
 *
 * <ul>
 *   <li>{@code newsdesk_topic(title, body)}: the topic (string), or {@code NULL} when the text
 *       shares no feature with the model;
 *   <li>{@code newsdesk_prediction(title, body)}: the struct {@link TopicClassifierTransformer}
 *       adds with its default settings: {@code topic}, {@code score} and the best three {@code
 *       scores}.
 * </ul>
 *
 * <p>A {@code NULL} title or body counts as empty. The functions give the same results as {@link
 * TopicClassifier#predict(String, String)} and share the transformer's model handling: loaded once
 * per executor JVM, a custom model validated on the driver and shipped as a broadcast.
 */
public final class NewsdeskFunctions {

  /** Name of the topic function. */
  public static final String TOPIC = "newsdesk_topic";

  /** Name of the prediction-struct function. */
  public static final String PREDICTION = "newsdesk_prediction";

  private NewsdeskFunctions() {}

  /**
   * Registers the functions, backed by the built-in model, in a session.
   *
   * @param spark the session
   */
  public static void register(SparkSession spark) {
    register(spark, ModelSource.builtIn());
  }

  /**
   * Registers the functions, backed by a saved model, in a session; registering again replaces
   * them.
   *
   * @param spark the session
   * @param modelPath a Hadoop path ({@code hdfs://}, {@code s3a://}, {@code file:}, or a path on
   *     the default file system) of a model saved by {@link TopicClassifier#save}; empty for the
   *     built-in model
   * @throws java.io.UncheckedIOException if the model cannot be read, or (cause {@link
   *     org.newsdesk.classifier.ModelLoadException}) is not a valid model; nothing is registered
   *     then
   */
  public static void register(SparkSession spark, String modelPath) {
    register(spark, ModelSource.resolve(spark, modelPath));
  }

  private static void register(SparkSession spark, ModelSource model) {
    TopicClassifierTransformer defaults = new TopicClassifierTransformer();
    spark.udf().register(TOPIC, new TopicUdf(model).udf(TOPIC));
    spark
        .udf()
        .register(
            PREDICTION,
            new PredictionUdf(model, defaults.getTopK(), defaults.getMinScore()).udf(PREDICTION));
  }
}
