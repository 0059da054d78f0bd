package org.newsdesk.spark;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.newsdesk.classifier.LabelScore;
import org.newsdesk.classifier.Prediction;

/**
 * The shape of a prediction in a Spark row, shared by the transformer, the SQL functions and the
 * job: a struct {@code topic} (string, null when unknown or below the minimum score), {@code score}
 * (double) and {@code scores} (array of {@code label}/{@code score} structs, best first).
 */
final class Predictions {

  /** One label and its score. */
  static final StructType LABEL_SCORE =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("label", DataTypes.StringType, false),
            DataTypes.createStructField("score", DataTypes.DoubleType, false)
          });

  /** A whole prediction. */
  static final StructType PREDICTION =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("topic", DataTypes.StringType, true),
            DataTypes.createStructField("score", DataTypes.DoubleType, false),
            DataTypes.createStructField(
                "scores", DataTypes.createArrayType(LABEL_SCORE, false), false)
          });

  private Predictions() {}

  /**
   * The topic a prediction reports: its best label, or {@code null} when the text shared no
   * feature with the model or the best score is below {@code minScore} (as the CLI does).
   */
  static String topic(Prediction p, double minScore) {
    return p.unknown() || p.score() < minScore ? null : p.label();
  }

  /** A prediction as a row of {@link #PREDICTION}, listing the best {@code topK} labels. */
  static Row row(Prediction p, int topK, double minScore) {
    List<LabelScore> best = p.topK(topK);
    Row[] scores = new Row[best.size()];
    for (int i = 0; i < scores.length; i++) {
      LabelScore s = best.get(i);
      scores[i] = RowFactory.create(s.label(), s.score());
    }
    return RowFactory.create(topic(p, minScore), p.score(), scores);
  }
}
