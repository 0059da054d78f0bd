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
   * @throws IllegalArgumentException if the score is not a number from 0 to 1 (NaN included)
   */
  public LabelScore {
    Objects.requireNonNull(label, "label");
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException(
          "the score of '" + label + "' must be a probability from 0 to 1: " + score);
    }
  }

  @Override
  public String toString() {
    return label + "=" + String.format(java.util.Locale.ROOT, "%.4f", score);
  }
}
