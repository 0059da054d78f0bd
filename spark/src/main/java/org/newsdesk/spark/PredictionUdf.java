package org.newsdesk.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;

/**
 * {@code (title, body) -> prediction struct}: the per-row path of the transformer and of {@code
 * newsdesk_prediction}. A plain Java UDF (no Scala closure); Spark deserializes one copy per task,
 * which looks the JVM-wide classifier up once. A {@code null} title or body counts as empty.
 */
final class PredictionUdf extends ClassifyingUdf implements UDF2<String, String, Row> {

  private static final long serialVersionUID = 1L;

  private final int topK;
  private final double minScore;

  PredictionUdf(ModelSource model, int topK, double minScore) {
    super(model);
    this.topK = topK;
    this.minScore = minScore;
  }

  /** The function as a deterministic, never-null Spark UDF named {@code name}. */
  UserDefinedFunction udf(String name) {
    return functions.udf(this, Predictions.PREDICTION).withName(name).asNonNullable();
  }

  @Override
  public Row call(String title, String body) {
    return Predictions.row(predict(title, body), topK, minScore);
  }
}
