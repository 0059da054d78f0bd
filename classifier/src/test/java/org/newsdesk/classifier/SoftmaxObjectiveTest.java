package org.newsdesk.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SoftmaxObjectiveTest {

  /**
   * Random sparse rows: feature 0 is a bias with value 1 in every row, then a few distinct other
   * features with values in (-1, 2).
   */
  static FeatureMatrix randomData(int rows, int features, int labels, long seed) {
    Random r = new Random(seed);
    FeatureMatrix.Builder b = FeatureMatrix.builder(features);
    for (int e = 0; e < rows; e++) {
      int n = 1 + r.nextInt(Math.min(6, features - 1));
      int[] ids = new int[n];
      float[] values = new float[n];
      ids[0] = 0;
      values[0] = 1f;
      for (int j = 1; j < n; j++) {
        int id;
        do {
          id = 1 + r.nextInt(features - 1);
        } while (contains(ids, j, id));
        ids[j] = id;
        values[j] = (float) (3 * r.nextDouble() - 1);
      }
      b.addRow(ids, values, r.nextInt(labels));
    }
    return b.build();
  }

  private static boolean contains(int[] a, int n, int v) {
    for (int i = 0; i < n; i++) {
      if (a[i] == v) {
        return true;
      }
    }
    return false;
  }

  static double[] randomPoint(int dim, double scale, long seed) {
    Random r = new Random(seed);
    double[] x = new double[dim];
    for (int i = 0; i < dim; i++) {
      x[i] = scale * r.nextGaussian();
    }
    return x;
  }

  private static double[] randomWeights(int n, long seed) {
    Random r = new Random(seed);
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = 0.1 + 3 * r.nextDouble();
    }
    return w;
  }

  /** The definition, computed the plain way: no shifting, no shared buffers, no threads. */
  private static double direct(
      FeatureMatrix m, int labels, double[] weights, double l2, int firstPenalised, double[] x) {
    double total = 0;
    for (int e = 0; e < m.rows(); e++) {
      int[] ids = m.rowIds(e);
      float[] values = m.rowValues(e);
      double[] s = new double[labels];
      for (int k = 0; k < labels; k++) {
        for (int j = 0; j < ids.length; j++) {
          s[k] += values[j] * x[ids[j] * labels + k];
        }
      }
      double z = 0;
      for (double v : s) {
        z += Math.exp(v);
      }
      double c = weights == null ? 1 : weights[e];
      total += c * -Math.log(Math.exp(s[m.label(e)]) / z);
    }
    double reg = 0;
    for (int i = firstPenalised * labels; i < x.length; i++) {
      reg += x[i] * x[i];
    }
    return total + l2 * reg;
  }

  private static void checkGradient(double[] weights, double l2, int firstPenalised) {
    int labels = 4;
    FeatureMatrix m = randomData(40, 12, labels, 1);
    try (SoftmaxObjective f = new SoftmaxObjective(m, labels, weights, l2, firstPenalised, 1)) {
      double[] x = randomPoint(f.dimension(), 0.7, 2);
      double[] g = new double[f.dimension()];
      double value = f.evaluate(x, g);
      assertThat(value)
          .isCloseTo(direct(m, labels, weights, l2, firstPenalised, x), within(1e-11 * value));
      double h = 1e-5;
      double[] scratch = new double[f.dimension()];
      for (int i = 0; i < x.length; i++) {
        double keep = x[i];
        x[i] = keep + h;
        double up = f.evaluate(x, scratch);
        x[i] = keep - h;
        double down = f.evaluate(x, scratch);
        x[i] = keep;
        double numeric = (up - down) / (2 * h);
        assertThat(g[i]).as("d/dx[%d]", i).isCloseTo(numeric, within(1e-7 * Math.max(1, value)));
      }
    }
  }

  @Test
  void gradientMatchesFiniteDifferencesWithoutWeightsOrPenalty() {
    checkGradient(null, 0, 0);
  }

  @Test
  void gradientMatchesFiniteDifferencesWithWeightsAndPenaltyButFreeBias() {
    checkGradient(randomWeights(40, 3), 0.3, 1);
  }

  @Test
  void gradientMatchesFiniteDifferencesWithBalancedWeightsAndEverythingPenalised() {
    checkGradient(SoftmaxObjective.balancedWeights(randomData(40, 12, 4, 1), 4), 0.1, 0);
  }

  @Test
  void atZeroEachExampleCostsItsWeightTimesLogL() {
    int labels = 5;
    FeatureMatrix m = randomData(30, 8, labels, 4);
    double[] w = randomWeights(30, 5);
    try (SoftmaxObjective f = new SoftmaxObjective(m, labels, w, 7, 1, 1)) {
      double[] g = new double[f.dimension()];
      double value = f.evaluate(new double[f.dimension()], g);
      assertThat(value).isCloseTo(Arrays.stream(w).sum() * Math.log(labels), within(1e-12));
    }
  }

  @Test
  void anExampleOfWeightTwoCountsAsTwoCopies() {
    FeatureMatrix m = randomData(20, 10, 3, 6);
    FeatureMatrix.Builder doubled = FeatureMatrix.builder(10);
    double[] w = new double[20];
    for (int e = 0; e < 20; e++) {
      w[e] = e == 7 ? 2 : 1;
      doubled.addRow(m.rowIds(e), m.rowValues(e), m.label(e));
    }
    doubled.addRow(m.rowIds(7), m.rowValues(7), m.label(7));
    double[] x = randomPoint(30, 1, 8);
    try (SoftmaxObjective weighted = new SoftmaxObjective(m, 3, w, 0.2, 1, 1);
        SoftmaxObjective copied = new SoftmaxObjective(doubled.build(), 3, null, 0.2, 1, 1)) {
      double[] g1 = new double[30];
      double[] g2 = new double[30];
      assertThat(weighted.evaluate(x, g1)).isCloseTo(copied.evaluate(x, g2), within(1e-12));
      for (int i = 0; i < 30; i++) {
        assertThat(g1[i]).isCloseTo(g2[i], within(1e-12));
      }
    }
  }

  @Test
  void theSameBitsForEveryThreadCount() {
    int labels = 7;
    FeatureMatrix m = randomData(1501, 60, labels, 9);
    double[] w = SoftmaxObjective.balancedWeights(m, labels);
    double[] x = randomPoint(60 * labels, 0.5, 10);
    double[] reference = new double[x.length];
    double value;
    try (SoftmaxObjective one = new SoftmaxObjective(m, labels, w, 0.1, 1, 1)) {
      value = one.evaluate(x, reference);
    }
    for (int threads : new int[] {2, 3, 4, 8}) {
      try (SoftmaxObjective many = new SoftmaxObjective(m, labels, w, 0.1, 1, threads)) {
        double[] g = new double[x.length];
        // twice: the second call reuses the buffers of the first
        many.evaluate(randomPoint(x.length, 1, threads), g);
        assertThat(Double.doubleToRawLongBits(many.evaluate(x, g)))
            .as("%d threads", threads)
            .isEqualTo(Double.doubleToRawLongBits(value));
        assertThat(Arrays.equals(g, reference)).as("%d threads", threads).isTrue();
      }
    }
  }

  @Test
  void penaltyIsTheRegularisedPartAndLeavesTheBiasFree() {
    int labels = 3;
    FeatureMatrix m = randomData(25, 9, labels, 11);
    double[] x = randomPoint(27, 1, 12);
    try (SoftmaxObjective penalised = new SoftmaxObjective(m, labels, null, 0.5, 1, 1);
        SoftmaxObjective plain = new SoftmaxObjective(m, labels, null, 0, 1, 1)) {
      double[] g = new double[27];
      assertThat(penalised.evaluate(x, g) - penalised.penalty(x))
          .isCloseTo(plain.evaluate(x, g), within(1e-12));
      double before = penalised.penalty(x);
      for (int k = 0; k < labels; k++) {
        x[k] += 10; // feature 0's weights
      }
      assertThat(penalised.penalty(x)).isEqualTo(before);
    }
  }

  @Test
  void balancedWeightsGiveEveryLabelTheSameTotal() {
    FeatureMatrix m =
        FeatureMatrix.builder(1)
            .addRow(new int[] {0}, new float[] {1f}, 0)
            .addRow(new int[] {0}, new float[] {1f}, 0)
            .addRow(new int[] {0}, new float[] {1f}, 1)
            .addRow(new int[] {0}, new float[] {1f}, 0)
            .build();
    double[] w = SoftmaxObjective.balancedWeights(m, 2);
    assertThat(w).containsExactly(4.0 / 6, 4.0 / 6, 2.0, 4.0 / 6);
    assertThat(Arrays.stream(w).sum()).isCloseTo(4, within(1e-12));
  }

  @Test
  void softmaxDoesNotOverflow() {
    double[] s = {1000, 1000, -1000};
    assertThat(SoftmaxObjective.softmax(s)).isCloseTo(1000 + Math.log(2), within(1e-12));
    assertThat(s).containsExactly(0.5, 0.5, 0.0);
  }

  @Test
  void rejectsInconsistentArguments() {
    FeatureMatrix m = randomData(10, 5, 3, 13);
    assertThatThrownBy(() -> new SoftmaxObjective(m, 2, null, 0, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not below 2");
    assertThatThrownBy(() -> new SoftmaxObjective(m, 3, new double[9], 0, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    double[] nan = new double[10];
    nan[3] = Double.NaN;
    assertThatThrownBy(() -> new SoftmaxObjective(m, 3, nan, 0, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SoftmaxObjective(m, 3, null, -1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SoftmaxObjective(m, 3, null, 0, 6, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SoftmaxObjective(m, 3, null, 0, 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    FeatureMatrix wide = FeatureMatrix.builder(Integer.MAX_VALUE / 2).build();
    assertThatThrownBy(() -> new SoftmaxObjective(wide, 3, null, 0, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too many parameters");
    try (SoftmaxObjective f = new SoftmaxObjective(m, 3, null, 0, 1, 1)) {
      assertThatThrownBy(() -> f.evaluate(new double[14], new double[15]))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
