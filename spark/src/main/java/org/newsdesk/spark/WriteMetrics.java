package org.newsdesk.spark;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.apache.spark.sql.execution.adaptive.QueryStageExec;
import org.apache.spark.sql.execution.command.DataWritingCommandExec;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;
import org.apache.spark.sql.execution.metric.SQLMetric;
import org.apache.spark.sql.util.QueryExecutionListener;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Listens for the next successful write in a session and keeps its figures: the rows written and
 * the custom metrics of the {@code newsdesk} scans that fed it (the source counts diagnostics
 * there, by kind). Spark delivers query events asynchronously, so {@link #await} waits for it.
 */
final class WriteMetrics implements QueryExecutionListener, AutoCloseable {

  private final SparkSession spark;
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile long rowsWritten = -1;
  private final Map<String, Long> sourceMetrics = new TreeMap<>();

  private WriteMetrics(SparkSession spark) {
    this.spark = spark;
  }

  static WriteMetrics listen(SparkSession spark) {
    WriteMetrics m = new WriteMetrics(spark);
    spark.listenerManager().register(m);
    return m;
  }

  /** Waits for the write's figures; false if they did not come in time. */
  boolean await(long seconds) throws InterruptedException {
    return done.await(seconds, TimeUnit.SECONDS);
  }

  /** Rows written, or -1 if unknown. */
  long rowsWritten() {
    return rowsWritten;
  }

  /** The newsdesk scans' custom metrics, summed by name. */
  synchronized Map<String, Long> sourceMetrics() {
    return new TreeMap<>(sourceMetrics);
  }

  @Override
  public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
    long rows = 0;
    boolean write = false;
    Map<String, Long> metrics = new TreeMap<>();
    Deque<SparkPlan> todo = new ArrayDeque<>();
    todo.push(qe.executedPlan());
    while (!todo.isEmpty()) {
      SparkPlan p = todo.pop();
      if (p instanceof DataWritingCommandExec w) {
        write = true;
        SQLMetric n = w.metrics().get("numOutputRows").getOrElse(() -> null);
        rows += n == null ? 0 : n.value();
      } else if (p instanceof BatchScanExec scan
          && scan.scan().getClass().getPackageName().equals(getClass().getPackageName())) {
        for (Map.Entry<String, SQLMetric> e :
            CollectionConverters.asJava(scan.customMetrics()).entrySet()) {
          metrics.merge(e.getKey(), e.getValue().value(), Long::sum);
        }
      }
      if (p instanceof AdaptiveSparkPlanExec a) {
        todo.push(a.executedPlan());
      } else if (p instanceof QueryStageExec s) {
        todo.push(s.plan());
      }
      CollectionConverters.asJava(p.children()).forEach(todo::push);
    }
    if (write && done.getCount() > 0) {
      synchronized (this) {
        sourceMetrics.putAll(metrics);
      }
      rowsWritten = rows;
      done.countDown();
    }
  }

  @Override
  public void onFailure(String funcName, QueryExecution qe, Exception exception) {
    // the job reports the failure itself
  }

  @Override
  public void close() {
    spark.listenerManager().unregister(this);
  }
}
