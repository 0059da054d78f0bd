package org.newsdesk.classifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one reader and writer of the settings text form shared by {@link FeaturePipeline} and
 * {@link Learner}: {@code key=value} pairs separated by commas, e.g. {@code ngrams=1-3,
 * stemming=none}. Whitespace around keys, values and commas is ignored; a value may not contain a
 * comma (the stop-word list uses spaces between words inside brackets). Each type declares its
 * keys; this class splits the text, rejects unknown and repeated keys, and converts values with
 * messages that name the key, the value and what is allowed.
 */
final class Settings {

  private final String what;
  private final Map<String, String> values;

  private Settings(String what, Map<String, String> values) {
    this.what = what;
    this.values = values;
  }

  /**
   * Splits settings text into its pairs.
   *
   * @param text the text; empty or blank means no settings
   * @param what what the settings configure, for messages ("feature pipeline", "learner")
   * @param allowed every key the caller understands, in its canonical order
   * @throws IllegalArgumentException on a pair without '=', an empty key, an unknown or a
   *     repeated key
   */
  static Settings parse(String text, String what, List<String> allowed) {
    Map<String, String> values = new LinkedHashMap<>();
    if (!text.isBlank()) {
      for (String pair : text.split(",", -1)) {
        int eq = pair.indexOf('=');
        if (eq < 0) {
          throw new IllegalArgumentException(
              what + " setting '" + pair.strip() + "' is not key=value (settings are separated"
                  + " by commas, e.g. " + example(allowed) + ")");
        }
        String key = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String value = pair.substring(eq + 1).strip();
        if (!allowed.contains(key)) {
          throw new IllegalArgumentException(
              "unknown " + what + " setting '" + key + "'; known: " + String.join(", ", allowed));
        }
        if (values.put(key, value) != null) {
          throw new IllegalArgumentException(what + " setting '" + key + "' is given twice");
        }
      }
    }
    return new Settings(what, values);
  }

  private static String example(List<String> allowed) {
    return allowed.isEmpty() ? "key=value" : allowed.get(0) + "=...";
  }

  boolean has(String key) {
    return values.containsKey(key);
  }

  /** The raw value of a key, or the fallback when the key is absent. */
  String string(String key, String fallback) {
    return values.getOrDefault(key, fallback);
  }

  int integer(String key, int fallback, int min, int max) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    int n;
    try {
      n = Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw invalid(key, v, "an integer from " + min + " to " + max);
    }
    if (n < min || n > max) {
      throw invalid(key, v, "an integer from " + min + " to " + max);
    }
    return n;
  }

  double number(String key, double fallback, double min, double max) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    double d;
    try {
      d = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw invalid(key, v, "a number from " + format(min) + " to " + format(max));
    }
    if (!(d >= min && d <= max)) {
      throw invalid(key, v, "a number from " + format(min) + " to " + format(max));
    }
    return d;
  }

  boolean bool(String key, boolean fallback) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid(key, v, "true or false");
    };
  }

  /** A value that must be one of the names, compared case-insensitively; returns the name. */
  String choice(String key, String fallback, List<String> names) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    String lower = v.toLowerCase(Locale.ROOT);
    if (!names.contains(lower)) {
      throw invalid(key, v, "one of " + String.join(", ", names));
    }
    return lower;
  }

  /** Keys given but not in {@code used}: the caller's type does not take them. */
  void rejectOthers(Set<String> used, String owner) {
    List<String> extra = new ArrayList<>();
    for (String k : values.keySet()) {
      if (!used.contains(k)) {
        extra.add(k);
      }
    }
    if (!extra.isEmpty()) {
      throw new IllegalArgumentException(
          owner + " has no setting " + String.join(", ", quoted(extra)) + " (it takes "
              + (used.size() <= 1 ? "no other settings" : String.join(", ", quoted(used))) + ")");
    }
  }

  private static List<String> quoted(Iterable<String> keys) {
    List<String> q = new ArrayList<>();
    for (String k : keys) {
      q.add("'" + k + "'");
    }
    return q;
  }

  IllegalArgumentException invalid(String key, String value, String expected) {
    return new IllegalArgumentException(
        what + " setting " + key + "=" + value + " is invalid: expected " + expected);
  }

  /** Checks a number is finite and in range; the message names the setting. */
  static double checkRange(String key, Object value, double d, double min, double max) {
    if (!(d >= min && d <= max)) {
      throw new IllegalArgumentException(
          key + " must be a number from " + format(min) + " to " + format(max) + ", was " + value);
    }
    return d;
  }

  /** Checks an integer is in range; the message names the setting. */
  static int checkRange(String key, int n, int min, int max) {
    if (n < min || n > max) {
      throw new IllegalArgumentException(
          key + " must be an integer from " + min + " to " + max + ", was " + n);
    }
    return n;
  }

  /**
   * Writes a number so that {@link Double#parseDouble} gives back exactly the same double:
   * integers without a fraction ({@code 2}, not {@code 2.0}), others as {@link Double#toString}.
   */
  static String format(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return Double.toString(d);
  }

  /** Joins key=value pairs into the text form. */
  static String join(Map<String, String> pairs) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : pairs.entrySet()) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(e.getKey()).append('=').append(e.getValue());
    }
    return sb.toString();
  }
}
