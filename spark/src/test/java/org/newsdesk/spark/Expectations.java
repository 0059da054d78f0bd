package org.newsdesk.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.newsdesk.classifier.LabelScore;
import org.newsdesk.classifier.Prediction;
import org.newsdesk.classifier.TopicClassifier;

/** Checks prediction structs against what {@link TopicClassifier} itself says. */
final class Expectations {

  private Expectations() {}

  /** Rows keyed by {@code source:line}, so order does not matter. */
  static Map<String, Row> byKey(List<Row> rows) {
    Map<String, Row> map = new TreeMap<>();
    for (Row r : rows) {
      assertThat(map.put(r.getAs("source") + ":" + r.getAs("line"), r)).isNull();
    }
    return map;
  }

  /**
   * Asserts that {@code struct} (topic, score, scores) is exactly what {@code classifier} predicts
   * for the row's title and body.
   */
  static void assertPrediction(
      Row input, Row struct, TopicClassifier classifier, int topK, double minScore) {
    Prediction p =
        classifier.predict(TestArticles.text(input, "title"), TestArticles.text(input, "body"));
    String where = input.getAs("source") + ":" + input.getAs("line");
    String topic = p.unknown() || p.score() < minScore ? null : p.label();
    assertThat((String) struct.getAs("topic")).as(where).isEqualTo(topic);
    assertThat((double) struct.getAs("score")).as(where).isEqualTo(p.score());
    assertThat(labelScores(struct.getList(struct.fieldIndex("scores"))))
        .as(where)
        .isEqualTo(p.topK(topK));
  }

  static List<LabelScore> labelScores(List<Row> scores) {
    List<LabelScore> out = new ArrayList<>();
    for (Row s : scores) {
      out.add(new LabelScore(s.getString(0), s.getDouble(1)));
    }
    return out;
  }
}
