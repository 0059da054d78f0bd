package org.newsdesk.classifier;

import java.util.Arrays;

/**
 * Training data as a compressed sparse row (CSR) matrix: one row per example, holding the ids
 * and values of its non-zero features, plus the example's label. Four flat arrays and no object
 * per example, so memory is about 8 bytes per non-zero plus 8 per row: this is what lets a
 * large training set fit in a small heap.
 *
 * <p>Row {@code r}'s entries are {@code [rowOffsets()[r], rowOffsets()[r + 1])} of {@link
 * #featureIds()} and {@link #values()}, in the order they were added (the order matters to
 * floating-point sums, so it is kept exactly). Immutable once built; the array accessors return
 * the backing arrays, which callers must only read.
 */
final class FeatureMatrix {

  /** Largest number of non-zeros (and rows): the largest safe Java array length. */
  static final int MAX_ENTRIES = Integer.MAX_VALUE - 8;

  private final int columns;
  private final int rows;
  private final int[] offsets;
  private final int[] ids;
  private final float[] values;
  private final int[] labels;

  private FeatureMatrix(
      int columns, int rows, int[] offsets, int[] ids, float[] values, int[] labels) {
    this.columns = columns;
    this.rows = rows;
    this.offsets = offsets;
    this.ids = ids;
    this.values = values;
    this.labels = labels;
  }

  /**
   * Starts a matrix whose feature ids are in {@code [0, columns)}.
   *
   * @param columns the number of features
   * @return an empty builder
   */
  static Builder builder(int columns) {
    return new Builder(columns);
  }

  /** The number of examples. */
  int rows() {
    return rows;
  }

  /** The number of features: every id is below this. */
  int columns() {
    return columns;
  }

  /** The number of stored entries. */
  int nonZeros() {
    return offsets[rows];
  }

  /** Where each row starts in {@link #featureIds()}, with {@code rows() + 1} entries (shared). */
  int[] rowOffsets() {
    return offsets;
  }

  /** The feature id of every entry, row after row, {@link #nonZeros()} of them (shared). */
  int[] featureIds() {
    return ids;
  }

  /** The value of every entry, parallel to {@link #featureIds()} (shared). */
  float[] values() {
    return values;
  }

  /** The label index of every row, {@link #rows()} of them (shared). */
  int[] labels() {
    return labels;
  }

  /** Row {@code r}'s label index. */
  int label(int r) {
    return labels[r];
  }

  /** A copy of row {@code r}'s feature ids. */
  int[] rowIds(int r) {
    return Arrays.copyOfRange(ids, offsets[r], offsets[r + 1]);
  }

  /** A copy of row {@code r}'s values. */
  float[] rowValues(int r) {
    return Arrays.copyOfRange(values, offsets[r], offsets[r + 1]);
  }

  /** In how many rows each feature occurs (the number of its entries). */
  int[] columnCounts() {
    int[] counts = new int[columns];
    int n = nonZeros();
    for (int i = 0; i < n; i++) {
      counts[ids[i]]++;
    }
    return counts;
  }

  /** The bytes held by the arrays. */
  long memoryBytes() {
    return 4L * offsets.length + 4L * ids.length + 4L * values.length + 4L * labels.length;
  }

  @Override
  public String toString() {
    return "FeatureMatrix[" + rows + " x " + columns + ", " + nonZeros() + " non-zeros]";
  }

  /**
   * Builds a matrix row by row. Arrays grow by half when full, and {@link #build} trims them, so
   * the peak while building is at most 2.5 times the final size.
   */
  static final class Builder {
    private static final int INITIAL = 1024;

    private final int columns;
    private int rows;
    private int size;
    private int[] offsets = new int[INITIAL + 1];
    private int[] ids = new int[INITIAL];
    private float[] values = new float[INITIAL];
    private int[] labels = new int[INITIAL];
    private boolean built;

    private Builder(int columns) {
      if (columns < 0) {
        throw new IllegalArgumentException("columns must be >= 0, got " + columns);
      }
      this.columns = columns;
    }

    /**
     * Appends a row.
     *
     * @param rowIds the feature ids, each in {@code [0, columns)}; repeats are allowed and add up
     * @param rowValues their values, as many as ids
     * @param label the row's label index, {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException if the lengths differ, an id or the label is out of range
     * @throws IllegalStateException if the matrix would exceed {@link #MAX_ENTRIES} entries
     */
    Builder addRow(int[] rowIds, float[] rowValues, int label) {
      if (built) {
        throw new IllegalStateException("already built");
      }
      int n = rowIds.length;
      if (rowValues.length != n) {
        throw new IllegalArgumentException(n + " ids but " + rowValues.length + " values");
      }
      if (label < 0) {
        throw new IllegalArgumentException("negative label " + label);
      }
      for (int id : rowIds) {
        if (id < 0 || id >= columns) {
          throw new IllegalArgumentException("feature id " + id + " outside [0, " + columns + ")");
        }
      }
      if (rows >= MAX_ENTRIES - 1 || n > MAX_ENTRIES - size) {
        throw new IllegalStateException(
            "the training data has more than "
                + MAX_ENTRIES
                + " feature entries or rows; lower maxFeatures or train on fewer examples");
      }
      if (size + n > ids.length) {
        int capacity = grow(ids.length, size + n);
        ids = Arrays.copyOf(ids, capacity);
        values = Arrays.copyOf(values, capacity);
      }
      if (rows + 1 > labels.length) {
        int capacity = grow(labels.length, rows + 1);
        labels = Arrays.copyOf(labels, capacity);
        offsets = Arrays.copyOf(offsets, capacity + 1);
      }
      System.arraycopy(rowIds, 0, ids, size, n);
      System.arraycopy(rowValues, 0, values, size, n);
      labels[rows] = label;
      size += n;
      rows++;
      offsets[rows] = size;
      return this;
    }

    /** The number of rows added so far. */
    int rows() {
      return rows;
    }

    /**
     * Finishes the matrix; the builder cannot be used afterwards.
     *
     * @return the matrix, its arrays trimmed to size
     */
    FeatureMatrix build() {
      if (built) {
        throw new IllegalStateException("already built");
      }
      built = true;
      // trim one array at a time and drop the old one, so the peak stays low
      int[] finalIds = trim(ids, size);
      ids = null;
      float[] finalValues = trim(values, size);
      values = null;
      FeatureMatrix m =
          new FeatureMatrix(
              columns,
              rows,
              Arrays.copyOf(offsets, rows + 1),
              finalIds,
              finalValues,
              Arrays.copyOf(labels, rows));
      offsets = null;
      labels = null;
      return m;
    }

    private static int[] trim(int[] a, int n) {
      return a.length == n ? a : Arrays.copyOf(a, n);
    }

    private static float[] trim(float[] a, int n) {
      return a.length == n ? a : Arrays.copyOf(a, n);
    }

    /** A capacity of at least {@code needed}: 1.5 times the current one, within array limits. */
    private static int grow(int current, int needed) {
      long c = Math.max(needed, current + (current >> 1));
      return (int) Math.min(c, MAX_ENTRIES);
    }
  }
}
