package org.newsdesk.spark;

import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.newsdesk.classifier.TopicClassifier;

/**
 * {@code (title, body) -> topic}: the best label, or {@code null} when the text shares no feature
 * with the model. Backs {@code newsdesk_topic}. A {@code null} title or body counts as empty.
 */
final class TopicUdf implements UDF2<String, String, String> {

  private static final long serialVersionUID = 1L;

  private final ModelSource model;
  private transient TopicClassifier classifier;

  TopicUdf(ModelSource model) {
    this.model = model;
  }

  /** The function as a deterministic Spark UDF named {@code name}. */
  UserDefinedFunction udf(String name) {
    return functions.udf(this, DataTypes.StringType).withName(name);
  }

  @Override
  public String call(String title, String body) {
    TopicClassifier c = classifier;
    if (c == null) {
      c = model.classifier();
      classifier = c;
    }
    return Predictions.topic(
        c.predict(title == null ? "" : title, body == null ? "" : body), 0.0);
  }
}
