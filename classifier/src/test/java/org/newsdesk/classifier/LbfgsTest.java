package org.newsdesk.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The minimiser on functions with known minima, and its stop rule, cap and listener. */
class LbfgsTest {

  /**
   * f(x) = 1/2 (x - m)'A(x - m) with A = Q diag(eigenvalues) Q': minimum 0 at m (a minimum value
   * of 0 keeps f's rounding from hiding the last digits of progress).
   */
  private static final class Quadratic implements Objective {
    final double[][] a;
    final double[] minimum;
    int evaluations;

    Quadratic(int n, double conditionNumber, long seed) {
      Random r = new Random(seed);
      // random orthogonal Q from Gram-Schmidt on random vectors
      double[][] q = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          q[i][j] = r.nextGaussian();
        }
        for (int k = 0; k < i; k++) {
          double p = dot(q[i], q[k]);
          for (int j = 0; j < n; j++) {
            q[i][j] -= p * q[k][j];
          }
        }
        double norm = Math.sqrt(dot(q[i], q[i]));
        for (int j = 0; j < n; j++) {
          q[i][j] /= norm;
        }
      }
      a = new double[n][n];
      for (int k = 0; k < n; k++) {
        double lambda = Math.pow(conditionNumber, (double) k / (n - 1));
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            a[i][j] += lambda * q[k][i] * q[k][j];
          }
        }
      }
      minimum = new double[n];
      for (int i = 0; i < n; i++) {
        minimum[i] = r.nextGaussian() * 3;
      }
    }

    @Override
    public int dimension() {
      return minimum.length;
    }

    @Override
    public double evaluate(double[] x, double[] g) {
      evaluations++;
      int n = minimum.length;
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        d[i] = x[i] - minimum[i];
      }
      double f = 0;
      for (int i = 0; i < n; i++) {
        g[i] = dot(a[i], d);
        f += 0.5 * d[i] * g[i];
      }
      return f;
    }
  }

  /** Rosenbrock's banana, minimum 0 at (1, 1). */
  private static final Objective ROSENBROCK =
      objective(2, (x, g) -> {
        double u = 1 - x[0];
        double v = x[1] - x[0] * x[0];
        g[0] = -2 * u - 400 * x[0] * v;
        g[1] = 200 * v;
        return u * u + 100 * v * v;
      });

  private static final double[] ROSENBROCK_START = {-1.2, 1};

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double distance(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(s);
  }

  /** No decrease rule; stop when the gradient is 1e-10 of the point's norm. */
  private static Lbfgs tight(int maxIterations) {
    return new Lbfgs(Lbfgs.DEFAULT_MEMORY, maxIterations, 0, 1e-10);
  }

  @Test
  void findsTheMinimumOfAnIllConditionedQuadratic() {
    Quadratic q = new Quadratic(30, 1e3, 7);
    double[] start = new double[30];
    Lbfgs.Result r = tight(5000).minimize(q, start, Lbfgs.Listener.NONE);
    assertThat(r.stop()).isEqualTo(Lbfgs.Stop.GRADIENT);
    assertThat(distance(r.x(), q.minimum)).isLessThan(1e-9 * Math.sqrt(dot(q.minimum, q.minimum)));
    double[] g = new double[30];
    assertThat(r.value()).isEqualTo(q.evaluate(r.x(), g));
    assertThat(r.evaluations()).isEqualTo(q.evaluations - 1);
    // steepest descent with exact steps would need about cond/2 * ln(1e20) = 23,000 iterations
    // for this accuracy; 6 correction pairs in 30 dimensions take a few hundred
    assertThat(r.iterations()).isLessThan(1000);
    assertThat(start).containsOnly(0.0);
  }

  @Test
  void solvesAWellConditionedQuadraticInOneStepPerIterationMostly() {
    Quadratic q = new Quadratic(10, 10, 3);
    Lbfgs.Result r = tight(1000).minimize(q, new double[10], Lbfgs.Listener.NONE);
    assertThat(r.stop()).isEqualTo(Lbfgs.Stop.GRADIENT);
    assertThat(distance(r.x(), q.minimum)).isLessThan(1e-9);
    // the scaled initial matrix makes the unit step acceptable: about one evaluation per step
    assertThat(r.evaluations()).isLessThanOrEqualTo(r.iterations() + 5);
  }

  @Test
  void findsRosenbrocksMinimumFromTheStandardStart() {
    Lbfgs.Result r = tight(1000).minimize(ROSENBROCK, ROSENBROCK_START, Lbfgs.Listener.NONE);
    assertThat(r.x()[0]).isCloseTo(1, within(1e-8));
    assertThat(r.x()[1]).isCloseTo(1, within(1e-8));
    assertThat(r.value()).isLessThan(1e-16);
    assertThat(r.stop()).isIn(Lbfgs.Stop.GRADIENT, Lbfgs.Stop.LINE_SEARCH_FAILED);
    assertThat(r.iterations()).isBetween(20, 200);
    assertThat(ROSENBROCK_START).containsExactly(-1.2, 1);
  }

  @Test
  void stopsWhenAStepGainsLessThanTheRelativeDecrease() {
    List<Double> values = new ArrayList<>();
    Lbfgs lbfgs = new Lbfgs(Lbfgs.DEFAULT_MEMORY, 1000, 1e-3, 0);
    Lbfgs.Result r =
        lbfgs.minimize(ROSENBROCK, ROSENBROCK_START, (it, f, x, g) -> values.add(f));
    assertThat(r.stop()).isEqualTo(Lbfgs.Stop.DECREASE);
    assertThat(values).hasSize(r.iterations());
    double previous = ROSENBROCK.evaluate(ROSENBROCK_START.clone(), new double[2]);
    for (int i = 0; i < values.size(); i++) {
      double f = values.get(i);
      double gain = (previous - f) / Math.max(1, Math.abs(f));
      if (i < values.size() - 1) {
        assertThat(gain).as("step %d", i + 1).isGreaterThanOrEqualTo(1e-3);
      } else {
        assertThat(gain).as("last step").isLessThan(1e-3);
      }
      previous = f;
    }
    // stopped early: not yet at the minimum that the tight run reaches
    assertThat(r.value()).isGreaterThan(1e-12);
  }

  @Test
  void stopsAtTheIterationCapAndReportsEveryStep() {
    List<String> calls = new ArrayList<>();
    double[] lastX = new double[2];
    Lbfgs.Result r =
        tight(5)
            .minimize(
                ROSENBROCK,
                ROSENBROCK_START,
                (it, f, x, g) -> {
                  calls.add(it + ":" + f);
                  double[] check = new double[2];
                  assertThat(ROSENBROCK.evaluate(x, check)).isEqualTo(f);
                  assertThat(g).containsExactly(check);
                  System.arraycopy(x, 0, lastX, 0, 2);
                });
    assertThat(r.stop()).isEqualTo(Lbfgs.Stop.MAX_ITERATIONS);
    assertThat(r.iterations()).isEqualTo(5);
    assertThat(calls).hasSize(5);
    for (int i = 0; i < 5; i++) {
      assertThat(calls.get(i)).startsWith((i + 1) + ":");
    }
    // every accepted step decreases the function (Armijo)
    double previous = Double.POSITIVE_INFINITY;
    for (String c : calls) {
      double f = Double.parseDouble(c.substring(c.indexOf(':') + 1));
      assertThat(f).isLessThan(previous);
      previous = f;
    }
    assertThat(r.x()).containsExactly(lastX);
  }

  @Test
  void zeroIterationsReturnsTheStart() {
    Lbfgs.Result r = tight(0).minimize(ROSENBROCK, ROSENBROCK_START, (it, f, x, g) -> {
      throw new AssertionError("no step expected");
    });
    assertThat(r.stop()).isEqualTo(Lbfgs.Stop.MAX_ITERATIONS);
    assertThat(r.iterations()).isZero();
    assertThat(r.evaluations()).isEqualTo(1);
    assertThat(r.x()).containsExactly(ROSENBROCK_START);
    assertThat(r.value()).isCloseTo(24.2, within(1e-12));
  }

  @Test
  void startingAtTheMinimumTakesNoStep() {
    Lbfgs.Result r =
        Lbfgs.withDefaults(100).minimize(ROSENBROCK, new double[] {1, 1}, (it, f, x, g) -> {
          throw new AssertionError("no step expected");
        });
    assertThat(r.stop()).isEqualTo(Lbfgs.Stop.GRADIENT);
    assertThat(r.iterations()).isZero();
    assertThat(r.x()).containsExactly(1, 1);
  }

  @Test
  void givesUpAfterTheMaximumNumberOfTrialStepsAndKeepsTheLastGoodPoint() {
    // finite only at the start: every trial step is rejected
    int[] evaluations = {0};
    Objective cliff =
        objective(1, (x, g) -> {
          evaluations[0]++;
          g[0] = 1;
          return x[0] == 0 ? 0 : Double.NaN;
        });
    Lbfgs.Result r = Lbfgs.withDefaults(100).minimize(cliff, new double[1], Lbfgs.Listener.NONE);
    assertThat(r.stop()).isEqualTo(Lbfgs.Stop.LINE_SEARCH_FAILED);
    assertThat(r.iterations()).isZero();
    assertThat(r.x()).containsExactly(0.0);
    assertThat(r.evaluations()).isEqualTo(1 + Lbfgs.MAX_LINE_SEARCH_STEPS).isEqualTo(evaluations[0]);
  }

  @Test
  void backtracksOutOfAnUndefinedRegion() {
    // -log(x) - log(1 - x): minimum at 1/2, undefined (NaN) outside (0, 1); from 0.99 the first
    // trial step (unit length, against the gradient) lands at -0.01
    Objective f =
        objective(1, (x, g) -> {
          g[0] = -1 / x[0] + 1 / (1 - x[0]);
          return -Math.log(x[0]) - Math.log(1 - x[0]);
        });
    List<Double> points = new ArrayList<>();
    Lbfgs.Result r = tight(200).minimize(f, new double[] {0.99}, (it, v, x, g) -> points.add(x[0]));
    // f'' = 8 at the minimum, so f's rounding (1e-16) hides x's error below about 1e-8
    assertThat(r.x()[0]).isCloseTo(0.5, within(1e-7));
    assertThat(points.get(0)).isBetween(0.0, 1.0);
    assertThat(r.evaluations()).isGreaterThan(r.iterations() + 1);
  }

  @Test
  void isDeterministic() {
    Quadratic q = new Quadratic(20, 1e4, 11);
    Lbfgs lbfgs = new Lbfgs(3, 40, 0, 0);
    double[] a = lbfgs.minimize(q, new double[20], Lbfgs.Listener.NONE).x();
    double[] b = lbfgs.minimize(q, new double[20], Lbfgs.Listener.NONE).x();
    assertThat(Arrays.equals(a, b)).isTrue();
  }

  @Test
  void rejectsBadSettingsAndStarts() {
    assertThatThrownBy(() -> new Lbfgs(0, 10, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Lbfgs(1, -1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Lbfgs(1, 1, Double.NaN, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Lbfgs(1, 1, 0, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> Lbfgs.withDefaults(5).minimize(ROSENBROCK, new double[3], Lbfgs.Listener.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3");
    Objective nan =
        objective(1, (x, g) -> {
          g[0] = 0;
          return Double.NaN;
        });
    assertThatThrownBy(() -> Lbfgs.withDefaults(5).minimize(nan, new double[1], Lbfgs.Listener.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not finite");
  }

  /** What an objective computes: its value at {@code x}, its gradient written into {@code g}. */
  @FunctionalInterface
  private interface ValueAndGradient {
    double evaluate(double[] x, double[] g);
  }

  /** An objective of {@code dimension} variables computed by {@code f}. */
  private static Objective objective(int dimension, ValueAndGradient f) {
    return new Objective() {
      @Override
      public int dimension() {
        return dimension;
      }

      @Override
      public double evaluate(double[] x, double[] g) {
        return f.evaluate(x, g);
      }
    };
  }
}
