package org.newsdesk.spark;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.newsdesk.classifier.ModelLoadException;
import org.newsdesk.classifier.TopicClassifier;

/**
 * A Spark ML {@link Transformer} that tags each row with a Newsdesk topic prediction: the same
 * topic and scores {@link TopicClassifier#predict(String, String)} gives for the row's title and
 * body.
 *
 * <pre>{@code
 * Dataset<Row> articles = spark.read().format("newsdesk").load("digests/");
 * Dataset<Row> tagged = new TopicClassifierTransformer().transform(articles);
 * tagged.select("title", "prediction.topic", "prediction.score").show();
 * }</pre>
 *
 * <p>Params, all optional:
 *
 * <ul>
 *   <li>{@code modelPath}: a model saved by {@link TopicClassifier#save} or an OpenNLP doccat
 *       model file (whatever {@link TopicClassifier#load(java.io.InputStream)} reads), as a Hadoop
 *       path ({@code hdfs://}, {@code s3a://}, {@code file:} or a path on the default file
 *       system); empty (the default) means {@link TopicClassifier#builtIn() the built-in model};
 *   <li>{@code titleCol} (default {@code title}) and {@code bodyCol} (default {@code body}):
 *       string columns; a {@code null} value counts as empty;
 *   <li>{@code outputCol} (default {@code prediction}): the new column, which must not exist yet;
 *       column names are matched as the session resolves them, ignoring case unless {@code
 *       spark.sql.caseSensitive} is true, so {@code titleCol=Title} finds {@code title} and an
 *       input column {@code Prediction} counts as existing;
 *   <li>{@code topK} (default 3, at least 1): how many labels {@code scores} lists;
 *   <li>{@code minScore} (default 0, in [0, 1]): below this best score the topic is {@code null}.
 * </ul>
 *
 * <p>The output column is a non-null struct: {@code topic} (string; {@code null} when the text
 * shares no feature with the model or the best score is below {@code minScore}), {@code score}
 * (double, the best label's probability) and {@code scores} (array of {@code label}/{@code score}
 * structs, best first, {@code topK} long or every label if there are fewer).
 *
 * <p>The classifier is never serialized. The built-in model is loaded from the jar once per
 * executor JVM. A custom model is read and validated by the driver when {@link #transform} is
 * called, so a bad model fails there, before any task runs; its bytes are then shipped to the
 * executors as a broadcast and loaded once per executor JVM.
 *
 * <p>The transformer is {@link DefaultParamsWritable writable}: saved alone or in a {@code
 * Pipeline}, it stores its params (the model path, not the model). Read it back with {@link
 * #load(String)} or {@code PipelineModel.load}.
 */
