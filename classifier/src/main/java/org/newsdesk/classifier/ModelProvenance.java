package org.newsdesk.classifier;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a Newsdesk model came from, saved with it and restored on load: how it was trained (the
 * {@link FeaturePipeline} and {@link Learner}), on what (labels, examples per label, a hash of
 * the training data and a compact sketch of its texts), and by which run (seed, threads, library
 * and runtime versions, time).
 *
 * <p>Two models trained with the same pipeline, learner and data ({@link #sameTraining}) predict
 * the same on any machine up to floating-point rounding; the seed and thread count are recorded
 * but only the perceptron (seed) and GIS (threads) results depend on them.
 *
 * <p>{@link #mayHaveTrainedOn} tells whether a text was probably one of the training texts, so
 * that an evaluation can warn when it measures a model on its own training data: it never misses
 * a training text, and reports a text that was not one with probability {@link
 * #sketchFalsePositiveRate()} (about 0.05 % up to 524,288 training texts, more beyond; see the
 * README). Immutable and thread-safe; equal when every recorded fact is.
 */
public final class ModelProvenance {

  private final FeaturePipeline pipeline;
  private final Learner learner;
  private final List<String> labels;
  private final Map<String, Integer> examplesPerLabel;
  private final int featureCount;
  private final String dataSha256;
  private final long seed;
  private final int threads;
  private final String libraryVersion;
  private final String opennlpVersion;
  private final String javaVersion;
  private final String javaVendor;
  private final String os;
  private final String arch;
  private final Instant created;
  private final TextSketch sketch;

  ModelProvenance(
      FeaturePipeline pipeline,
      Learner learner,
      Map<String, Integer> examplesPerLabel,
      int featureCount,
      String dataSha256,
      long seed,
      int threads,
      Map<String, String> runtime,
      Instant created,
      TextSketch sketch) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.learner = Objects.requireNonNull(learner, "learner");
    this.examplesPerLabel = Collections.unmodifiableMap(new TreeMap<>(examplesPerLabel));
    this.labels = List.copyOf(this.examplesPerLabel.keySet());
    this.featureCount = featureCount;
    this.dataSha256 = Objects.requireNonNull(dataSha256, "dataSha256");
    this.seed = seed;
    this.threads = threads;
    this.libraryVersion = required(runtime, LIBRARY_VERSION);
    this.opennlpVersion = required(runtime, OPENNLP_VERSION);
    this.javaVersion = required(runtime, JAVA_VERSION);
    this.javaVendor = required(runtime, JAVA_VENDOR);
    this.os = required(runtime, OS);
    this.arch = required(runtime, ARCH);
    this.created = Objects.requireNonNull(created, "created");
    this.sketch = Objects.requireNonNull(sketch, "sketch");
  }

  static final String LIBRARY_VERSION = "library-version";
  static final String OPENNLP_VERSION = "opennlp-version";
  static final String JAVA_VERSION = "java-version";
  static final String JAVA_VENDOR = "java-vendor";
  static final String OS = "os";
  static final String ARCH = "arch";

  private static String required(Map<String, String> m, String key) {
    return Objects.requireNonNull(m.get(key), key);
  }

  /** The runtime facts of this JVM, under the keys the model file uses. */
  static Map<String, String> currentRuntime() {
    Map<String, String> m = new TreeMap<>();
    m.put(LIBRARY_VERSION, TopicTrainer.libraryVersion());
    m.put(OPENNLP_VERSION, opennlp.tools.util.Version.currentVersion().toString());
    m.put(JAVA_VERSION, System.getProperty("java.version", "unknown"));
    m.put(JAVA_VENDOR, System.getProperty("java.vendor", "unknown"));
    m.put(OS, System.getProperty("os.name", "unknown") + " " + System.getProperty("os.version", ""));
    m.put(ARCH, System.getProperty("os.arch", "unknown"));
    return m;
  }

  /** The runtime facts, under the keys the model file uses. */
  Map<String, String> runtime() {
    Map<String, String> m = new TreeMap<>();
    m.put(LIBRARY_VERSION, libraryVersion);
    m.put(OPENNLP_VERSION, opennlpVersion);
    m.put(JAVA_VERSION, javaVersion);
    m.put(JAVA_VENDOR, javaVendor);
    m.put(OS, os);
    m.put(ARCH, arch);
    return m;
  }

  TextSketch sketch() {
    return sketch;
  }

  /**
   * Returns how texts were turned into features.
   *
   * @return the feature pipeline
   */
  public FeaturePipeline pipeline() {
    return pipeline;
  }

  /**
   * Returns the learning algorithm and its options.
   *
   * @return the learner
   */
  public Learner learner() {
    return learner;
  }

  /**
   * Returns the labels the model predicts.
   *
   * @return the labels, sorted
   */
  public List<String> labels() {
    return labels;
  }

  /**
   * Returns the number of training examples of each label.
   *
   * @return an unmodifiable map sorted by label
   */
  public Map<String, Integer> examplesPerLabel() {
    return examplesPerLabel;
  }

  /**
   * Returns the total number of training examples.
   *
   * @return the sum of {@link #examplesPerLabel()}
   */
  public int examples() {
    return examplesPerLabel.values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * Returns the number of features the model uses, including one constant bias feature.
   *
   * @return the feature count
   */
  public int featureCount() {
    return featureCount;
  }

  /**
   * Returns the hex SHA-256 of the training data: each example's label, title and body, in
   * training order. Equal hashes mean the same examples in the same order.
   *
   * @return 64 lower-case hex digits
   */
  public String dataSha256() {
    return dataSha256;
  }

  /**
   * Returns the seed of the training run (it fixes the order in which the perceptron sees the
   * examples; the other learners do not depend on it).
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Returns the number of threads the training run used.
   *
   * @return the thread count
   */
  public int threads() {
    return threads;
  }

  /**
   * Returns the version of the Newsdesk classifier library that trained the model.
   *
   * @return the version, e.g. {@code 0.1.0}
   */
  public String libraryVersion() {
    return libraryVersion;
  }

  /**
   * Returns the version of Apache OpenNLP the training ran with.
   *
   * @return the version, e.g. {@code 2.5.11}
   */
  public String opennlpVersion() {
    return opennlpVersion;
  }

  /**
   * Returns the Java version of the training run ({@code java.version}).
   *
   * @return the Java version
   */
  public String javaVersion() {
    return javaVersion;
  }

  /**
   * Returns the Java vendor of the training run ({@code java.vendor}).
   *
   * @return the vendor
   */
  public String javaVendor() {
    return javaVendor;
  }

  /**
   * Returns the operating system of the training run ({@code os.name} and {@code os.version}).
   *
   * @return the operating system
   */
  public String os() {
    return os;
  }

  /**
   * Returns the processor architecture of the training run ({@code os.arch}).
   *
   * @return the architecture
   */
  public String arch() {
    return arch;
  }

  /**
   * Returns when training finished.
   *
   * @return the time
   */
  public Instant created() {
    return created;
  }

  /**
   * Tells whether this and another model were trained the same way on the same data: equal
   * pipelines, learners and data hashes. Such models predict the same up to floating-point
   * rounding, whatever the machine, seed (except for the perceptron) or thread count.
   *
   * @param other the other provenance
   * @return {@code true} if pipeline, learner and data hash are equal
   */
  public boolean sameTraining(ModelProvenance other) {
    return pipeline.equals(other.pipeline)
        && learner.equals(other.learner)
        && dataSha256.equals(other.dataSha256);
  }

  /**
   * Tells whether a text was probably a training text (title and body compared with runs of
   * whitespace collapsed; the label is ignored). Never {@code false} for a training text;
   * {@code true} for another text with probability {@link #sketchFalsePositiveRate()}.
   *
   * @param title the title
   * @param body the body
   * @return {@code true} if the text was probably trained on
   */
  public boolean mayHaveTrainedOn(String title, String body) {
    return sketch.mightContain(TextSketch.hash(title, body));
  }

  /**
   * Returns the probability that {@link #mayHaveTrainedOn} answers {@code true} for a text that
   * was not a training text.
   *
   * @return the false-positive rate
   */
  public double sketchFalsePositiveRate() {
    return sketch.falsePositiveRate();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ModelProvenance p
        && pipeline.equals(p.pipeline)
        && learner.equals(p.learner)
        && examplesPerLabel.equals(p.examplesPerLabel)
        && featureCount == p.featureCount
        && dataSha256.equals(p.dataSha256)
        && seed == p.seed
        && threads == p.threads
        && runtime().equals(p.runtime())
        && created.equals(p.created)
        && sketch.equals(p.sketch);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pipeline, learner, examplesPerLabel, featureCount, dataSha256, created);
  }

  /**
   * Returns a multi-line description: learner, pipeline, data, run.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "learner: " + learner
        + "\npipeline: " + pipeline
        + "\nlabels: " + examplesPerLabel
        + "\nexamples: " + examples() + ", features: " + featureCount
        + "\ndata sha256: " + dataSha256
        + "\nrun: seed " + seed + ", " + threads + (threads == 1 ? " thread" : " threads")
        + ", Newsdesk " + libraryVersion + ", OpenNLP " + opennlpVersion + ", Java " + javaVersion
        + " (" + javaVendor + "), " + os + " " + arch + ", " + created;
  }
}
