package org.newsdesk.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.types.StructType;
import org.newsdesk.core.Diagnostic;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Scan builder, scan and batch of one read. Column pruning decides what work the read does: the
 * raw text of malformed lines is gathered only when the corrupt-record column is read, and line
 * breaks are counted only when line numbers are needed.
 */
final class NewsdeskScan implements ScanBuilder, SupportsPushDownRequiredColumns, Scan, Batch {

  private final StructType tableSchema;
  private final ReadOptions options;
  private StructType required;
  private Planner.Plan plan;

  NewsdeskScan(StructType tableSchema, ReadOptions options) {
    this.tableSchema = tableSchema;
    this.options = options;
    this.required = tableSchema;
  }

  @Override
  public void pruneColumns(StructType requiredSchema) {
    this.required = requiredSchema;
  }

  @Override
  public Scan build() {
    return this;
  }

  @Override
  public StructType readSchema() {
    return required;
  }

  @Override
  public String description() {
    return "newsdesk " + options.paths + " mode=" + options.mode
        + (options.diagnosticRows ? " rows=diagnostics" : "");
  }

  @Override
  public Batch toBatch() {
    return this;
  }

  /** Whether the table has the corrupt-record column, so malformed lines become rows. */
  private boolean corruptRows() {
    return !options.diagnosticRows && options.permissive()
        && List.of(tableSchema.fieldNames()).stream()
            .anyMatch(n -> n.equalsIgnoreCase(options.corruptColumn));
  }

  private boolean needLines() {
    return options.diagnosticRows || options.mode == ReadOptions.Mode.FAILFAST
        || List.of(required.fieldNames()).contains("line");
  }

  @Override
  public InputPartition[] planInputPartitions() {
    if (plan == null) {
      SparkSession spark = SparkSession.active();
      plan = Planner.plan(spark, options, hadoopConf(spark), needLines());
    }
    return plan.partitions().toArray(new InputPartition[0]);
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    SparkSession spark = SparkSession.active();
    return new NewsdeskReaderFactory(hadoopConf(spark), options, required, corruptRows());
  }

  private Broadcast<HadoopConf> broadcast;

  /** The session's Hadoop configuration plus the read options, broadcast once per scan. */
  private Broadcast<HadoopConf> hadoopConf(SparkSession spark) {
    if (broadcast == null) {
      Configuration conf = new Configuration(spark.sparkContext().hadoopConfiguration());
      // As Spark's file sources do: session SQL settings and the read options reach Hadoop.
      Map<String, String> session = CollectionConverters.asJava(spark.conf().getAll());
      session.forEach(conf::set);
      options.hadoopOptions.forEach(conf::set);
      broadcast = JavaSparkContext.fromSparkContext(spark.sparkContext())
          .broadcast(new HadoopConf(conf));
    }
    return broadcast;
  }

  @Override
  public CustomMetric[] supportedCustomMetrics() {
    List<CustomMetric> metrics = new ArrayList<>();
    for (Diagnostic.Kind kind : Diagnostic.Kind.values()) {
      metrics.add(NewsdeskMetric.of(kind));
    }
    metrics.add(NewsdeskMetric.corruptFiles());
    metrics.add(NewsdeskMetric.missingFiles());
    metrics.add(NewsdeskMetric.lineCountBytes());
    metrics.add(NewsdeskMetric.lineCountMillis());
    return metrics.toArray(new CustomMetric[0]);
  }

  @Override
  public CustomTaskMetric[] reportDriverMetrics() {
    if (plan == null) {
      return new CustomTaskMetric[0];
    }
    Map<String, Long> values = new HashMap<>();
    values.put(NewsdeskMetric.LINE_COUNT_BYTES_NAME, plan.countedBytes());
    values.put(NewsdeskMetric.LINE_COUNT_MILLIS_NAME, plan.countMillis());
    values.put(NewsdeskMetric.MISSING_FILES_NAME, plan.missingFiles());
    return values.entrySet().stream().map(e -> new TaskMetric(e.getKey(), e.getValue()))
        .toArray(CustomTaskMetric[]::new);
  }

  /** One metric value. */
  record TaskMetric(String name, long value) implements CustomTaskMetric {}
}
