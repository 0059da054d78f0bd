package org.newsdesk.cli;

import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Usage errors (exit code 2) about option values, made in one place. Values the library checks
 * (a threshold, a date pattern, training settings) are handed to it as they are, and its {@link
 * IllegalArgumentException} becomes the usage error, so no check is copied; only the CLI's own
 * settings (how many threads it starts, what it prints) have their ranges here.
 */
final class Usage {
  private Usage() {}

  /**
   * Most threads a command starts. Classification and training are CPU-bound, so threads beyond the
   * cores only add memory and switching; each classifying thread also keeps its own token cache
   * (up to about 8 MB), so 64 threads may hold half a gigabyte. 64 still covers the largest common
   * machines.
   */
  static final int MAX_THREADS = 64;

  /**
   * Runs a library call that takes an option's value; an {@link IllegalArgumentException} from it
   * becomes a usage error naming the option and giving the library's reason.
   */
  static <T> T library(CommandSpec spec, String option, Supplier<T> call) {
    try {
      return call.get();
    } catch (IllegalArgumentException e) {
      throw invalid(spec, option, e.getMessage());
    }
  }

  /** {@code Invalid value for option '--x': reason}. */
  static CommandLine.ParameterException invalid(CommandSpec spec, String option, String reason) {
    return new CommandLine.ParameterException(
        spec.commandLine(), "Invalid value for option '" + option + "': " + reason);
  }

  /** Checks an integer option of the CLI's own against its documented range. */
  static int range(CommandSpec spec, String option, int value, int min, int max) {
    if (value < min || value > max) {
      String range =
          max == Integer.MAX_VALUE ? "at least " + min : "from " + min + " to " + max;
      throw invalid(spec, option, "must be " + range + ", was " + value);
    }
    return value;
  }

  /** Checks a number option of the CLI's own: finite and within {@code [min, max]}. */
  static double range(CommandSpec spec, String option, double value, double min, double max) {
    if (!(value >= min && value <= max)) { // NaN fails too
      throw invalid(
          spec,
          option,
          "must be a number from " + text(min) + " to " + text(max) + ", was " + text(value));
    }
    return value;
  }

  /** 0 and 1 rather than 0.0 and 1.0. */
  private static String text(double v) {
    return v == Math.rint(v) && !Double.isInfinite(v)
        ? Long.toString((long) v)
        : String.valueOf(v);
  }
}
