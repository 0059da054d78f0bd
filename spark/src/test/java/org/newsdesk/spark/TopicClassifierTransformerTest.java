package org.newsdesk.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.tokenize.WhitespaceTokenizer;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.classifier.LabeledText;
import org.newsdesk.classifier.ModelLoadException;
import org.newsdesk.classifier.Prediction;
import org.newsdesk.classifier.TopicClassifier;
import org.newsdesk.classifier.TopicTrainer;
import org.newsdesk.core.NewsFormat;
import org.newsdesk.testing.Fixtures;

@ExtendWith(LocalSpark.class)
class TopicClassifierTransformerTest {

  @TempDir static Path tmp;

  /** A model that is not the built-in one: fortunes labels, trained on the fixture slice. */
  static TopicClassifier fortunes;

  static Path fortunesModel;

  @BeforeAll
  static void trainCustomModel() throws IOException {
    List<LabeledText> train = new ArrayList<>();
    for (Fixtures.TsvRow r : Fixtures.readTsv(Fixtures.fortunesTrain())) {
      train.add(LabeledText.of(r.text(), r.label()));
    }
    fortunes = TopicTrainer.withDefaults().train(train);
    fortunesModel = tmp.resolve("fortunes.bin");
    fortunes.save(fortunesModel);
  }

  @Test
  void withNoParamsSetGivesTopicClassifiersResultForEveryRow(SparkSession spark) throws IOException {
    TopicClassifierTransformer t = new TopicClassifierTransformer();
    Dataset<Row> out = t.transform(TestArticles.frame(spark));

    assertThat(out.schema().apply("prediction").dataType()).isEqualTo(Predictions.PREDICTION);
    Map<String, Row> rows = Expectations.byKey(out.collectAsList());
    assertThat(rows).hasSize(TestArticles.rows().size());
    TopicClassifier builtIn = TopicClassifier.builtIn();
    int unknown = 0;
    for (Row r : rows.values()) {
      Row p = r.getAs("prediction");
      Expectations.assertPrediction(r, p, builtIn, 3, 0.0);
      assertThat(p.getList(p.fieldIndex("scores"))).hasSize(3);
      unknown += p.getAs("topic") == null ? 1 : 0;
    }
    // the empty, the unseen and the all-null rows; every sample article gets a topic
    assertThat(unknown).isGreaterThanOrEqualTo(3);
    assertThat(rows.values().stream().filter(r -> r.<String>getAs("source").endsWith(".txt")))
        .allSatisfy(r -> assertThat(r.<Row>getAs("prediction").<String>getAs("topic")).isNotNull());
  }

  @Test
  void paramsChooseColumnsTopKAndMinScore(SparkSession spark) throws IOException {
    Dataset<Row> in =
        TestArticles.frame(spark).withColumnRenamed("title", "headline.text")
            .withColumnRenamed("body", "summary");
    TopicClassifierTransformer t =
        new TopicClassifierTransformer()
            .setTitleCol("headline.text")
            .setBodyCol("summary")
            .setOutputCol("tag")
            .setTopK(20)
            .setMinScore(0.5);
    List<Row> rows = t.transform(in).collectAsList();
    TopicClassifier builtIn = TopicClassifier.builtIn();
    int belowMin = 0;
    for (Row r : rows) {
      Row tag = r.getAs("tag");
      Row asInput =
          new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(
              new Object[] {r.getAs("source"), r.getAs("line"), r.getAs("headline.text"),
                  r.getAs("summary")},
              new StructType().add("source", DataTypes.StringType)
                  .add("line", DataTypes.IntegerType).add("title", DataTypes.StringType)
                  .add("body", DataTypes.StringType));
      Expectations.assertPrediction(asInput, tag, builtIn, 20, 0.5);
      // every label (there are fewer than 20), best first
      assertThat(tag.getList(tag.fieldIndex("scores"))).hasSize(builtIn.labels().size());
      double score = tag.getAs("score");
      belowMin += score < 0.5 && tag.getAs("topic") == null ? 1 : 0;
    }
    assertThat(belowMin).isPositive();
  }

