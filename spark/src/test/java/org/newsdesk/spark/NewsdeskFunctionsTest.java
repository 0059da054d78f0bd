package org.newsdesk.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.classifier.ModelLoadException;
import org.newsdesk.classifier.Prediction;
import org.newsdesk.classifier.TopicClassifier;

@ExtendWith(LocalSpark.class)
class NewsdeskFunctionsTest {

  @Test
  void sqlFunctionsGiveTopicClassifiersResultForEveryRow(SparkSession spark) throws IOException {
    NewsdeskFunctions.register(spark);
    TestArticles.frame(spark).createOrReplaceTempView("articles");
    Map<String, Row> rows =
        Expectations.byKey(
            spark
                .sql(
                    "SELECT source, line, title, body, newsdesk_topic(title, body) AS topic,"
                        + " newsdesk_prediction(title, body) AS prediction FROM articles")
                .collectAsList());
    assertThat(rows).hasSize(TestArticles.rows().size());
    TopicClassifier builtIn = TopicClassifier.builtIn();
    for (Row r : rows.values()) {
      Prediction p =
          builtIn.predict(TestArticles.text(r, "title"), TestArticles.text(r, "body"));
      assertThat((String) r.getAs("topic")).isEqualTo(p.unknown() ? null : p.label());
      Expectations.assertPrediction(r, r.getAs("prediction"), builtIn, 3, 0.0);
    }
    Row nulls = spark.sql("SELECT newsdesk_topic(NULL, NULL), newsdesk_prediction('', '')").first();
    assertThat(nulls.isNullAt(0)).isTrue();
    assertThat(nulls.getStruct(1).isNullAt(0)).isTrue();
  }

  @Test
  void aCustomModelBacksTheFunctionsAndABadOneRegistersNothing(
      SparkSession spark, @TempDir Path tmp) throws IOException {
    Path model = tmp.resolve("builtin-copy.bin");
    TopicClassifier.builtIn().save(model);
    NewsdeskFunctions.register(spark, model.toString());
    assertThat(
            spark
                .sql("SELECT newsdesk_topic('Customs seize fake watches',"
                    + " 'Officers found 4,000 counterfeit watches in a container.')")
                .first()
                .getString(0))
        .isEqualTo("enforcement");

    Path bad = tmp.resolve("bad.bin");
    Files.writeString(bad, "PK not a model");
    assertThatThrownBy(() -> NewsdeskFunctions.register(spark, bad.toString()))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(ModelLoadException.class)
        .hasMessageContaining("bad.bin");
  }
}
