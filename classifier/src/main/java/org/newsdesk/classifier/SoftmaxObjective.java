package org.newsdesk.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * The training objective of multinomial logistic regression (maximum entropy): weighted softmax
 * cross-entropy plus an L2 penalty, over a {@link FeatureMatrix}.
 *
 * <p>With {@code L} labels, weights {@code W} laid out feature-major ({@code W[f * L + k]} is the
 * weight of feature {@code f} for label {@code k}), row {@code e}'s scores {@code s_k = sum_j
 * v_j W[f_j * L + k]} over its entries {@code (f_j, v_j)}, its label {@code y_e} and example
 * weight {@code c_e}:
 *
 * <pre>
 *   F(W) = sum_e c_e (log sum_k exp(s_k) - s_{y_e})  +  l2 * sum_{i >= P * L} W[i]^2
 * </pre>
 *
 * <p>a plain sum over examples (not a mean, so {@code l2} weighs against the whole data set), and
 * the penalty skips the first {@code P} features ({@code firstPenalisedFeature}: 1 to leave the
 * classifier's bias feature 0 free, 0 to penalise everything as OpenNLP's {@code L2Cost} does).
 * Its gradient is {@code sum_e c_e v (p_k - [k = y_e])} plus {@code 2 l2 W}.
 *
 * <p>Threads: scores are computed for blocks of examples in parallel, then the gradient for
 * blocks of labels in parallel, each entry summed over the examples in row order; the loss is
 * summed in row order too. So the value and gradient are the same bit for bit for every thread
 * count. Memory beyond the matrix: {@code rows * L + rows} doubles. Close the objective to stop
 * its threads.
 */
final class SoftmaxObjective implements Objective, AutoCloseable {

  private final int[] offsets;
  private final int[] ids;
  private final float[] values;
  private final int[] labels;
  private final int rows;
  private final int features;
  private final int labelCount;
  private final double[] exampleWeights;
  private final double l2;
  private final int firstPenalised;
  private final int threads;
  private final int[] chunkStart;
  // per example: the probabilities, then d(loss)/d(score); rows * labelCount entries
  private final double[] coefficients;
  private final double[] exampleLoss;
  private final ExecutorService pool;

