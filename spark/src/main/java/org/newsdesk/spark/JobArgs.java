package org.newsdesk.spark;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@link ClassifyJob}'s command line, parsed and checked. Hand-written rather than picocli: the
 * job has eight options, and picocli would otherwise become a dependency of the library jar.
 *
 * @param model the model path, or empty for the built-in model
 * @param format {@code parquet} or {@code json}
 * @param mode the reader's {@code mode}, upper case, or {@code null} for the source's default
 * @param charset the reader's {@code charset}, or {@code null}
 * @param datePattern the reader's {@code datePattern}, or {@code null}
 * @param topK labels in {@code scores}
 * @param minScore best score below which the topic is null
 * @param inputs the digest paths
 * @param output the output directory
 */
record JobArgs(
    String model,
    String format,
    String mode,
    String charset,
    String datePattern,
    int topK,
    double minScore,
    List<String> inputs,
    String output) {

  static final String USAGE =
      "Usage: spark-submit --class org.newsdesk.spark.ClassifyJob newsdesk-spark_2.13-VERSION-all.jar"
          + " [--model PATH] [--format parquet|json] [--mode PERMISSIVE|DROPMALFORMED|FAILFAST]"
          + " [--charset NAME] [--date-pattern PATTERN] [--top K] [--min-score S] IN... OUT";

  static final String HELP =
      USAGE
          + "\n\nReads news digests (files or directories, any Hadoop path) with the `newsdesk`"
          + " source, tags each\narticle with a topic and writes one row per article to the new"
          + " directory OUT:\nsource, line, title, body, date, category, topic, score, scores.\n\n"
          + "  --model PATH          saved topic model or OpenNLP doccat model (Hadoop path);\n"
          + "                        default: the built-in model\n"
          + "  --format FORMAT       parquet (default) or json\n"
          + "  --mode MODE           PERMISSIVE or DROPMALFORMED: lenient parsing, malformed"
          + " records counted as\n                        diagnostics and skipped (the default);"
          + " FAILFAST: stop at the first one\n"
          + "  --charset NAME        charset of the digests (default UTF-8)\n"
          + "  --date-pattern P      java.time pattern of metadata dates (default MM/dd/yyyy)\n"
          + "  --top K               labels listed in `scores` (default 3)\n"
          + "  --min-score S         leave `topic` null when the best score is below S"
          + " (default 0)\n"
          + "  --help                print this help\n\n"
          + "With no master configured (no spark-submit --master, no spark.master) it runs in"
          + " local[*].\nExit codes: 0 success, 1 bad input or failed job, 2 usage error.";

  /** A command line that cannot be run; the message says why. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /** Help was asked for. */
  static final class HelpRequested extends Exception {
    private static final long serialVersionUID = 1L;

    HelpRequested() {
      super("help");
    }
  }

  static JobArgs parse(String... args) throws UsageException, HelpRequested {
    String model = "";
    String format = "parquet";
    String mode = null;
    String charset = null;
    String datePattern = null;
    int topK = 3;
    double minScore = 0;
    List<String> positional = new ArrayList<>();
    boolean optionsDone = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (optionsDone || !a.startsWith("--")) {
        positional.add(a);
        continue;
      }
      if (a.equals("--")) {
        optionsDone = true;
        continue;
      }
      if (a.equals("--help")) {
        throw new HelpRequested();
      }
      String name = a;
      String value;
      int eq = a.indexOf('=');
      if (eq > 0) {
        name = a.substring(0, eq);
        value = a.substring(eq + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new UsageException("option " + name + " needs a value");
      }
      switch (name) {
        case "--model" -> model = nonEmpty(name, value);
        case "--format" -> {
          format = value.toLowerCase(Locale.ROOT);
          if (!format.equals("parquet") && !format.equals("json")) {
            throw new UsageException("--format must be parquet or json, was " + value);
          }
        }
        case "--mode" -> {
          mode = value.toUpperCase(Locale.ROOT);
          if (!List.of("PERMISSIVE", "DROPMALFORMED", "FAILFAST").contains(mode)) {
            throw new UsageException(
                "--mode must be PERMISSIVE, DROPMALFORMED or FAILFAST, was " + value);
          }
        }
        case "--charset" -> {
          charset = nonEmpty(name, value);
          boolean supported;
          try {
            supported = Charset.isSupported(charset);
          } catch (IllegalArgumentException e) {
            supported = false;
          }
          if (!supported) {
            throw new UsageException("--charset " + value + " is not a charset this Java knows");
          }
        }
        case "--date-pattern" -> datePattern = nonEmpty(name, value);
        case "--top" -> {
          topK = integer(name, value);
          if (topK < 1) {
            throw new UsageException("--top must be at least 1, was " + value);
          }
        }
        case "--min-score" -> {
          try {
            minScore = Double.parseDouble(value);
          } catch (NumberFormatException e) {
            throw new UsageException("--min-score must be a number, was " + value);
          }
          if (!(minScore >= 0 && minScore <= 1)) {
            throw new UsageException("--min-score must be between 0 and 1, was " + value);
          }
        }
        default -> throw new UsageException("unknown option " + name);
      }
    }
    if (datePattern != null) {
      try {
        ReadOptions.format(charset != null ? charset : ReadOptions.DEFAULT_CHARSET, datePattern,
            "FAILFAST".equals(mode));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--date-pattern: " + e.getMessage());
      }
    }
    if (positional.size() < 2) {
      throw new UsageException(
          positional.isEmpty()
              ? "missing input and output paths"
              : "missing the output directory after the input path " + positional.get(0));
    }
    return new JobArgs(
        model,
        format,
        mode,
        charset,
        datePattern,
        topK,
        minScore,
        List.copyOf(positional.subList(0, positional.size() - 1)),
        positional.get(positional.size() - 1));
  }

  private static String nonEmpty(String option, String value) throws UsageException {
    if (value.isEmpty()) {
      throw new UsageException(option + " needs a non-empty value");
    }
    return value;
  }

  private static int integer(String option, String value) throws UsageException {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new UsageException(option + " must be a whole number, was " + value);
    }
  }
}
