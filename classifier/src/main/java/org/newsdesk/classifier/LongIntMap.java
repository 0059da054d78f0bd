package org.newsdesk.classifier;

/**
 * An immutable-after-build open-addressing map from non-zero {@code long} keys to {@code int}
 * values: the n-gram lookup of {@link FeatureExtractor} without boxing or string building. Each
 * key sits next to its value in one array, so a lookup that finds its key reads one cache line.
 */
final class LongIntMap {

  /** key, value, key, value, ... */
  private final long[] table;
  private final int mask;
  private int size;

  LongIntMap(int expected) {
    int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
    table = new long[2 * capacity];
    mask = capacity - 1;
  }

  void put(long key, int value) {
    if (key == 0) {
      throw new IllegalArgumentException("key 0 is reserved");
    }
    int i = slot(key);
    while (table[2 * i] != 0 && table[2 * i] != key) {
      i = (i + 1) & mask;
    }
    if (table[2 * i] == 0) {
      size++;
    }
    table[2 * i] = key;
    table[2 * i + 1] = value;
  }

  /** The value of the key, or -1 if absent. */
  int get(long key) {
    int i = slot(key);
    while (true) {
      long k = table[2 * i];
      if (k == key) {
        return (int) table[2 * i + 1];
      }
      if (k == 0) {
        return -1;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * Looks up {@code keys[0, n)} at once, writing each value (or -1) to {@code values}: the first
   * probe of every key is loaded before any is checked, so that the table's cache misses overlap.
   */
  void getAll(long[] keys, int n, int[] values) {
    long[] t = table;
    for (int j = 0; j < n; j++) {
      values[j] = (int) t[2 * slot(keys[j])];  // only to load the slot's line; checked below
    }
    for (int j = 0; j < n; j++) {
      long key = keys[j];
      int i = slot(key);
      long k = t[2 * i];
      values[j] = k == key ? (int) t[2 * i + 1] : k == 0 ? -1 : get(key);
    }
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  @Override
  public String toString() {
    return "LongIntMap[" + size + " keys]";
  }
}