public final class TopicClassifierTransformer extends Transformer
    implements DefaultParamsWritable {

  private static final long serialVersionUID = 1L;

  private static final DefaultParamsReadable<TopicClassifierTransformer> READABLE =
      new DefaultParamsReadable<>() {};

  /** This stage's unique id. */
  private final String uid;
  /** Hadoop path of a saved model; empty for the built-in model. */
  private final Param<String> modelPath;
  /** The title column. */
  private final Param<String> titleCol;
  /** The body column. */
  private final Param<String> bodyCol;
  /** The output column. */
  private final Param<String> outputCol;
  /** How many labels {@code scores} lists. */
  private final IntParam topK;
  /** The best score below which the topic is null. */
  private final DoubleParam minScore;

  /** Creates a transformer with every param at its default: the built-in model. */
  public TopicClassifierTransformer() {
    this(Identifiable.randomUID("newsdeskTopic"));
  }

  /**
   * Creates a transformer with the given unique id; used when reading a saved transformer.
   *
   * @param uid the unique id
   */
  public TopicClassifierTransformer(String uid) {
    this.uid = uid;
    modelPath =
        new Param<>(
            this,
            "modelPath",
            "Hadoop path of a saved Newsdesk topic model or OpenNLP doccat model; empty for the"
                + " built-in model");
    titleCol = new Param<>(this, "titleCol", "title column (string)");
    bodyCol = new Param<>(this, "bodyCol", "body column (string)");
    outputCol = new Param<>(this, "outputCol", "output column (prediction struct)");
    topK =
        new IntParam(
            this, "topK", "how many labels `scores` lists (>= 1)", ParamValidators.gtEq(1));
    minScore =
        new DoubleParam(
            this,
            "minScore",
            "best score below which the topic is null (in [0, 1])",
            ParamValidators.inRange(0.0, 1.0));
    setDefault(modelPath, "");
    setDefault(titleCol, "title");
    setDefault(bodyCol, "body");
    setDefault(outputCol, "prediction");
    setDefault(topK, 3);
    setDefault(minScore, 0.0);
  }

  @Override
  public String uid() {
    return uid;
  }

  /**
   * The model path param.
   *
   * @return the param
   */
  public Param<String> modelPath() {
    return modelPath;
  }

  /**
   * The title column param.
   *
   * @return the param
   */
  public Param<String> titleCol() {
    return titleCol;
  }

  /**
   * The body column param.
   *
   * @return the param
   */
  public Param<String> bodyCol() {
    return bodyCol;
  }

  /**
   * The output column param.
   *
   * @return the param
   */
  public Param<String> outputCol() {
    return outputCol;
  }

  /**
   * The top-K param.
   *
   * @return the param
   */
  public IntParam topK() {
    return topK;
  }

  /**
   * The minimum-score param.
   *
   * @return the param
   */
  public DoubleParam minScore() {
    return minScore;
  }

  /**
   * Returns the model path.
   *
   * @return the Hadoop path of the model, or empty for the built-in model
   */
  public String getModelPath() {
    return getOrDefault(modelPath);
  }

  /**
   * Returns the title column.
   *
   * @return the column name
   */
  public String getTitleCol() {
    return getOrDefault(titleCol);
  }

  /**
   * Returns the body column.
   *
   * @return the column name
   */
  public String getBodyCol() {
    return getOrDefault(bodyCol);
  }

  /**
   * Returns the output column.
   *
   * @return the column name
   */
  public String getOutputCol() {
    return getOrDefault(outputCol);
  }

  /**
   * Returns how many labels {@code scores} lists.
   *
   * @return top K
   */
  public int getTopK() {
    return (Integer) getOrDefault(topK);
  }

  /**
   * Returns the best score below which the topic is {@code null}.
   *
   * @return the minimum score
   */
  public double getMinScore() {
    return (Double) getOrDefault(minScore);
  }

  /**
   * Uses a saved model instead of the built-in one.
   *
   * @param value a Hadoop path ({@code hdfs://}, {@code s3a://}, {@code file:}, or a path on the
   *     default file system); empty for the built-in model
   * @return this transformer
   */
  public TopicClassifierTransformer setModelPath(String value) {
    set(modelPath, value);
    return this;
  }

  /**
   * Sets the title column.
   *
   * @param value a string column
   * @return this transformer
   */
  public TopicClassifierTransformer setTitleCol(String value) {
    set(titleCol, value);
    return this;
  }

  /**
   * Sets the body column.
   *
   * @param value a string column
   * @return this transformer
   */
  public TopicClassifierTransformer setBodyCol(String value) {
    set(bodyCol, value);
    return this;
  }

  /**
   * Sets the output column.
   *
   * @param value a column name not in the input
   * @return this transformer
   */
  public TopicClassifierTransformer setOutputCol(String value) {
    set(outputCol, value);
    return this;
  }

  /**
   * Sets how many labels {@code scores} lists.
   *
   * @param value at least 1
   * @return this transformer
   * @throws IllegalArgumentException if {@code value} is below 1
   */
  public TopicClassifierTransformer setTopK(int value) {
    set(topK, value);
    return this;
  }

  /**
   * Sets the best score below which the topic is {@code null}.
   *
   * @param value between 0 and 1
   * @return this transformer
   * @throws IllegalArgumentException if {@code value} is outside [0, 1]
   */
  public TopicClassifierTransformer setMinScore(double value) {
    set(minScore, value);
    return this;
  }

  /**
   * Adds the prediction column. A custom model is read and validated here, on the driver.
   *
   * @param dataset rows with the title and body columns
   * @return the rows with the prediction column added
   * @throws IllegalArgumentException if a column is missing, ambiguous or not a string, or the
   *     output column exists
   * @throws java.io.UncheckedIOException if the model cannot be read, or (cause {@link
   *     ModelLoadException}) is not a valid model; the message names the path
   */
  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    // the names are checked as this dataset's session resolves them, as withColumn and col will
    check(dataset.schema(), caseSensitive(dataset.sparkSession()));
    ModelSource model = ModelSource.resolve(dataset.sparkSession(), getModelPath());
    PredictionUdf udf = new PredictionUdf(model, getTopK(), getMinScore());
    return dataset.withColumn(
        getOutputCol(),
        udf.udf("newsdesk_prediction")
            .apply(dataset.col(quote(getTitleCol())), dataset.col(quote(getBodyCol()))));
  }

  /**
   * Checks the input schema and returns the output schema. Column names are compared as the
   * active Spark session resolves them: ignoring case unless {@code spark.sql.caseSensitive} is
   * true (Spark's default when there is no session), so a column this transformer would replace
   * or could not tell apart is reported here, as {@link #transform} reports it.
   *
   * @param schema the input schema
   * @return the input schema plus the prediction struct column
   * @throws IllegalArgumentException if a column is missing, ambiguous or not a string, or the
   *     output column exists
   */
  @Override
  public StructType transformSchema(StructType schema) {
    SparkSession active = SparkSession.getActiveSession().isDefined()
        ? SparkSession.getActiveSession().get()
        : SparkSession.getDefaultSession().getOrElse(() -> null);
    return check(schema, active != null && caseSensitive(active));
  }

  /** Whether the session tells column names apart by case ({@code spark.sql.caseSensitive}). */
  private static boolean caseSensitive(SparkSession session) {
    return Boolean.parseBoolean(session.conf().get("spark.sql.caseSensitive", "false").trim());
  }

  private StructType check(StructType schema, boolean caseSensitive) {
    requireString(schema, getTitleCol(), "titleCol", caseSensitive);
    requireString(schema, getBodyCol(), "bodyCol", caseSensitive);
    String out = getOutputCol();
    List<StructField> existing = matching(schema, out, caseSensitive);
    if (!existing.isEmpty()) {
      throw new IllegalArgumentException(
          "outputCol " + out + " already exists in the input"
              + (existing.get(0).name().equals(out) ? "" : " as " + existing.get(0).name())
              + "; choose another name");
    }
    return schema.add(DataTypes.createStructField(out, Predictions.PREDICTION, false));
  }

  private static void requireString(
      StructType schema, String column, String param, boolean caseSensitive) {
    List<StructField> found = matching(schema, column, caseSensitive);
    if (found.isEmpty()) {
      throw new IllegalArgumentException(
          param
              + " "
              + column
              + " is not a column of the input; columns: "
              + String.join(", ", schema.fieldNames()));
    }
    if (found.size() > 1) {
      throw new IllegalArgumentException(
          param
              + " "
              + column
              + " is ambiguous: it matches the columns "
              + found.stream().map(StructField::name).collect(Collectors.joining(", "))
              + " (spark.sql.caseSensitive is false)");
    }
    StructField field = found.get(0);
    if (!field.dataType().equals(DataTypes.StringType)) {
      throw new IllegalArgumentException(
          param + " " + column + " must be a string column, is " + field.dataType().simpleString());
    }
  }

  /** The top-level fields a name refers to, as Spark's resolver compares names. */
  private static List<StructField> matching(
      StructType schema, String name, boolean caseSensitive) {
    return Arrays.stream(schema.fields())
        .filter(f -> caseSensitive ? f.name().equals(name) : f.name().equalsIgnoreCase(name))
        .toList();
  }

  /** A column name as a literal identifier, so dots and backticks in it are not syntax. */
  private static String quote(String column) {
    return "`" + column.replace("`", "``") + "`";
  }

  /**
   * Copies this transformer with extra params.
   *
   * @param extra params to set on the copy
   * @return the copy
   */
  @Override
  public TopicClassifierTransformer copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  /**
   * Returns a reader for saved transformers.
   *
   * @return the reader
   */
  public static MLReader<TopicClassifierTransformer> read() {
    return READABLE.read();
  }

  /**
   * Reads a transformer saved with {@code write().save(path)}.
   *
   * @param path the directory it was saved to
   * @return the transformer
   */
  public static TopicClassifierTransformer load(String path) {
    return READABLE.load(path);
  }

  @Override
  public String toString() {
    return "TopicClassifierTransformer: uid="
        + uid
        + ", model="
        + (getModelPath().isEmpty() ? "built-in" : getModelPath());
  }
}