  /**
   * Creates the objective.
   *
   * @param data the examples; every label must be below {@code labelCount}
   * @param labelCount the number of labels {@code L}, at least 1
   * @param exampleWeights one non-negative finite weight per row, or null for all 1
   * @param l2 the penalty factor, finite and {@code >= 0}
   * @param firstPenalisedFeature features below this one are not penalised, in {@code [0,
   *     columns]}
   * @param threads the threads to use, at least 1 (capped at the number of rows)
   * @throws IllegalArgumentException if an argument is out of range, or {@code columns * L} or
   *     {@code rows * L} exceeds {@link FeatureMatrix#MAX_ENTRIES}
   */
  SoftmaxObjective(
      FeatureMatrix data,
      int labelCount,
      double[] exampleWeights,
      double l2,
      int firstPenalisedFeature,
      int threads) {
    if (labelCount < 1) {
      throw new IllegalArgumentException("labelCount must be at least 1, got " + labelCount);
    }
    this.rows = data.rows();
    this.features = data.columns();
    if ((long) features * labelCount > FeatureMatrix.MAX_ENTRIES
        || (long) rows * labelCount > FeatureMatrix.MAX_ENTRIES) {
      throw new IllegalArgumentException(
          "too many parameters: "
              + features
              + " features and "
              + rows
              + " examples by "
              + labelCount
              + " labels; lower maxFeatures or use fewer examples");
    }
    for (int r = 0; r < rows; r++) {
      if (data.label(r) >= labelCount) {
        throw new IllegalArgumentException(
            "row " + r + " has label " + data.label(r) + ", not below " + labelCount);
      }
    }
    if (exampleWeights != null) {
      if (exampleWeights.length != rows) {
        throw new IllegalArgumentException(
            exampleWeights.length + " example weights for " + rows + " rows");
      }
      for (double w : exampleWeights) {
        if (!(w >= 0) || w == Double.POSITIVE_INFINITY) {
          throw new IllegalArgumentException("example weight " + w);
        }
      }
    }
    if (!(l2 >= 0) || l2 == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("l2 must be finite and >= 0, got " + l2);
    }
    if (firstPenalisedFeature < 0 || firstPenalisedFeature > features) {
      throw new IllegalArgumentException(
          "firstPenalisedFeature " + firstPenalisedFeature + " outside [0, " + features + "]");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.offsets = data.rowOffsets();
    this.ids = data.featureIds();
    this.values = data.values();
    this.labels = data.labels();
    this.labelCount = labelCount;
    this.exampleWeights = exampleWeights == null ? null : exampleWeights.clone();
    this.l2 = l2;
    this.firstPenalised = firstPenalisedFeature;
    this.threads = Math.max(1, Math.min(threads, rows));
    this.chunkStart = new int[this.threads + 1];
    for (int t = 0; t <= this.threads; t++) {
      chunkStart[t] = (int) ((long) rows * t / this.threads);
    }
    this.coefficients = new double[rows * labelCount];
    this.exampleLoss = new double[rows];
    this.pool = this.threads > 1 ? Executors.newFixedThreadPool(this.threads, daemon()) : null;
  }

  /**
   * Weights that make every label count the same in total: row {@code e} weighs {@code N / (L *
   * n_{y_e})}, where {@code n_k} is the number of rows labelled {@code k}. The standard remedy
   * when every label should count (macro averages); the weights sum to {@code N}.
   *
   * @param data the examples
   * @param labelCount the number of labels {@code L}; every label must be below it
   * @return one weight per row
   */
  static double[] balancedWeights(FeatureMatrix data, int labelCount) {
    int n = data.rows();
    int[] perLabel = new int[labelCount];
    for (int r = 0; r < n; r++) {
      perLabel[data.label(r)]++;
    }
    double[] w = new double[n];
    for (int r = 0; r < n; r++) {
      w[r] = (double) n / ((long) labelCount * perLabel[data.label(r)]);
    }
    return w;
  }

  @Override
  public int dimension() {
    return features * labelCount;
  }

  /** The number of labels {@code L}. */
  int labelCount() {
    return labelCount;
  }

  /** The number of features. */
  int featureCount() {
    return features;
  }

  @Override
  public double evaluate(double[] x, double[] gradientOut) {
    int dim = dimension();
    if (x.length != dim || gradientOut.length != dim) {
      throw new IllegalArgumentException(
          "vectors of length " + x.length + " and " + gradientOut.length + ", expected " + dim);
    }
    run(threads, t -> scores(chunkStart[t], chunkStart[t + 1], x));
    double loss = 0;
    for (int e = 0; e < rows; e++) {
      loss += exampleLoss[e];
    }
    int parts = Math.min(threads, labelCount);
    run(
        parts,
        t -> gradient(labelCount * t / parts, labelCount * (t + 1) / parts, gradientOut));
    double reg = 0;
    for (int i = firstPenalised * labelCount; i < dim; i++) {
      reg += x[i] * x[i];
      gradientOut[i] += 2 * l2 * x[i];
    }
    return loss + l2 * reg;
  }

  /**
   * The penalty term alone, {@code l2 * sum_{i >= P * L} x[i]^2}: the objective minus it is the
   * weighted negative log-likelihood.
   *
   * @param x the weights
   * @return the penalty
   */
  double penalty(double[] x) {
    double reg = 0;
    for (int i = firstPenalised * labelCount; i < x.length; i++) {
      reg += x[i] * x[i];
    }
    return l2 * reg;
  }

  /** Per-example loss and d(loss)/d(score) for examples [from, to). */
  private void scores(int from, int to, double[] x) {
    int n = labelCount;
    for (int e = from; e < to; e++) {
      int at = e * n;
      for (int k = 0; k < n; k++) {
        coefficients[at + k] = 0;
      }
      for (int i = offsets[e], end = offsets[e + 1]; i < end; i++) {
        int base = ids[i] * n;
        double v = values[i];
        for (int k = 0; k < n; k++) {
          coefficients[at + k] += v * x[base + k];
        }
      }
      int gold = labels[e];
      double w = exampleWeights == null ? 1 : exampleWeights[e];
      double goldScore = coefficients[at + gold];
      exampleLoss[e] = w * (softmax(coefficients, at, n) - goldScore);
      for (int k = 0; k < n; k++) {
        coefficients[at + k] *= w;
      }
      coefficients[at + gold] -= w;
    }
  }

  /** The gradient entries of labels [fromLabel, toLabel), summed over examples in order. */
  private void gradient(int fromLabel, int toLabel, double[] g) {
    int n = labelCount;
    for (int f = 0; f < features; f++) {
      int base = f * n;
      for (int k = fromLabel; k < toLabel; k++) {
        g[base + k] = 0;
      }
    }
    for (int e = 0; e < rows; e++) {
      int at = e * n;
      for (int i = offsets[e], end = offsets[e + 1]; i < end; i++) {
        int base = ids[i] * n;
        double v = values[i];
        for (int k = fromLabel; k < toLabel; k++) {
          g[base + k] += v * coefficients[at + k];
        }
      }
    }
  }

  /**
   * Replaces scores by their softmax probabilities (shifted by the maximum, so nothing
   * overflows).
   *
   * @param s the scores
   * @return the log of the sum of the exponentiated scores (the log partition function)
   */
  static double softmax(double[] s) {
    return softmax(s, 0, s.length);
  }

  private static double softmax(double[] s, int from, int n) {
    double max = Double.NEGATIVE_INFINITY;
    for (int k = from; k < from + n; k++) {
      max = Math.max(max, s[k]);
    }
    double sum = 0;
    for (int k = from; k < from + n; k++) {
      s[k] = Math.exp(s[k] - max);
      sum += s[k];
    }
    for (int k = from; k < from + n; k++) {
      s[k] /= sum;
    }
    return max + Math.log(sum);
  }

  /** Runs {@code task} for parts 0..parts-1, on the pool when there is one, and waits. */
  private void run(int parts, IntConsumer task) {
    if (pool == null || parts == 1) {
      for (int t = 0; t < parts; t++) {
        task.accept(t);
      }
      return;
    }
    List<Future<?>> futures = new ArrayList<>(parts);
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
    } catch (ExecutionException e) {
      throw new IllegalStateException("training failed", e.getCause());
    }
  }

  /** Stops the worker threads (if any). */
  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "newsdesk-softmax");
      t.setDaemon(true);
      return t;
    };
  }
}
