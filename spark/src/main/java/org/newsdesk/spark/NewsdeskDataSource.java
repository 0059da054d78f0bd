package org.newsdesk.spark;

import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The {@code newsdesk} data source: reads title-repeated-paragraph digests into a DataFrame, one
 * row per article, with the core parser ({@link org.newsdesk.core.NewsReader}). Large files are
 * split on record boundaries ({@link org.newsdesk.core.RecordBoundary}) so that one file uses
 * every core; small files are packed into partitions as Spark's own file sources pack them.
 *
 * <pre>{@code
 * Dataset<Row> articles = spark.read().format("newsdesk")
 *     .option("mode", "DROPMALFORMED")
 *     .load("hdfs:///digests/2026/", "s3a://bucket/more/");
 * }</pre>
 *
 * <p>Schema ({@link #SCHEMA}): {@code source} (string, the file's path as Hadoop names it),
 * {@code line} (int, the 1-based line of the title in the whole file, also inside a split),
 * {@code title}, {@code body}, {@code date} (date, nullable), {@code category} (nullable). The
 * rows of every valid digest are exactly the articles {@code NewsReader} reads from it.
 *
 * <p>Options (names are case-insensitive):
 * <ul>
 *   <li>{@code mode}: as in Spark's CSV and JSON sources. {@code PERMISSIVE} (the default) parses
 *       leniently; lines that belong to no article become rows whose {@code title} and
 *       {@code body} are null and whose corrupt-record column holds the raw lines, if the schema
 *       given with {@code .schema(...)} has that column. {@code DROPMALFORMED} parses leniently
 *       and leaves such lines out. {@code FAILFAST} parses strictly: the first malformed record
 *       fails the job with {@link org.newsdesk.core.NewsParseException}, whose message names the
 *       file and the line in the whole file ({@code file:/data/a.txt:1207:1: ...}). In every
 *       mode each diagnostic is counted, per kind, in the scan's {@link NewsdeskMetric}s.
 *   <li>{@code columnNameOfCorruptRecord}: the name of the corrupt-record column (default: Spark's
 *       {@code spark.sql.columnNameOfCorruptRecord}, {@code _corrupt_record}). Add it to the
 *       schema to get malformed lines as rows: {@code .schema(NewsdeskDataSource.SCHEMA.add(
 *       "_corrupt_record", "string"))}. Its value is the raw lines (at most
 *       {@code maxRecordLength} characters), joined with LF.
 *   <li>{@code rows}: {@code articles} (the default) or {@code diagnostics}: one row per lenient
 *       diagnostic instead ({@link #DIAGNOSTICS_SCHEMA}: {@code source, line, column, kind,
 *       message, firstLine, lastLine}), read with the same splitting.
 *   <li>{@code charset} (or {@code encoding}): default UTF-8. Only UTF-8, US-ASCII and
 *       ISO-8859-1 files are split; files in other charsets are read whole.
 *   <li>{@code datePattern}: of metadata lines, default {@code MM/dd/yyyy}.
 *   <li>{@code pathGlobFilter}, {@code recursiveFileLookup}: as in Spark's file sources. A
 *       directory is read for its files (not its subdirectories unless
 *       {@code recursiveFileLookup} is true); names starting with {@code _} or {@code .} are
 *       skipped there. Paths may be globs, and any Hadoop file system ({@code file:},
 *       {@code hdfs://}, {@code s3a://}) works; options are passed to its configuration.
 *   <li>{@code maxPartitionBytes}: the most bytes to put in one partition, like (and instead of)
 *       {@code spark.sql.files.maxPartitionBytes}; {@code spark.sql.files.openCostInBytes} and
 *       {@code spark.sql.files.minPartitionNum} apply as in Spark's file sources. Compressed
 *       files and files starting with a UTF-16/32 byte order mark (or like UTF-16 text without
 *       one) are read whole.
 * </ul>
 *
 * <p>Exact line numbers inside splits need the number of line breaks before each split: when a
 * file is split and the query reads the {@code line} column, or the mode is FAILFAST (whose
 * errors name the line), or the rows are diagnostics, planning runs a Spark job that counts
 * them, reading the split files once more. The corrupt-record column alone does not need it:
 * its raw lines are found relative to where the split's reading starts.
 */
public final class NewsdeskDataSource implements TableProvider, DataSourceRegister {

  /** The short name to use with {@code format(...)}. */
  public static final String SHORT_NAME = "newsdesk";

  /** The schema of article rows. */
  public static final StructType SCHEMA = new StructType()
      .add("source", DataTypes.StringType, false)
      .add("line", DataTypes.IntegerType, false)
      .add("title", DataTypes.StringType, false)
      .add("body", DataTypes.StringType, false)
      .add("date", DataTypes.DateType, true)
      .add("category", DataTypes.StringType, true);

  /** The schema of diagnostic rows (option {@code rows=diagnostics}). */
  public static final StructType DIAGNOSTICS_SCHEMA = new StructType()
      .add("source", DataTypes.StringType, false)
      .add("line", DataTypes.IntegerType, false)
      .add("column", DataTypes.IntegerType, false)
      .add("kind", DataTypes.StringType, false)
      .add("message", DataTypes.StringType, false)
      .add("firstLine", DataTypes.IntegerType, true)
      .add("lastLine", DataTypes.IntegerType, true);

  /** Creates the source; Spark does this when {@code format("newsdesk")} is used. */
  public NewsdeskDataSource() {}

  /**
   * Returns {@value #SHORT_NAME}.
   *
   * @return the short name
   */
  @Override
  public String shortName() {
    return SHORT_NAME;
  }

  /**
   * Returns {@link #SCHEMA}, or {@link #DIAGNOSTICS_SCHEMA} with option {@code rows=diagnostics};
   * nothing is read.
   *
   * @param options the read options
   * @return the schema
   */
  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    return "diagnostics".equalsIgnoreCase(options.get(ReadOptions.ROWS)) ? DIAGNOSTICS_SCHEMA
        : SCHEMA;
  }

  /**
   * Accepts a schema given with {@code .schema(...)}: any of the columns of {@link #SCHEMA}, in
   * any order, plus optionally the corrupt-record column (a string).
   *
   * @return {@code true}
   */
  @Override
  public boolean supportsExternalMetadata() {
    return true;
  }

  /**
   * Returns the table for a read.
   *
   * @param schema the schema inferred or given by the user
   * @param partitioning ignored: digests have no partition columns
   * @param properties the read options
   * @return the table
   */
  @Override
  public Table getTable(StructType schema, Transform[] partitioning,
      Map<String, String> properties) {
    return new NewsdeskTable(schema, new CaseInsensitiveStringMap(properties));
  }
}
