package org.newsdesk.spark;

import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code (title, body) -> topic}: the best label, or {@code null} when the text shares no feature
 * with the model. Backs {@code newsdesk_topic}. A {@code null} title or body counts as empty.
 */
final class TopicUdf extends ClassifyingUdf implements UDF2<String, String, String> {

  private static final long serialVersionUID = 1L;

  TopicUdf(ModelSource model) {
    super(model);
  }

  /** The function as a deterministic Spark UDF named {@code name}. */
  UserDefinedFunction udf(String name) {
    return functions.udf(this, DataTypes.StringType).withName(name);
  }

  @Override
  public String call(String title, String body) {
    return Predictions.topic(predict(title, body), 0.0);
  }
}
