package org.newsdesk.classifier;

import java.util.Arrays;

/**
 * An immutable-after-build open-addressing map from non-zero {@code long} keys to {@code int}
 * values: the n-gram lookup of {@link FeatureExtractor} without boxing or string building.
 */
final class LongIntMap {

  private final long[] keys;
  private final int[] values;
  private final int mask;

  LongIntMap(int expected) {
    int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
    keys = new long[capacity];
    values = new int[capacity];
    mask = capacity - 1;
  }

  void put(long key, int value) {
    if (key == 0) {
      throw new IllegalArgumentException("key 0 is reserved");
    }
    int i = slot(key);
    while (keys[i] != 0 && keys[i] != key) {
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
  }

  /** The value of the key, or -1 if absent. */
  int get(long key) {
    int i = slot(key);
    while (true) {
      long k = keys[i];
      if (k == key) {
        return values[i];
      }
      if (k == 0) {
        return -1;
      }
      i = (i + 1) & mask;
    }
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  @Override
  public String toString() {
    return "LongIntMap[" + Arrays.stream(keys).filter(k -> k != 0).count() + " keys]";
  }
}
