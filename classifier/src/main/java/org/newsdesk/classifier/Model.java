package org.newsdesk.classifier;

/**
 * What a {@link TopicClassifier} predicts with: one implementation per kind of model, each with
 * exactly one prediction path. {@link TopicClassifier} turns the probabilities into a {@link
 * Prediction}; the kinds only score.
 *
 * <ul>
 *   <li>{@link LinearModel}: Newsdesk's own (maximum entropy, trained with L-BFGS);
 *   <li>{@link OpenNlpModel}: features from a {@link FeaturePipeline}, scored by an OpenNLP model
 *       trained by GIS, the perceptron or naive Bayes;
 *   <li>{@link DoccatClassifier}: an OpenNLP {@code DoccatModel}, features and all.
 * </ul>
 *
 * Implementations are immutable and thread-safe.
 */
abstract class Model {

  /** The label of each probability index, in the model's own order. */
  abstract String[] outcomes();

  /**
   * For each outcome, its place among equally scored outcomes (lower first): alphabetical for
   * Newsdesk models, the model's own order for an OpenNLP doccat model (as its {@code
   * getBestCategory} does).
   */
  abstract int[] tieRanks();

  /**
   * The probability of each outcome for the text, or {@code null} when the text shares no feature
   * with the model.
   */
  abstract double[] probabilities(String title, String body);

  /** The feature pipeline, or {@code null} for an OpenNLP doccat model (it has its own). */
  abstract FeaturePipeline pipeline();

  /** A short description for {@link TopicClassifier#toString()}. */
  abstract String describe();

  /** Alphabetical ranks of the outcomes. */
  static int[] alphabeticalRanks(String[] outcomes) {
    Integer[] order = new Integer[outcomes.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> outcomes[a].compareTo(outcomes[b]));
    int[] rank = new int[outcomes.length];
    for (int r = 0; r < order.length; r++) {
      rank[order[r]] = r;
    }
    return rank;
  }
}
