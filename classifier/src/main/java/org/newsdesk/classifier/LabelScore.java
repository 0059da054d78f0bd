package org.newsdesk.classifier;

import java.util.Objects;

/**
 * The probability a classifier assigns to one label.
 *
 * @param label the label
 * @param score the probability, between 0 and 1
 */
public record LabelScore(String label, double score) {

  /**
   * Validates the components.
   *
   * @param label the label
   * @param score the probability
   * @throws NullPointerException if the label is {@code null}
   */
  public LabelScore {
    Objects.requireNonNull(label, "label");
  }

  @Override
  public String toString() {
    return label + "=" + String.format(java.util.Locale.ROOT, "%.4f", score);
  }
}
