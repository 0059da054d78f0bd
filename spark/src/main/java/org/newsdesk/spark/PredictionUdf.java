package org.newsdesk.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.newsdesk.classifier.TopicClassifier;

/**
 * {@code (title, body) -> prediction struct}: the per-row path of the transformer and of {@code
 * newsdesk_prediction}. A plain Java UDF (no Scala closure); Spark deserializes one copy per task,
 * which looks the JVM-wide classifier up once. A {@code null} title or body counts as empty.
 */
final class PredictionUdf implements UDF2<String, String, Row> {

  private static final long serialVersionUID = 1L;

  private final ModelSource model;
  private final int topK;
  private final double minScore;
  private transient TopicClassifier classifier;

  PredictionUdf(ModelSource model, int topK, double minScore) {
    this.model = model;
    this.topK = topK;
    this.minScore = minScore;
  }

  /** The function as a deterministic, never-null Spark UDF named {@code name}. */
  UserDefinedFunction udf(String name) {
    return functions.udf(this, Predictions.PREDICTION).withName(name).asNonNullable();
  }

  @Override
  public Row call(String title, String body) {
    TopicClassifier c = classifier;
    if (c == null) {
      c = model.classifier();
      classifier = c;
    }
    return Predictions.row(
        c.predict(title == null ? "" : title, body == null ? "" : body), topK, minScore);
  }
}
