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

  private final String[] outcomes;
  private final int[] tieRanks;

  /**
   * @param outcomes the label of each probability index
   * @param tieRanks each outcome's place among equally scored outcomes (see {@link #tieRanks()})
   * @throws IllegalArgumentException if a label is not one a model can have ({@link
   *     LabeledText#labelProblem}): a model read from a file is untrusted
   */
  Model(String[] outcomes, int[] tieRanks) {
    for (String label : outcomes) {
      String problem = label == null ? "a label is missing" : LabeledText.labelProblem(label);
      if (problem != null) {
        throw new IllegalArgumentException("the model's " + problem);
      }
    }
    this.outcomes = outcomes;
    this.tieRanks = tieRanks;
  }

  /** The label of each probability index, in the model's own order. */
  final String[] outcomes() {
    return outcomes;
  }

  /**
   * For each outcome, its place among equally scored outcomes (lower first): alphabetical for
   * Newsdesk models, the model's own order for an OpenNLP doccat model (as its {@code
   * getBestCategory} does).
   */
  final int[] tieRanks() {
    return tieRanks;
  }

  /** The labels of an OpenNLP model, in its outcome order. */
  static String[] outcomesOf(opennlp.tools.ml.model.MaxentModel model) {
    String[] outcomes = new String[model.getNumOutcomes()];
    for (int i = 0; i < outcomes.length; i++) {
      outcomes[i] = model.getOutcome(i);
    }
    return outcomes;
  }

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
