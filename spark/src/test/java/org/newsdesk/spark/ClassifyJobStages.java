package org.newsdesk.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** {@link ClassifyJob}'s package-private stages, for the harnesses in {@code bench}. */
public final class ClassifyJobStages {

  private ClassifyJobStages() {}

  /**
   * The job's output rows for some articles.
   *
   * @param articles rows read by the {@code newsdesk} source
   * @param classifier the transformer the job uses
   * @return the rows the job writes
   */
  public static Dataset<Row> rows(Dataset<Row> articles, TopicClassifierTransformer classifier) {
    return ClassifyJob.rows(articles, classifier);
  }
}
