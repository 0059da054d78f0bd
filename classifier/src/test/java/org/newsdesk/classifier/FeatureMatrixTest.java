package org.newsdesk.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FeatureMatrixTest {

  @Test
  void keepsRowsInOrderAsFlatArrays() {
    FeatureMatrix m =
        FeatureMatrix.builder(5)
            .addRow(new int[] {0, 3, 1}, new float[] {1f, 0.5f, 0.25f}, 2)
            .addRow(new int[] {}, new float[] {}, 0)
            .addRow(new int[] {4}, new float[] {-2f}, 1)
            .build();
    assertThat(m.rows()).isEqualTo(3);
    assertThat(m.columns()).isEqualTo(5);
    assertThat(m.nonZeros()).isEqualTo(4);
    assertThat(m.rowOffsets()).containsExactly(0, 3, 3, 4);
    assertThat(m.featureIds()).containsExactly(0, 3, 1, 4);
    assertThat(m.values()).containsExactly(1f, 0.5f, 0.25f, -2f);
    assertThat(m.labels()).containsExactly(2, 0, 1);
    assertThat(m.label(2)).isEqualTo(1);
    assertThat(m.rowIds(0)).containsExactly(0, 3, 1);
    assertThat(m.rowValues(0)).containsExactly(1f, 0.5f, 0.25f);
    assertThat(m.rowIds(1)).isEmpty();
    assertThat(m.columnCounts()).containsExactly(1, 1, 0, 1, 1);
    assertThat(m).hasToString("FeatureMatrix[3 x 5, 4 non-zeros]");
  }

  @Test
  void anEmptyMatrixHasOneOffset() {
    FeatureMatrix m = FeatureMatrix.builder(3).build();
    assertThat(m.rows()).isZero();
    assertThat(m.nonZeros()).isZero();
    assertThat(m.rowOffsets()).containsExactly(0);
    assertThat(m.columnCounts()).containsExactly(0, 0, 0);
  }

  @Test
  void growsPastItsInitialCapacityAndTrimsToTheExactSize() {
    Random r = new Random(5);
    int rows = 5000;
    int[][] ids = new int[rows][];
    float[][] values = new float[rows][];
    FeatureMatrix.Builder b = FeatureMatrix.builder(100);
    long total = 0;
    for (int i = 0; i < rows; i++) {
      int n = r.nextInt(7);
      ids[i] = new int[n];
      values[i] = new float[n];
      for (int j = 0; j < n; j++) {
        ids[i][j] = r.nextInt(100);
        values[i][j] = r.nextFloat();
      }
      total += n;
      b.addRow(ids[i], values[i], i % 3);
      assertThat(b.rows()).isEqualTo(i + 1);
    }
    FeatureMatrix m = b.build();
    assertThat(m.nonZeros()).isEqualTo(total);
    for (int i = 0; i < rows; i++) {
      assertThat(m.rowIds(i)).containsExactly(ids[i]);
      assertThat(m.rowValues(i)).containsExactly(values[i]);
      assertThat(m.label(i)).isEqualTo(i % 3);
    }
    // no per-row objects and no slack: 8 bytes per entry, 8 per row, one more offset
    assertThat(m.featureIds()).hasSize((int) total);
    assertThat(m.labels()).hasSize(rows);
    assertThat(m.memoryBytes()).isEqualTo(8 * total + 8L * rows + 4);
  }

  @Test
  void copiesTheRowsItIsGiven() {
    int[] ids = {1, 2};
    float[] values = {1f, 2f};
    FeatureMatrix.Builder b = FeatureMatrix.builder(3).addRow(ids, values, 0);
    ids[0] = 0;
    values[0] = 9f;
    FeatureMatrix m = b.build();
    assertThat(m.rowIds(0)).containsExactly(1, 2);
    assertThat(m.rowValues(0)).containsExactly(1f, 2f);
  }

  @Test
  void rejectsBadRowsAndReuse() {
    FeatureMatrix.Builder b = FeatureMatrix.builder(3);
    assertThatThrownBy(() -> b.addRow(new int[] {3}, new float[] {1f}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("feature id 3");
    assertThatThrownBy(() -> b.addRow(new int[] {-1}, new float[] {1f}, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.addRow(new int[] {1}, new float[] {1f, 2f}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 ids but 2 values");
    assertThatThrownBy(() -> b.addRow(new int[] {1}, new float[] {1f}, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(b.rows()).isZero();
    b.build();
    assertThatThrownBy(() -> b.addRow(new int[] {1}, new float[] {1f}, 0))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> FeatureMatrix.builder(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
