package org.newsdesk.classifier;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The result of classifying one text: the score of every label the model knows, best first.
 *
 * <p>Labels with equal scores are listed alphabetically (by a classifier wrapping an OpenNLP
 * doccat model: in the model's own category order, as OpenNLP's {@code getBestCategory} picks).
 * When the text shares no feature with a Newsdesk model ({@link #unknown()} is {@code true}), the
 * model has no evidence at all: every label then gets the same score, the labels are listed in
 * alphabetical order, and {@link #label()} is just the first of them. Check {@code unknown()}
 * before trusting the label.
 *
 * @param scores every label's score, in descending order of score; never empty
 * @param unknown {@code true} if the text contained no feature known to the model
 */
public record Prediction(List<LabelScore> scores, boolean unknown) {

  /**
   * Validates and copies the components (the list a classifier makes is already immutable and in
   * order, and is kept as it is).
   *
   * @param scores every label's score, best first
   * @param unknown whether the text had no known feature
   * @throws IllegalArgumentException if the scores are empty or not in descending order
   */
  public Prediction {
    if (!(scores instanceof RankedScores)) {
      scores = List.copyOf(scores);
      if (scores.isEmpty()) {
        throw new IllegalArgumentException("a prediction needs at least one label score");
      }
      for (int i = 1; i < scores.size(); i++) {
        if (scores.get(i).score() > scores.get(i - 1).score()) {
          throw new IllegalArgumentException("scores must be in descending order: " + scores);
        }
      }
    }
  }

  /**
   * Returns the best label.
   *
   * @return the label with the highest score
   */
  public String label() {
    return scores instanceof RankedScores r ? r.bestLabel() : scores.get(0).label();
  }

  /**
   * Returns the best label's score.
   *
   * @return the highest score
   */
  public double score() {
    return scores instanceof RankedScores r ? r.bestScore() : scores.get(0).score();
  }

  /**
   * Returns the best {@code k} labels.
   *
   * @param k how many labels to return; more than there are returns all
   * @return the first {@code k} scores, best first
   * @throws IllegalArgumentException if {@code k} is negative
   */
  public List<LabelScore> topK(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be >= 0: " + k);
    }
    return scores.subList(0, Math.min(k, scores.size()));
  }

  /**
   * Returns the score of one label.
   *
   * @param label the label
   * @return its score, or empty if the model does not know the label
   */
  public OptionalDouble scoreOf(String label) {
    Objects.requireNonNull(label, "label");
    for (LabelScore s : scores) {
      if (s.label().equals(label)) {
        return OptionalDouble.of(s.score());
      }
    }
    return OptionalDouble.empty();
  }
}
