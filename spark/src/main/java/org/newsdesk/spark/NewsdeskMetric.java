package org.newsdesk.spark;

import java.util.Locale;
import org.apache.spark.sql.connector.metric.CustomSumMetric;
import org.newsdesk.core.Diagnostic;

/**
 * A custom metric of the {@code newsdesk} data source, summed over tasks: one per
 * {@link Diagnostic.Kind} (how many diagnostics of that kind the scan found, in any mode), two
 * for the files skipped under {@code ignoreCorruptFiles} and {@code ignoreMissingFiles}, and two
 * for the planning pass that counts line breaks in split files (bytes read, milliseconds).
 * Spark shows them on the scan node in the SQL tab of its UI; a
 * {@link org.apache.spark.scheduler.SparkListener} sees them as accumulables named by
 * {@link #description()}, such as {@code "newsdesk diagnostics: TITLE_NOT_REPEATED"}. Every kind
 * has a metric, so a kind that did not occur shows 0 in the UI (listeners are told only of
 * values that changed).
 *
 * <p>Users do not create these; the public no-argument constructor exists because Spark
 * instantiates the class by name to sum task values.
 */
public final class NewsdeskMetric extends CustomSumMetric {

  /** The prefix of the description of every diagnostic metric; the kind follows. */
  public static final String DIAGNOSTICS = "newsdesk diagnostics: ";

  /** The description of the metric counting bytes read to count line breaks when planning. */
  public static final String LINE_COUNT_BYTES = "newsdesk line counting: bytes read";

  /** The description of the metric timing the line-break counting job when planning. */
  public static final String LINE_COUNT_MILLIS = "newsdesk line counting: time (ms)";

  /** The description of the metric counting reads cut short by {@code ignoreCorruptFiles}. */
  public static final String CORRUPT_FILES = "newsdesk skipped: corrupt files";

  /** The description of the metric counting files skipped by {@code ignoreMissingFiles}. */
  public static final String MISSING_FILES = "newsdesk skipped: missing files";

  static final String CORRUPT_FILES_NAME = "corruptFiles";
  static final String MISSING_FILES_NAME = "missingFiles";
  static final String LINE_COUNT_BYTES_NAME = "lineCountBytes";
  static final String LINE_COUNT_MILLIS_NAME = "lineCountMillis";

  private final String name;
  private final String description;

  /** Creates the instance Spark uses to sum task values. */
  public NewsdeskMetric() {
    this("newsdesk", "newsdesk metric");
  }

  private NewsdeskMetric(String name, String description) {
    this.name = name;
    this.description = description;
  }

  static NewsdeskMetric of(Diagnostic.Kind kind) {
    return new NewsdeskMetric(nameOf(kind), DIAGNOSTICS + kind.name());
  }

  static NewsdeskMetric corruptFiles() {
    return new NewsdeskMetric(CORRUPT_FILES_NAME, CORRUPT_FILES);
  }

  static NewsdeskMetric missingFiles() {
    return new NewsdeskMetric(MISSING_FILES_NAME, MISSING_FILES);
  }

  static NewsdeskMetric lineCountBytes() {
    return new NewsdeskMetric(LINE_COUNT_BYTES_NAME, LINE_COUNT_BYTES);
  }

  static NewsdeskMetric lineCountMillis() {
    return new NewsdeskMetric(LINE_COUNT_MILLIS_NAME, LINE_COUNT_MILLIS);
  }

  /** The metric's name for a kind: {@code diagnostics_} and the kind in lower case. */
  static String nameOf(Diagnostic.Kind kind) {
    return "diagnostics_" + kind.name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the metric's name, unique within a scan, e.g.
   * {@code diagnostics_title_not_repeated}.
   *
   * @return the name
   */
  @Override
  public String name() {
    return name;
  }

  /**
   * Returns what Spark shows, e.g. {@code newsdesk diagnostics: TITLE_NOT_REPEATED}.
   *
   * @return the description
   */
  @Override
  public String description() {
    return description;
  }
}
