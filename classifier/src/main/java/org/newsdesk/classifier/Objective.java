package org.newsdesk.classifier;

/**
 * A differentiable function of a real vector that a minimiser such as {@link Lbfgs} works on.
 * Value and gradient are computed in one call, because for the objectives we train (see {@link
 * SoftmaxObjective}) they share almost all of their work.
 *
 * <p>An objective may keep scratch buffers, so one instance is used by one minimisation at a
 * time; it may use threads internally.
 */
interface Objective {

  /**
   * The number of variables.
   *
   * @return the length of the vectors {@link #evaluate} takes and fills
   */
  int dimension();

  /**
   * Computes the function's value and gradient at a point.
   *
   * @param x the point, of length {@link #dimension()}; not modified
   * @param gradientOut receives the gradient at {@code x}, of length {@link #dimension()}; every
   *     entry is overwritten
   * @return the value at {@code x}; may be infinite or NaN where the function is undefined (the
   *     minimiser then treats the point as unacceptable)
   */
  double evaluate(double[] x, double[] gradientOut);
}
