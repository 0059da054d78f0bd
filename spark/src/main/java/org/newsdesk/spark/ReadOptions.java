package org.newsdesk.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.apache.spark.network.util.JavaUtils;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.newsdesk.core.NewsFormat;

/** The read options of the {@code newsdesk} source, parsed and checked once on the driver. */
final class ReadOptions implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Spark's parse modes, with the meaning its CSV and JSON sources give them. */
  enum Mode { PERMISSIVE, DROPMALFORMED, FAILFAST }

  static final String MODE = "mode";
  static final String CHARSET = "charset";
  static final String ENCODING = "encoding";
  static final String DATE_PATTERN = "datePattern";
  static final String CORRUPT_COLUMN = "columnNameOfCorruptRecord";
  static final String ROWS = "rows";
  static final String RECURSIVE = "recursiveFileLookup";
  static final String GLOB = "pathGlobFilter";
  static final String MAX_PARTITION_BYTES = "maxPartitionBytes";
  static final String IGNORE_CORRUPT_FILES = "ignoreCorruptFiles";
  static final String IGNORE_MISSING_FILES = "ignoreMissingFiles";
  /** The charset of digests when no {@code charset} option is given. */
  static final String DEFAULT_CHARSET = "UTF-8";
  /** Spark's own default for the corrupt-record column (spark.sql.columnNameOfCorruptRecord). */
  static final String DEFAULT_CORRUPT_COLUMN = "_corrupt_record";

  final Mode mode;
  final String charset;
  final String datePattern;
  final String corruptColumn;
  final boolean diagnosticRows;
  final boolean recursive;
  final String pathGlobFilter;
  /** The maxPartitionBytes option, or -1 for Spark's spark.sql.files.maxPartitionBytes. */
  final long maxPartitionBytes;
  /** Whether a file that cannot be read (e.g. a damaged gzip) ends its rows instead of the job. */
  final boolean ignoreCorruptFiles;
  /** Whether a file deleted after listing is skipped (and counted) instead of failing the job. */
  final boolean ignoreMissingFiles;
  final List<String> paths;
  /** Every option except the paths, for the Hadoop configuration (as Spark's sources do). */
  final java.util.Map<String, String> hadoopOptions;

  /**
   * Reads the options, the corrupt-record column resolved from them and {@code session} now (see
   * {@link #corruptColumn}); for reads without a table.
   */
  ReadOptions(CaseInsensitiveStringMap options, UnaryOperator<String> session) {
    this(options, corruptColumn(options, session), session);
  }

  /**
   * Reads the options; {@code session} gives Spark's session-wide defaults by their SQL conf
   * name ({@code spark.sql.files.ignoreCorruptFiles}, ...), or null when there is none. The
   * corrupt-record column comes resolved: the table settles it when the read is loaded, and the
   * scan must use the same name, even if {@code spark.sql.columnNameOfCorruptRecord} has changed
   * since.
   */
  ReadOptions(CaseInsensitiveStringMap options, String corruptColumn,
      UnaryOperator<String> session) {
    String m = options.getOrDefault(MODE, Mode.PERMISSIVE.name()).toUpperCase(Locale.ROOT);
    try {
      mode = Mode.valueOf(m);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("newsdesk: unknown mode '" + options.get(MODE)
          + "'; use PERMISSIVE, DROPMALFORMED or FAILFAST");
    }
    charset = charsetOf(options.getOrDefault(CHARSET,
        options.getOrDefault(ENCODING, DEFAULT_CHARSET)));
    datePattern = options.getOrDefault(DATE_PATTERN, NewsFormat.DEFAULT.datePattern());
    this.corruptColumn = corruptColumn;
    String rows = options.getOrDefault(ROWS, "articles").toLowerCase(Locale.ROOT);
    if (!rows.equals("articles") && !rows.equals("diagnostics")) {
      throw new IllegalArgumentException("newsdesk: option rows must be 'articles' or "
          + "'diagnostics', not '" + options.get(ROWS) + "'");
    }
    diagnosticRows = rows.equals("diagnostics");
    if (diagnosticRows && mode == Mode.FAILFAST) {
      throw new IllegalArgumentException("newsdesk: rows=diagnostics reads leniently; "
          + "mode FAILFAST does not apply");
    }
    recursive = options.getBoolean(RECURSIVE, false);
    ignoreCorruptFiles = flag(options, IGNORE_CORRUPT_FILES,
        session.apply("spark.sql.files." + IGNORE_CORRUPT_FILES));
    ignoreMissingFiles = flag(options, IGNORE_MISSING_FILES,
        session.apply("spark.sql.files." + IGNORE_MISSING_FILES));
    pathGlobFilter = options.get(GLOB);
    maxPartitionBytes = options.containsKey(MAX_PARTITION_BYTES)
        ? bytes(MAX_PARTITION_BYTES, options.get(MAX_PARTITION_BYTES)) : -1;
    paths = pathsOf(options);
    java.util.Map<String, String> rest = new java.util.HashMap<>(options.asCaseSensitiveMap());
    rest.remove("path");
    rest.remove("paths");
    hadoopOptions = java.util.Map.copyOf(rest);
    format(); // an invalid date pattern fails here, on the driver
  }

  /** The core format: built on each use, since NewsFormat is not serializable. */
  NewsFormat format() {
    return format(charset, datePattern, mode == Mode.FAILFAST);
  }

  /**
   * The core format of a read's settings: the one place they become a {@link NewsFormat}, used
   * by the source and by {@link JobArgs} to check its options before Spark starts.
   *
   * @throws IllegalArgumentException if the date pattern is invalid
   */
  static NewsFormat format(String charset, String datePattern, boolean strict) {
    return NewsFormat.builder()
        .charset(Charset.forName(charset))
        .datePattern(datePattern)
        .strict(strict)
        .build();
  }

  /** Whether malformed input becomes rows (PERMISSIVE with a corrupt-record column). */
  boolean permissive() {
    return mode == Mode.PERMISSIVE;
  }

  /** The corrupt-record column: the option, else the session's setting, else Spark's default. */
  static String corruptColumn(CaseInsensitiveStringMap options, UnaryOperator<String> session) {
    String fromSession = session.apply("spark.sql.columnNameOfCorruptRecord");
    return options.getOrDefault(CORRUPT_COLUMN,
        fromSession != null ? fromSession : DEFAULT_CORRUPT_COLUMN);
  }

  /** A true/false option, else the session's setting, else false. */
  private static boolean flag(CaseInsensitiveStringMap options, String name, String session) {
    String value = options.getOrDefault(name, session == null ? "false" : session).trim();
    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
      throw new IllegalArgumentException("newsdesk: option " + name + " must be true or false, "
          + "not '" + value + "'");
    }
    return Boolean.parseBoolean(value);
  }

  static long bytes(String name, String value) {
    try {
      long n = JavaUtils.byteStringAsBytes(value.trim());
      if (n <= 0) {
        throw new NumberFormatException("not positive");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("newsdesk: option " + name + " must be a positive size "
          + "such as 134217728 or 128m, not '" + value + "'");
    }
  }

  private static String charsetOf(String name) {
    try {
      return Charset.forName(name).name();
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new IllegalArgumentException("newsdesk: unknown charset '" + name + "'");
    }
  }

  /** DataFrameReader passes one path as "path" and several as "paths", a JSON array. */
  private static List<String> pathsOf(CaseInsensitiveStringMap map) {
    List<String> list = new ArrayList<>();
    if (map.containsKey("paths")) {
      try {
        list.addAll(Arrays.asList(new ObjectMapper().readValue(map.get("paths"),
            String[].class)));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("newsdesk: option paths is not a JSON array of "
            + "strings: " + map.get("paths"), e);
      }
    }
    if (map.containsKey("path")) {
      list.add(map.get("path"));
    }
    return List.copyOf(list);
  }
}
