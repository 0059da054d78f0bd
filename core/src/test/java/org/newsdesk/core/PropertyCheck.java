package org.newsdesk.core;

import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A minimal property-test harness: runs a property on many values drawn from a seeded
 * generator, and on failure names the seed, the try and the value so the case can be replayed.
 * (jqwik is not used: from 1.10 its maintainers ask that it not be used by AI coding agents.)
 */
final class PropertyCheck {

  private PropertyCheck() {}

  static <T> void forAll(long seed, int tries, Function<Random, T> generator,
      Consumer<T> property) {
    Random random = new Random(seed);
    for (int i = 0; i < tries; i++) {
      T value = generator.apply(random);
      try {
        property.accept(value);
      } catch (AssertionError | RuntimeException e) {
        String shown = String.valueOf(value);
        if (shown.length() > 2000) {
          shown = shown.substring(0, 2000) + "...";
        }
        throw new AssertionError("property failed (seed " + seed + ", try " + i + ") for: "
            + shown + "\n" + e, e);
      }
    }
  }
}
