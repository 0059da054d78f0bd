package org.newsdesk.classifier;

/**
 * Limited-memory BFGS minimiser of a smooth {@link Objective} (Nocedal &amp; Wright, <i>Numerical
 * Optimization</i>, 2nd ed., algorithms 7.4 and 7.5), with a backtracking Armijo line search.
 * It knows nothing of what it minimises: {@link SoftmaxObjective} is the objective the classifier
 * trains.
 *
 * <p>Hand-written because OpenNLP's {@code QNMinimizer} starts every direction from the identity
 * (no initial scaling) and backtracks about seven times per iteration on TF-IDF features: its
 * stock {@code MAXENT_QN} took minutes on fortunes where this takes seconds (docs/BENCHMARKS.md).
 *
 * <p><b>Directions.</b> The two-loop recursion over the last {@link #memory} correction pairs
 * {@code (s, y)}, with the initial inverse Hessian scaled by {@code s'y / y'y} of the newest pair
 * (N&amp;W eq. 7.20), so that a unit step is usually right. A pair whose curvature {@code s'y} is
 * not positive enough ({@link #CURVATURE_EPSILON}) is skipped rather than stored, which keeps the
 * implied inverse Hessian positive definite even on non-convex functions. With no stored pair
 * (first iteration, or after a restart) the direction is steepest descent and the first trial
 * step has unit length ({@code 1 / ||g||}). A direction that is not a descent direction (only
 * possible through rounding) restarts from steepest descent with the history dropped.
 *
 * <p><b>Line search: backtracking Armijo</b> (N&amp;W algorithm 3.1), not strong Wolfe. The
 * Wolfe curvature condition exists to guarantee {@code s'y > 0}; on the convex objective we train
 * that holds for every step, and elsewhere the skip rule above covers it. With the scaled initial
 * matrix the unit step passes the sufficient-decrease test ({@link #ARMIJO_C1}) in nearly every
 * iteration, so a step costs one evaluation; a zoom phase would add evaluations (each a full pass
 * over the training data) to satisfy a condition we do not need. Failing steps are shrunk by
 * {@link #BACKTRACK_FACTOR}, at most {@link #MAX_LINE_SEARCH_STEPS} times.
 *
 * <p><b>Stop rule</b>, checked after each accepted step, first match wins: {@code ||g|| <=
 * gradientTolerance * max(1, ||x||)} ({@link Stop#GRADIENT}, also checked at the start); the
 * objective fell by no more than {@code relativeDecrease * max(1, |f|)} in that step ({@link
 * Stop#DECREASE}); the iteration cap ({@link Stop#MAX_ITERATIONS}). If no trial step of a line
 * search decreases the objective enough, the minimiser stops at the last accepted point ({@link
 * Stop#LINE_SEARCH_FAILED}). Precision: the Armijo test compares values of {@code f}, so progress
 * ends once a step's decrease is below the rounding of {@code f} itself (for a quadratic, once
 * {@code ||g||^2} is near {@code ulp(f)} times its curvature); ask for a gradient tolerance
 * beyond that and the run ends on the decrease rule or a failed line search instead.
 *
 * <p>Deterministic: the same objective and start give the same result bit for bit. Memory: {@code
 * (2 * memory + 5) * dimension} doubles. An instance holds only settings and may be shared.
 */
final class Lbfgs {

  /** Correction pairs kept by default; small because the vector can have millions of entries. */
  static final int DEFAULT_MEMORY = 6;

  /** Default {@code relativeDecrease} of the stop rule: a step that gains under 0.001 %. */
  static final double DEFAULT_RELATIVE_DECREASE = 1e-5;

  /**
   * Default {@code gradientTolerance} of the stop rule. Tight: on training objectives the decrease
   * rule stops first; this one ends the work on problems that are solved exactly (zero gradient).
   */
  static final double DEFAULT_GRADIENT_TOLERANCE = 1e-8;

  /** Sufficient-decrease constant {@code c1} of the Armijo condition (N&amp;W's usual value). */
  static final double ARMIJO_C1 = 1e-4;

  /** Factor by which a trial step shrinks when it fails the Armijo condition. */
  static final double BACKTRACK_FACTOR = 0.5;

  /** Trial steps per line search before giving up (the last is {@code 0.5^39} of the first). */
  static final int MAX_LINE_SEARCH_STEPS = 40;

