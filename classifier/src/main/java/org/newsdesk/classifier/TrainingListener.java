package org.newsdesk.classifier;

/**
 * Receives progress reports while a {@link TopicTrainer} trains, e.g. to drive a progress bar.
 *
 * <p>Calls come from the training thread, in this order: {@link #onStart} once, {@link
 * #onProgress} once per learner iteration (the learner may stop early when it has converged, so
 * the last reported iteration can be below the maximum), then {@link #onFinish} once. Naive Bayes
 * has no iterations and reports a single step. Only {@code onProgress} must be implemented, so a
 * lambda will do:
 *
 * <pre>{@code
 * trainer.train(examples, (iteration, max, logLikelihood) -> bar.update(iteration, max));
 * }</pre>
 */
@FunctionalInterface
public interface TrainingListener {

  /** A listener that ignores every report. */
  TrainingListener NONE = (iteration, maxIterations, logLikelihood) -> {};

  /**
   * Called once the features are extracted, before the learner starts.
   *
   * @param examples the number of training examples
   * @param features the number of features kept
   * @param labels the number of distinct labels
   */
  default void onStart(int examples, int features, int labels) {}

  /**
   * Called after each learner iteration.
   *
   * @param iteration the iteration just finished, starting at 1
   * @param maxIterations the configured maximum
   * @param logLikelihood the training-data log-likelihood after this iteration, or {@link
   *     Double#NaN} if the learner does not report one (perceptron, naive Bayes)
   */
  void onProgress(int iteration, int maxIterations, double logLikelihood);

  /**
   * Called once when the model is complete.
   *
   * @param iterations the number of iterations the learner ran
   */
  default void onFinish(int iterations) {}
}
