package org.newsdesk.classifier;

/**
 * Receives progress reports while a {@link TopicTrainer} trains, e.g. to drive a progress bar.
 *
 * <p>Calls come from the training thread, in this order: {@link #onReading} as the examples are
 * read (training reads them in {@value TopicTrainer#PASSES} passes: counting n-grams, naming the
 * kept ones, which may stop early, and building feature vectors), {@link #onStart} once, {@link
 * #onProgress} once per learner iteration (the learner may stop early when it has converged, so
 * the last reported iteration can be below the maximum), then {@link #onFinish} once. Naive Bayes
 * has no iterations and reports a single step. {@link Evaluation#crossValidate(TopicTrainer,
 * Iterable, int, long, TrainingListener) Cross-validation} calls {@link #onFold} before
 * each fold's training. Only {@code onProgress} must be implemented, so a lambda will do:
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
   * Called while the examples are read, after every few hundred examples and at the end of each
   * pass.
   *
   * @param pass the pass, from 1 to {@code passes}
   * @param passes the number of passes, {@value TopicTrainer#PASSES}
   * @param examples the examples read so far in this pass
   */
  default void onReading(int pass, int passes, long examples) {}

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
   * @param logLikelihood the training-data log-likelihood after this iteration (weighted when
   *     labels are balanced), or {@link Double#NaN} if the learner does not report one
   *     (perceptron, naive Bayes)
   */
  void onProgress(int iteration, int maxIterations, double logLikelihood);

  /**
   * Called once when the model is complete.
   *
   * @param iterations the number of iterations the learner ran
   */
  default void onFinish(int iterations) {}

  /**
   * Called by cross-validation before each fold's model is trained.
   *
   * @param fold the fold, from 1 to {@code folds}
   * @param folds the number of folds
   */
  default void onFold(int fold, int folds) {}
}