  @Test
  void rejectsBadParamsAndSchemasBeforeRunningAnything(SparkSession spark) {
    TopicClassifierTransformer t = new TopicClassifierTransformer();
    assertThatThrownBy(() -> t.setMinScore(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> t.setMinScore(-0.1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> t.setTopK(0)).isInstanceOf(IllegalArgumentException.class);

    Dataset<Row> in = TestArticles.frame(spark);
    assertThatThrownBy(() -> new TopicClassifierTransformer().setTitleCol("headline").transform(in))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("titleCol headline is not a column");
    assertThatThrownBy(() -> new TopicClassifierTransformer().setBodyCol("line").transform(in))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bodyCol line must be a string column, is int");
    assertThatThrownBy(() -> new TopicClassifierTransformer().setOutputCol("date").transform(in))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outputCol date already exists");
  }

  @Test
  void anOutputColumnDifferingOnlyInCaseIsTakenAsSparkTakesIt(SparkSession spark) {
    Dataset<Row> in = TestArticles.frame(spark).withColumn("Prediction", functions.lit("mine"));
    TopicClassifierTransformer t = new TopicClassifierTransformer();
    // Spark resolves names case-insensitively by default: withColumn("prediction") would replace
    // the user's Prediction, so both the schema check and the transform refuse the name
    assertThatThrownBy(() -> t.transformSchema(in.schema()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outputCol prediction already exists in the input as Prediction");
    assertThatThrownBy(() -> t.transform(in))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outputCol prediction already exists in the input as Prediction");

    spark.conf().set("spark.sql.caseSensitive", "true");
    try {
      StructType promised = t.transformSchema(in.schema());
      Dataset<Row> out = t.transform(in);
      assertThat(out.schema()).isEqualTo(promised);
      assertThat(out.columns()).endsWith("Prediction", "prediction");
      assertThat(out.select("Prediction").distinct().collectAsList())
          .extracting(r -> r.getString(0)).containsExactly("mine");
    } finally {
      spark.conf().unset("spark.sql.caseSensitive");
    }
  }

  @Test
  void inputColumnsResolveAsSparkResolvesThem(SparkSession spark) throws IOException {
    Dataset<Row> out = new TopicClassifierTransformer().setTitleCol("Title").setBodyCol("BODY")
        .transform(TestArticles.frame(spark));
    TopicClassifier builtIn = TopicClassifier.builtIn();
    List<Row> rows = out.collectAsList();
    assertThat(rows).hasSize(TestArticles.rows().size());
    for (Row r : rows) {
      Expectations.assertPrediction(r, r.getAs("prediction"), builtIn, 3, 0.0);
    }

    // title and Title: Spark calls a reference to either ambiguous, and so does the check
    Dataset<Row> both = TestArticles.frame(spark)
        .select(functions.col("source"), functions.col("line"), functions.col("title"),
            functions.col("title").as("Title"), functions.col("body"));
    assertThatThrownBy(() -> both.col("`title`")).hasMessageContaining("AMBIGUOUS_REFERENCE");
    TopicClassifierTransformer t = new TopicClassifierTransformer();
    assertThatThrownBy(() -> t.transformSchema(both.schema()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("titleCol title is ambiguous: it matches the columns title, Title");

    spark.conf().set("spark.sql.caseSensitive", "true");
    try {
      assertThat(t.transformSchema(both.schema()).fieldNames()).endsWith("prediction");
      assertThat(t.transform(both).count()).isEqualTo(TestArticles.rows().size());
      assertThatThrownBy(() -> new TopicClassifierTransformer().setTitleCol("Title")
          .transformSchema(TestArticles.SCHEMA))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("titleCol Title is not a column of the input");
    } finally {
      spark.conf().unset("spark.sql.caseSensitive");
    }
  }

  @Test
  void customModelIsShippedAsBroadcastBytesAndGivesItsOwnResults(SparkSession spark)
      throws IOException {
    ModelSource.Cache.clear();
    TopicClassifierTransformer t =
        new TopicClassifierTransformer().setModelPath(fortunesModel.toUri().toString());
    Dataset<Row> out = t.transform(TestArticles.frame(spark));

    int withFortuneTopic = 0;
    for (Row r : out.collectAsList()) {
      Row p = r.getAs("prediction");
      Expectations.assertPrediction(r, p, fortunes, 3, 0.0);
      String topic = p.getAs("topic");
      withFortuneTopic += topic != null && fortunes.labels().contains(topic) ? 1 : 0;
    }
    assertThat(withFortuneTopic).isGreaterThan(90);
    // loaded once in this JVM (the driver validated it; local mode shares that copy), by hash
    assertThat(ModelSource.Cache.contains(ModelSource.sha256(Files.readAllBytes(fortunesModel))))
        .isTrue();

    // what a task receives is the model's description, not the model
    ModelSource broadcast = ModelSource.resolve(spark, fortunesModel.toString());
    assertThat(serializedSize(new PredictionUdf(broadcast, 3, 0))).isLessThan(2_000);
    assertThat(serializedSize(new PredictionUdf(ModelSource.builtIn(), 3, 0))).isLessThan(2_000);
    assertThat(Files.size(fortunesModel)).isGreaterThan(20_000);
  }

  @Test
  void anOpenNlpDoccatModelGivesOpenNlpsResults(SparkSession spark) throws IOException {
    // trained by OpenNLP itself, as a user of its DoccatTrainer would bring it
    List<DocumentSample> samples = new ArrayList<>();
    for (Fixtures.TsvRow r : Fixtures.readTsv(Fixtures.fortunesTrain())) {
      samples.add(new DocumentSample(r.label(), WhitespaceTokenizer.INSTANCE.tokenize(r.text())));
    }
    DoccatModel model =
        DocumentCategorizerME.train(
            "en",
            new CollectionObjectStream<>(samples),
            TrainingParameters.defaultParams(),
            new DoccatFactory());
    Path file = tmp.resolve("fortunes-doccat.bin");
    model.serialize(file);
    TopicClassifier doccat = TopicClassifier.of(model);

    ModelSource.Cache.clear();
    Dataset<Row> out =
        new TopicClassifierTransformer()
            .setModelPath(file.toString())
            .transform(TestArticles.frame(spark));

    List<Row> rows = out.collectAsList();
    assertThat(rows).hasSize(TestArticles.rows().size());
    for (Row r : rows) {
      Expectations.assertPrediction(r, r.getAs("prediction"), doccat, 3, 0.0);
    }
  }

  @Test
  void aBadModelFailsOnTheDriverNamingThePath(SparkSession spark) throws IOException {
    Dataset<Row> in = TestArticles.frame(spark);
    Path garbage = tmp.resolve("garbage.bin");
    Files.write(garbage, "this is not a model".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThatThrownBy(
            () -> new TopicClassifierTransformer().setModelPath(garbage.toString()).transform(in))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(ModelLoadException.class)
        .hasMessageContaining("not a valid Newsdesk topic model")
        .hasMessageContaining(garbage.getFileName().toString());

    Path truncated = tmp.resolve("truncated.bin");
    byte[] model = Files.readAllBytes(fortunesModel);
    Files.write(truncated, java.util.Arrays.copyOf(model, model.length / 2));
    assertThatThrownBy(
            () -> new TopicClassifierTransformer().setModelPath(truncated.toString()).transform(in))
        .hasCauseInstanceOf(ModelLoadException.class)
        .hasMessageContaining("truncated.bin");

    Path missing = tmp.resolve("missing.bin");
    assertThatThrownBy(
            () -> new TopicClassifierTransformer().setModelPath(missing.toString()).transform(in))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("model " + missing + " not found");

    assertThatThrownBy(
            () -> new TopicClassifierTransformer().setModelPath(tmp.toString()).transform(in))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("is a directory");
  }

  @Test
  void savedAndLoadedAloneAndInAPipeline(SparkSession spark) throws IOException {
    TopicClassifierTransformer t =
        new TopicClassifierTransformer()
            .setModelPath(fortunesModel.toString())
            .setOutputCol("fortune")
            .setTopK(2)
            .setMinScore(0.25);
    String alone = tmp.resolve("transformer").toString();
    t.write().save(alone);
    TopicClassifierTransformer back = TopicClassifierTransformer.load(alone);
    assertThat(back.uid()).isEqualTo(t.uid());
    assertThat(back.getModelPath()).isEqualTo(fortunesModel.toString());
    assertThat(back.getOutputCol()).isEqualTo("fortune");
    assertThat(back.getTopK()).isEqualTo(2);
    assertThat(back.getMinScore()).isEqualTo(0.25);
    assertThat(back.getTitleCol()).isEqualTo("title");
    assertThat(back.isSet(back.titleCol())).isFalse();

    Dataset<Row> in = TestArticles.frame(spark);
    PipelineModel fitted =
        new Pipeline().setStages(new PipelineStage[] {t}).fit(in);
    String pipeline = tmp.resolve("pipeline").toString();
    fitted.write().save(pipeline);
    PipelineModel loaded = PipelineModel.load(pipeline);
    assertThat(loaded.stages()[0]).isInstanceOf(TopicClassifierTransformer.class);

    Map<String, Row> expected = Expectations.byKey(fitted.transform(in).collectAsList());
    Map<String, Row> actual = Expectations.byKey(loaded.transform(in).collectAsList());
    assertThat(actual).isEqualTo(expected);
    for (Row r : actual.values()) {
      Expectations.assertPrediction(r, r.getAs("fortune"), fortunes, 2, 0.25);
    }
  }

  @Test
  void parquetAndJsonRoundTripsKeepEveryValue(SparkSession spark) {
    Dataset<Row> out = new TopicClassifierTransformer().transform(TestArticles.frame(spark));
    Map<String, Row> expected = Expectations.byKey(out.collectAsList());

    String parquet = tmp.resolve("out-parquet").toString();
    out.write().parquet(parquet);
    Dataset<Row> fromParquet = spark.read().parquet(parquet);
    assertThat(fromParquet.schema().apply("prediction").dataType().sameType(Predictions.PREDICTION))
        .isTrue();
    assertThat(Expectations.byKey(fromParquet.collectAsList())).isEqualTo(expected);

    String json = tmp.resolve("out-json").toString();
    out.write().json(json);
    Dataset<Row> fromJson = spark.read().schema(out.schema()).json(json);
    assertThat(Expectations.byKey(fromJson.collectAsList())).isEqualTo(expected);
  }

  @Test
  void readmeSnippetRunsAsWritten(SparkSession spark) throws IOException {
    String digests = Fixtures.samples().toString();
    String output = tmp.resolve("readme-topics").toString();
    // tag::spark-classify[]
    Dataset<Row> articles = spark.read().format("newsdesk").load(digests);
    Dataset<Row> tagged = new TopicClassifierTransformer() // built-in model; setModelPath(...) for yours
        .transform(articles);
    tagged.select("source", "line", "title", "prediction.topic", "prediction.score")
        .write().parquet(output);
    // end::spark-classify[]
    Map<String, String> bodies = new java.util.HashMap<>();
    for (Expected.Item a : Expected.articles(Fixtures.sampleFiles(), NewsFormat.LENIENT)) {
      bodies.put(a.file() + ":" + a.line(), a.body());
    }
    List<Row> rows = spark.read().parquet(output).collectAsList();
    assertThat(rows).hasSize(bodies.size());
    for (Row r : rows) {
      String file = Path.of(java.net.URI.create(r.getAs("source"))).toString();
      Prediction p = TopicClassifier.builtIn().predict(r.getAs("title"),
          bodies.get(file + ":" + r.getAs("line")));
      assertThat(r.<String>getAs("topic")).isEqualTo(p.label());
      assertThat(r.<Double>getAs("score")).isEqualTo(p.score());
    }
    assertThat(org.newsdesk.testing.Readme.blocks("java")).as("README's Spark classify snippet")
        .contains(TaggedRegion.of(getClass(), "spark-classify"));
  }

  private static int serializedSize(Object o) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    return bytes.size();
  }
}