  /**
   * A correction pair is stored only if {@code s'y > CURVATURE_EPSILON * y'y}, i.e. its curvature
   * estimate is positive and above rounding noise (the skip test of L-BFGS-B).
   */
  static final double CURVATURE_EPSILON = 0x1.0p-52;

  /** Why a minimisation ended. */
  enum Stop {
    /** The gradient norm fell below the tolerance. */
    GRADIENT,
    /** The last step decreased the objective by less than the relative tolerance. */
    DECREASE,
    /** The iteration cap was reached. */
    MAX_ITERATIONS,
    /** No trial step decreased the objective enough; the result is the last accepted point. */
    LINE_SEARCH_FAILED
  }

  /**
   * The outcome of a minimisation.
   *
   * @param x the best point found (a new array, owned by the caller)
   * @param value the objective at {@code x}
   * @param iterations the number of accepted steps
   * @param evaluations the number of objective evaluations, the start included
   * @param stop why it ended
   */
  record Result(double[] x, double value, int iterations, int evaluations, Stop stop) {}

  /** Called after every accepted step, on the minimising thread. */
  @FunctionalInterface
  interface Listener {

    /** A listener that does nothing. */
    Listener NONE = (iteration, value, x, gradient) -> {};

    /**
     * Reports an accepted step.
     *
     * @param iteration the step just accepted, starting at 1
     * @param value the objective at the new point
     * @param x the new point: the minimiser's own array, to read only and not keep
     * @param gradient the gradient there, likewise
     */
    void onIteration(int iteration, double value, double[] x, double[] gradient);
  }

  private final int memory;
  private final int maxIterations;
  private final double relativeDecrease;
  private final double gradientTolerance;

  /**
   * Creates a minimiser.
   *
   * @param memory correction pairs kept, at least 1
   * @param maxIterations the iteration cap, at least 0
   * @param relativeDecrease stop when a step decreases the objective by no more than this times
   *     {@code max(1, |f|)}; with 0, only a step that leaves the objective unchanged stops
   * @param gradientTolerance stop when {@code ||g|| <= gradientTolerance * max(1, ||x||)}; 0 stops
   *     only at an exactly zero gradient
   */
  Lbfgs(int memory, int maxIterations, double relativeDecrease, double gradientTolerance) {
    if (memory < 1) {
      throw new IllegalArgumentException("memory must be at least 1, got " + memory);
    }
    if (maxIterations < 0) {
      throw new IllegalArgumentException("maxIterations must be >= 0, got " + maxIterations);
    }
    if (!(relativeDecrease >= 0) || !(gradientTolerance >= 0)) {
      throw new IllegalArgumentException(
          "tolerances must be >= 0, got " + relativeDecrease + " and " + gradientTolerance);
    }
    this.memory = memory;
    this.maxIterations = maxIterations;
    this.relativeDecrease = relativeDecrease;
    this.gradientTolerance = gradientTolerance;
  }

  /**
   * A minimiser with the default memory and tolerances.
   *
   * @param maxIterations the iteration cap, at least 0
   * @return the minimiser
   */
  static Lbfgs withDefaults(int maxIterations) {
    return new Lbfgs(
        DEFAULT_MEMORY, maxIterations, DEFAULT_RELATIVE_DECREASE, DEFAULT_GRADIENT_TOLERANCE);
  }

  int maxIterations() {
    return maxIterations;
  }

