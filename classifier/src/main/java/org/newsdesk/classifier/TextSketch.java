package org.newsdesk.classifier;

import java.util.Arrays;

/**
 * A Bloom filter of the training texts, saved with a model so that evaluation can tell when its
 * examples were (probably) training examples. A text is its title and body with runs of
 * whitespace collapsed and the ends stripped; the label does not count (a relabelled training
 * text still leaks). It never misses a training text; a text that was not trained on is reported
 * as one with the {@link #falsePositiveRate() false-positive rate} {@code (1 - e^(-kn/m))^k} for
 * {@code n} texts, {@code m} bits and {@code k} hashes.
 *
 * <p>Size: 16 bits per training text (then {@code k = 11} and the rate is about 0.05 %), at least
 * 64 bits and at most {@value #MAX_BITS} bits (1 MiB); beyond 524,288 training texts the rate
 * grows (1 million texts: about 1.8 %; 2 million: about 13 %). Immutable once built.
 */
final class TextSketch {

  static final int BITS_PER_TEXT = 16;
  static final int MAX_BITS = 1 << 23;
  static final int MAX_HASHES = 16;

  private final long[] bits;
  private final int hashes;
  private final long texts;

  TextSketch(long[] bits, int hashes, long texts) {
    if (bits.length == 0 || (long) bits.length * 64 > MAX_BITS) {
      throw new IllegalArgumentException("sketch size " + bits.length * 64L + " bits out of range");
    }
    if (hashes < 1 || hashes > MAX_HASHES || texts < 0) {
      throw new IllegalArgumentException("sketch with " + hashes + " hashes, " + texts + " texts");
    }
    this.bits = bits;
    this.hashes = hashes;
    this.texts = texts;
  }

  /** A sketch of the texts with these {@link #hash}es. */
  static TextSketch of(long[] textHashes, int count) {
    long m = Math.min(MAX_BITS, Math.max(64, (long) count * BITS_PER_TEXT));
    m = (m + 63) / 64 * 64;
    int k =
        count == 0
            ? 1
            : (int) Math.max(1, Math.min(MAX_HASHES, Math.round((double) m / count * Math.log(2))));
    TextSketch s = new TextSketch(new long[(int) (m / 64)], k, count);
    for (int i = 0; i < count; i++) {
      s.add(textHashes[i]);
    }
    return s;
  }

  /** The hash a text is known by: its whitespace-normalised title and body. */
  static long hash(String title, String body) {
    long h = 0xcbf29ce484222325L;
    h = fnv(h, title);
    h ^= 0x1F; // a separator no normalised text contains
    h *= 0x100000001b3L;
    h = fnv(h, body);
    return FeatureExtractor.mix(h);
  }

  /** FNV-1a over the text with whitespace runs as one space, leading and trailing ones dropped. */
  private static long fnv(long h, String s) {
    boolean pendingSpace = false;
    boolean started = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        pendingSpace = started;
        continue;
      }
      if (pendingSpace) {
        h ^= ' ';
        h *= 0x100000001b3L;
        pendingSpace = false;
      }
      started = true;
      h ^= c;
      h *= 0x100000001b3L;
    }
    return h;
  }

  private void add(long h) {
    long m = (long) bits.length * 64;
    int h1 = (int) h;
    int h2 = (int) (h >>> 32);
    for (int i = 0; i < hashes; i++) {
      long bit = Integer.toUnsignedLong(h1 + i * h2) % m;
      bits[(int) (bit >>> 6)] |= 1L << bit;
    }
  }

  /** True if a text with this hash was probably added; never false for one that was. */
  boolean mightContain(long h) {
    long m = (long) bits.length * 64;
    int h1 = (int) h;
    int h2 = (int) (h >>> 32);
    for (int i = 0; i < hashes; i++) {
      long bit = Integer.toUnsignedLong(h1 + i * h2) % m;
      if ((bits[(int) (bit >>> 6)] & 1L << bit) == 0) {
        return false;
      }
    }
    return true;
  }

  /** The chance that a text not added is reported as added. */
  double falsePositiveRate() {
    double m = (double) bits.length * 64;
    return Math.pow(1 - Math.exp(-hashes * (double) texts / m), hashes);
  }

  long[] bits() {
    return bits;
  }

  int hashes() {
    return hashes;
  }

  long texts() {
    return texts;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TextSketch s
        && hashes == s.hashes
        && texts == s.texts
        && Arrays.equals(bits, s.bits);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bits) * 31 + hashes;
  }
}
