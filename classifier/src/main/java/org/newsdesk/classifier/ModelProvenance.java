package org.newsdesk.classifier;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a model came from: saved with the model and restored on load.
 *
 * @param libraryVersion the Newsdesk classifier version that trained the model
 * @param opennlpVersion the Apache OpenNLP version that trained the model
 * @param config the full training configuration, including every feature setting
 * @param labels the labels the model predicts, sorted
 * @param examplesPerLabel the number of training examples of each label
 * @param featureCount the number of features the model uses (including one constant bias feature)
 * @param dataSha256 the hex SHA-256 of the training data (each example's label, title and body, in
 *     training order), to tell whether two models were trained on the same data
 * @param created when training finished
 */
public record ModelProvenance(
    String libraryVersion,
    String opennlpVersion,
    TrainingConfig config,
    List<String> labels,
    Map<String, Integer> examplesPerLabel,
    int featureCount,
    String dataSha256,
    Instant created) {

  /**
   * Validates and copies the components.
   *
   * @param libraryVersion the Newsdesk version
   * @param opennlpVersion the OpenNLP version
   * @param config the training configuration
   * @param labels the labels
   * @param examplesPerLabel training examples per label
   * @param featureCount the number of features
   * @param dataSha256 the training-data hash
   * @param created when training finished
   * @throws NullPointerException if any component is {@code null}
   */
  public ModelProvenance {
    Objects.requireNonNull(libraryVersion, "libraryVersion");
    Objects.requireNonNull(opennlpVersion, "opennlpVersion");
    Objects.requireNonNull(config, "config");
    labels = List.copyOf(labels);
    examplesPerLabel = java.util.Collections.unmodifiableMap(new TreeMap<>(examplesPerLabel));
    Objects.requireNonNull(dataSha256, "dataSha256");
    Objects.requireNonNull(created, "created");
  }

  /**
   * Returns the total number of training examples.
   *
   * @return the sum of {@link #examplesPerLabel()}
   */
  public int examples() {
    return examplesPerLabel.values().stream().mapToInt(Integer::intValue).sum();
  }
}
