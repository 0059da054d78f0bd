package org.newsdesk.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * L2-regularised multinomial logistic regression (maximum entropy) trained with L-BFGS, on
 * real-valued sparse features.
 *
 * <p>Each example may carry a weight (e.g. to balance labels).
 *
 * <p>Why not OpenNLP's QNMinimizer: it starts every L-BFGS direction from the identity matrix
 * (no {@code s'y/y'y} scaling), so on TF-IDF features its line search backtracks about seven
 * times per iteration, and its NegLogLikelihood makes separate passes for value and gradient.
 * This implementation evaluates value and gradient together, uses threads without changing the
 * order of any sum (results are identical for every thread count), and scales the initial
 * matrix. The result is an OpenNLP {@code QNModel}.
 *
 * <p>Weights are laid out feature-major: weight of feature {@code f} for label {@code k} is at
 * {@code f * labels + k}. Feature 0 (the bias) is not regularised.
 */
final class Lbfgs {

  /** Correction pairs kept; small because the parameter vector can have millions of entries. */
  static final int HISTORY = 6;

  /** Stop when the objective improved by less than this fraction over the last iteration. */
  static final double TOLERANCE = 1e-5;

  private final int features;
  private final int labels;
  private final int[][] contexts;
  private final float[][] values;
  private final int[] outcomes;
  private final double l2;
  private final int threads;
  private final double[] weights;
  private final int[] chunkStart;
  private final double[][] coefficients;
  private final double[] exampleLoss;

  Lbfgs(
      int features,
      int labels,
      int[][] contexts,
      float[][] values,
      int[] outcomes,
      double[] weights,
      double l2,
      int threads) {
    this.weights = weights;
    this.coefficients = new double[contexts.length][labels];
    this.exampleLoss = new double[contexts.length];
    this.features = features;
    this.labels = labels;
    this.contexts = contexts;
    this.values = values;
    this.outcomes = outcomes;
    this.l2 = l2;
    this.threads = Math.max(1, Math.min(threads, contexts.length));
    this.chunkStart = new int[this.threads + 1];
    for (int t = 0; t <= this.threads; t++) {
      chunkStart[t] = (int) ((long) contexts.length * t / this.threads);
    }
  }

  int dimension() {
    return features * labels;
  }