  /**
   * Minimises an objective from a starting point.
   *
   * @param objective the function
   * @param start the starting point, of the objective's dimension; not modified
   * @param listener told of every accepted step
   * @return the result
   * @throws IllegalArgumentException if the start has the wrong length, or the objective or its
   *     gradient is not finite there
   */
  Result minimize(Objective objective, double[] start, Listener listener) {
    int dim = objective.dimension();
    if (start.length != dim) {
      throw new IllegalArgumentException(
          "start has " + start.length + " entries, the objective " + dim);
    }
    double[] x = start.clone();
    double[] g = new double[dim];
    double f = objective.evaluate(x, g);
    int evaluations = 1;
    double gg = dot(g, g);
    if (!Double.isFinite(f) || !Double.isFinite(gg)) {
      throw new IllegalArgumentException("objective or gradient not finite at the start: " + f);
    }
    if (small(gg, x)) {
      return new Result(x, f, 0, evaluations, Stop.GRADIENT);
    }
    double[][] s = new double[memory][];
    double[][] y = new double[memory][];
    double[] rho = new double[memory];
    double[] alpha = new double[memory];
    int stored = 0;
    int newest = -1;
    double[] d = new double[dim];
    double[] xn = new double[dim];
    double[] gn = new double[dim];
    for (int iter = 1; iter <= maxIterations; iter++) {
      // two-loop recursion: d = -H g
      for (int i = 0; i < dim; i++) {
        d[i] = -g[i];
      }
      for (int j = 0; j < stored; j++) {
        int k = Math.floorMod(newest - j, memory);
        alpha[k] = rho[k] * dot(s[k], d);
        axpy(-alpha[k], y[k], d);
      }
      double gamma = stored > 0 ? dot(s[newest], y[newest]) / dot(y[newest], y[newest]) : 1;
      scale(gamma, d);
      for (int j = stored - 1; j >= 0; j--) {
        int k = Math.floorMod(newest - j, memory);
        double beta = rho[k] * dot(y[k], d);
        axpy(alpha[k] - beta, s[k], d);
      }
      double gd = dot(g, d);
      if (!(gd < 0)) {
        // not a descent direction (rounding): restart from steepest descent
        for (int i = 0; i < dim; i++) {
          d[i] = -g[i];
        }
        gd = dot(g, d);
        stored = 0;
      }
      // backtracking Armijo line search
      double step = stored == 0 ? 1 / Math.sqrt(dot(g, g)) : 1;
      double fn = f;
      boolean accepted = false;
      for (int tries = 0; tries < MAX_LINE_SEARCH_STEPS; tries++) {
        for (int i = 0; i < dim; i++) {
          xn[i] = x[i] + step * d[i];
        }
        fn = objective.evaluate(xn, gn);
        evaluations++;
        if (fn <= f + ARMIJO_C1 * step * gd) {
          accepted = true;
          break;
        }
        step *= BACKTRACK_FACTOR;
      }
      if (!accepted) {
        return new Result(x, f, iter - 1, evaluations, Stop.LINE_SEARCH_FAILED);
      }
      // store the correction pair (reusing the oldest arrays)
      int slot = (newest + 1) % memory;
      if (s[slot] == null) {
        s[slot] = new double[dim];
        y[slot] = new double[dim];
      }
      double sy = 0;
      double yy = 0;
      for (int i = 0; i < dim; i++) {
        s[slot][i] = xn[i] - x[i];
        y[slot][i] = gn[i] - g[i];
        sy += s[slot][i] * y[slot][i];
        yy += y[slot][i] * y[slot][i];
      }
      if (sy > CURVATURE_EPSILON * yy) {
        rho[slot] = 1 / sy;
        newest = slot;
        stored = Math.min(stored + 1, memory);
      } else if (stored == memory) {
        // the rejected pair overwrote the oldest one: forget it
        stored--;
      }
      double[] tmp = x;
      x = xn;
      xn = tmp;
      tmp = g;
      g = gn;
      gn = tmp;
      double previous = f;
      f = fn;
      listener.onIteration(iter, f, x, g);
      if (small(dot(g, g), x)) {
        return new Result(x, f, iter, evaluations, Stop.GRADIENT);
      }
      if ((previous - f) / Math.max(1, Math.abs(f)) <= relativeDecrease) {
        return new Result(x, f, iter, evaluations, Stop.DECREASE);
      }
    }
    return new Result(x, f, maxIterations, evaluations, Stop.MAX_ITERATIONS);
  }

  /** The gradient test of the stop rule, given {@code g'g}. */
  private boolean small(double gg, double[] x) {
    return Math.sqrt(gg) <= gradientTolerance * Math.max(1, Math.sqrt(dot(x, x)));
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int i = 0; i < x.length; i++) {
      y[i] += a * x[i];
    }
  }

  private static void scale(double a, double[] x) {
    for (int i = 0; i < x.length; i++) {
      x[i] *= a;
    }
  }

  @Override
  public String toString() {
    return "Lbfgs[memory="
        + memory
        + ", maxIterations="
        + maxIterations
        + ", relativeDecrease="
        + relativeDecrease
        + ", gradientTolerance="
        + gradientTolerance
        + "]";
  }
}
