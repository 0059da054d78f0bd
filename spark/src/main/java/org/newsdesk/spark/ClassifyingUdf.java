package org.newsdesk.spark;

import java.io.Serializable;
import org.newsdesk.classifier.Prediction;
import org.newsdesk.classifier.TopicClassifier;

/**
 * What the classifying UDFs share: a {@link ModelSource} (what is serialized into tasks, never
 * the model), the JVM-wide classifier looked up once per deserialized copy, and {@code null}
 * title or body read as empty.
 */
abstract class ClassifyingUdf implements Serializable {

  private static final long serialVersionUID = 1L;

  private final ModelSource model;
  private transient TopicClassifier classifier;

  ClassifyingUdf(ModelSource model) {
    this.model = model;
  }

  /** The prediction for a row's title and body, either of which may be {@code null}. */
  final Prediction predict(String title, String body) {
    TopicClassifier c = classifier;
    if (c == null) {
      c = model.classifier();
      classifier = c;
    }
    return c.predict(title == null ? "" : title, body == null ? "" : body);
  }
}