  /**
   * Minimises the regularised negative log-likelihood.
   *
   * @return the weights
   */
  double[] minimize(int maxIterations, TrainingListener listener) {
    int dim = dimension();
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, daemon()) : null;
    try {
      double[] x = new double[dim];
      double[] g = new double[dim];
      double[] loss = new double[1];
      double f = evaluate(x, g, loss, pool);
      double[][] s = new double[HISTORY][];
      double[][] y = new double[HISTORY][];
      double[] rho = new double[HISTORY];
      double[] alpha = new double[HISTORY];
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
          int k = Math.floorMod(newest - j, HISTORY);
          alpha[k] = rho[k] * dot(s[k], d);
          axpy(-alpha[k], y[k], d);
        }
        double gamma = stored > 0 ? dot(s[newest], y[newest]) / dot(y[newest], y[newest]) : 1;
        scale(gamma, d);
        for (int j = stored - 1; j >= 0; j--) {
          int k = Math.floorMod(newest - j, HISTORY);
          double beta = rho[k] * dot(y[k], d);
          axpy(alpha[k] - beta, s[k], d);
        }
        double gd = dot(g, d);
        if (!(gd < 0)) {
          // not a descent direction (numerical trouble): restart from steepest descent
          for (int i = 0; i < dim; i++) {
            d[i] = -g[i];
          }
          gd = dot(g, d);
          stored = 0;
        }
        double step = stored == 0 ? 1 / Math.sqrt(dot(g, g)) : 1;
        double fn = f;
        boolean accepted = false;
        for (int tries = 0; tries < 40; tries++) {
          for (int i = 0; i < dim; i++) {
            xn[i] = x[i] + step * d[i];
          }
          fn = evaluate(xn, gn, loss, pool);
          if (fn <= f + 1e-4 * step * gd) {
            accepted = true;
            break;
          }
          step *= 0.5;
        }
        if (!accepted) {
          listener.onProgress(iter, maxIterations, -loss[0]);
          break;
        }
        // store the correction pair (reusing the oldest arrays)
        int slot = (newest + 1) % HISTORY;
        if (s[slot] == null) {
          s[slot] = new double[dim];
          y[slot] = new double[dim];
        }
        double sy = 0;
        for (int i = 0; i < dim; i++) {
          s[slot][i] = xn[i] - x[i];
          y[slot][i] = gn[i] - g[i];
          sy += s[slot][i] * y[slot][i];
        }
        if (sy > 1e-12) {
          rho[slot] = 1 / sy;
          newest = slot;
          stored = Math.min(stored + 1, HISTORY);
        }
        double[] tmp = x;
        x = xn;
        xn = tmp;
        tmp = g;
        g = gn;
        gn = tmp;
        double previous = f;
        f = fn;
        listener.onProgress(iter, maxIterations, -loss[0]);
        if ((previous - f) / Math.max(1, Math.abs(f)) < TOLERANCE) {
          break;
        }
      }
      return x;
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /**
   * Objective and gradient at x; loss[0] receives the unregularised negative log-likelihood.
   * Phase 1 splits the examples among threads, phase 2 splits the labels; every sum runs in
   * example order, so the result is bit-for-bit the same for any thread count.
   */
  private double evaluate(double[] x, double[] grad, double[] loss, ExecutorService pool) {
    int n = contexts.length;
    run(pool, threads, t -> scores(chunkStart[t], chunkStart[t + 1], x));
    double nll = 0;
    for (int e = 0; e < n; e++) {
      nll += exampleLoss[e];
    }
    int parts = Math.min(threads, labels);
    run(pool, parts, t -> gradient(labels * t / parts, labels * (t + 1) / parts, grad));
    loss[0] = nll;
    double reg = 0;
    for (int i = labels; i < grad.length; i++) {
      reg += x[i] * x[i];
      grad[i] += 2 * l2 * x[i];
    }
    return nll + l2 * reg;
  }

  /** Per-example loss and d(loss)/d(score) for examples [from, to). */
  private void scores(int from, int to, double[] x) {
    for (int e = from; e < to; e++) {
      int[] ctx = contexts[e];
      float[] val = values[e];
      double[] sc = coefficients[e];
      java.util.Arrays.fill(sc, 0);
      for (int i = 0; i < ctx.length; i++) {
        int base = ctx[i] * labels;
        double v = val[i];
        for (int k = 0; k < labels; k++) {
          sc[k] += v * x[base + k];
        }
      }
      int gold = outcomes[e];
      double w = weights[e];
      double goldScore = sc[gold];
      exampleLoss[e] = w * (softmax(sc) - goldScore);
      for (int k = 0; k < labels; k++) {
        sc[k] *= w;
      }
      sc[gold] -= w;
    }
  }

  /** The gradient entries of labels [fromLabel, toLabel), summed over examples in order. */
  private void gradient(int fromLabel, int toLabel, double[] g) {
    for (int f = 0; f < features; f++) {
      int base = f * labels;
      for (int k = fromLabel; k < toLabel; k++) {
        g[base + k] = 0;
      }
    }
    for (int e = 0; e < contexts.length; e++) {
      int[] ctx = contexts[e];
      float[] val = values[e];
      double[] c = coefficients[e];
      for (int i = 0; i < ctx.length; i++) {
        int base = ctx[i] * labels;
        double v = val[i];
        for (int k = fromLabel; k < toLabel; k++) {
          g[base + k] += v * c[k];
        }
      }
    }
  }

  private static void run(ExecutorService pool, int parts, java.util.function.IntConsumer task) {
    if (pool == null || parts == 1) {
      for (int t = 0; t < parts; t++) {
        task.accept(t);
      }
      return;
    }
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < parts; t++) {
      int part = t;
      futures.add(pool.submit(() -> task.accept(part)));
    }
    try {
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("training interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("training failed", e.getCause());
    }
  }

  /**
   * Replaces scores by their softmax probabilities (shifted by the maximum, so no overflow).
   *
   * @return the log of the sum of the exponentiated scores (the log partition function)
   */
  static double softmax(double[] s) {
    double max = Double.NEGATIVE_INFINITY;
    for (double x : s) {
      max = Math.max(max, x);
    }
    double sum = 0;
    for (int k = 0; k < s.length; k++) {
      s[k] = Math.exp(s[k] - max);
      sum += s[k];
    }
    for (int k = 0; k < s.length; k++) {
      s[k] /= sum;
    }
    return max + Math.log(sum);
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

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "newsdesk-lbfgs");
      t.setDaemon(true);
      return t;
    };
  }
}
