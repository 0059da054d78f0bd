package org.newsdesk.classifier;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import org.newsdesk.core.Article;

/**
 * A trained topic classifier: predicts the topic label of an article or text.
 *
 * <p><b>Thread-safety:</b> instances are immutable and safe to share between threads; any number
 * of threads may call the {@code predict} methods concurrently, and get the same results as one
 * thread would. For speed, each thread that predicts keeps its own cache of analysed tokens for
 * this classifier (at most 50,000 tokens, roughly 5-8 MB when full; emptied, not grown, when
 * full); it is freed with the thread or the classifier.
 *
 * <p>Obtain one by training ({@link TopicTrainer}), by loading a saved model ({@link #load(Path)}),
 * or with {@link #builtIn()}. A model predicts from the same features it was trained on (see
 * {@link TrainingConfig}); a text with none of them gets an {@link Prediction#unknown() unknown}
 * prediction rather than a guess.
 */
public final class TopicClassifier {

  /** Classpath location of the built-in model. */
  static final String BUILT_IN_RESOURCE = "/org/newsdesk/classifier/builtin/topics.bin";

  private static final Object BUILT_IN_LOCK = new Object();


  private static volatile TopicClassifier builtIn;

  private final FeatureExtractor features;
  private final AbstractModel model;
  private final ModelProvenance provenance;
  private final List<String> labels;
  private final String[] outcomes;
  private final Prediction unknown;
  // QN models only: weights laid out by our feature id, then label (see SoftmaxObjective)
  private final float[] dense;

  TopicClassifier(FeatureExtractor features, AbstractModel model, ModelProvenance provenance) {
    this.features = features;
    this.model = model;
    this.provenance = provenance;
    this.outcomes = new String[model.getNumOutcomes()];
    for (int i = 0; i < outcomes.length; i++) {
      outcomes[i] = model.getOutcome(i);
    }
    String[] sorted = outcomes.clone();
    Arrays.sort(sorted);
    this.labels = List.of(sorted);
    List<LabelScore> uniform = new ArrayList<>();
    for (String l : sorted) {
      uniform.add(new LabelScore(l, 1.0 / sorted.length));
    }
    this.unknown = new Prediction(uniform, true);
    this.dense = model instanceof QNModel ? denseWeights(features, model, outcomes.length) : null;
  }

  /**
   * A QN model is plain multinomial logistic regression: evaluating it from a dense array indexed
   * by our feature ids saves the model's per-feature string lookup and Context indirection.
   */
  private static float[] denseWeights(FeatureExtractor fx, AbstractModel model, int labels) {
    Object[] data = model.getDataStructures();
    Context[] params = (Context[]) data[0];
    @SuppressWarnings("unchecked")
    Map<String, Context> pmap = (Map<String, Context>) data[1];
    // float halves the memory the scoring loop streams through; sums stay in double
    float[] w = new float[fx.size() * labels];
    for (int f = 0; f < fx.size(); f++) {
      Context c = pmap.get(fx.name(f));
      if (c == null) {
        continue;
      }
      int[] outs = c.getOutcomes();
      double[] ps = c.getParameters();
      for (int i = 0; i < outs.length; i++) {
        w[f * labels + outs[i]] = (float) ps[i];
      }
    }
    return params.length == 0 ? null : w;
  }

  /**
   * Predicts the topic of an article from its title and body (its category is ignored).
   *
   * @param article the article
   * @return every label's score, best first
   */
  public Prediction predict(Article article) {
    return predict(article.title(), article.body());
  }

  /**
   * Predicts the topic of a titled text.
   *
   * @param title the headline, may be empty
   * @param body the body text
   * @return every label's score, best first
   */
  public Prediction predict(String title, String body) {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
    FeatureExtractor.Vector v = features.vector(title, body);
    if (v.onlyBias()) {
      return unknown;
    }
    int[] ids = v.ids();
    double[] probs;
    if (dense != null) {
      probs = softmax(ids, v.values());
    } else {
      String[] context = new String[ids.length];
      for (int i = 0; i < ids.length; i++) {
        context[i] = features.name(ids[i]);
      }
      probs = model.eval(context, v.values());
    }
    // insertion sort of label indexes: descending score, equal scores by label name
    int[] order = new int[probs.length];
    for (int i = 0; i < order.length; i++) {
      int o = i;
      int j = i;
      while (j > 0 && before(o, order[j - 1], probs)) {
        order[j] = order[j - 1];
        j--;
      }
      order[j] = o;
    }
    LabelScore[] scores = new LabelScore[probs.length];
    for (int i = 0; i < order.length; i++) {
      scores[i] = new LabelScore(outcomes[order[i]], probs[order[i]]);
    }
    // List.of copies once; Prediction's List.copyOf then keeps that list as it is
    return new Prediction(List.of(scores), false);
  }

  private boolean before(int a, int b, double[] probs) {
    int c = Double.compare(probs[b], probs[a]);
    return c != 0 ? c < 0 : outcomes[a].compareTo(outcomes[b]) < 0;
  }

  private double[] softmax(int[] ids, float[] values) {
    int labels = outcomes.length;
    double[] s = new double[labels];
    for (int i = 0; i < ids.length; i++) {
      int base = ids[i] * labels;
      double v = values[i];
      for (int k = 0; k < labels; k++) {
        s[k] += v * dense[base + k];
      }
    }
    SoftmaxObjective.softmax(s);
    return s;
  }

  /**
   * Predicts the topic of a text without a title.
   *
   * @param text the text
   * @return every label's score, best first
   */
  public Prediction predict(String text) {
    return predict("", text);
  }

  /**
   * Predicts the topics of a stream of articles, lazily and in order. A parallel input stream is
   * processed in parallel.
   *
   * @param articles the articles
   * @return one prediction per article, in the same order
   */
  public Stream<Prediction> predictAll(Stream<Article> articles) {
    return articles.map(this::predict);
  }

  /**
   * Returns the labels this model can predict.
   *
   * @return the labels, sorted
   */
  public List<String> labels() {
    return labels;
  }

  /**
   * Returns where this model came from: versions, training configuration, labels, example counts
   * and the training-data hash.
   *
   * @return the provenance
   */
  public ModelProvenance provenance() {
    return provenance;
  }

  /**
   * Saves this model to a file, replacing it if it exists.
   *
   * @param file the file to write
   * @throws IOException if writing fails
   */
  public void save(Path file) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      save(out);
    }
  }

  /**
   * Writes this model to a stream, which is flushed but not closed.
   *
   * @param out the stream
   * @throws IOException if writing fails
   */
  public void save(OutputStream out) throws IOException {
    ModelIO.write(this, out);
  }

  /**
   * Loads a model saved by {@link #save(Path)}.
   *
   * @param file the file
   * @return the classifier
   * @throws ModelLoadException if the file is not a Newsdesk topic model, or is truncated or
   *     corrupted; the message names the file
   * @throws IOException if reading fails
   */
  public static TopicClassifier load(Path file) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      return ModelIO.read(in, file.toString());
    }
  }

  /**
   * Loads a model saved by {@link #save(OutputStream)}. Reads exactly the saved model's bytes and
   * does not close the stream.
   *
   * @param in the stream
   * @return the classifier
   * @throws ModelLoadException if the stream does not hold a Newsdesk topic model, or it is
   *     truncated or corrupted
   * @throws IOException if reading fails
   */
  public static TopicClassifier load(InputStream in) throws IOException {
    return ModelIO.read(in, "<stream>");
  }

  /**
   * Returns the built-in model, loaded from the classpath resource {@value #BUILT_IN_RESOURCE} on
   * first use and cached.
   *
   * @return the shared built-in classifier
   * @throws IllegalStateException if the resource is not on the classpath
   * @throws UncheckedIOException if the resource cannot be read or is not a valid model (the
   *     cause is then a {@link ModelLoadException})
   */
  public static TopicClassifier builtIn() {
    TopicClassifier c = builtIn;
    if (c == null) {
      synchronized (BUILT_IN_LOCK) {
        c = builtIn;
        if (c == null) {
          c = loadResource(BUILT_IN_RESOURCE);
          builtIn = c;
        }
      }
    }
    return c;
  }

  static TopicClassifier loadResource(String resource) {
    InputStream raw = TopicClassifier.class.getResourceAsStream(resource);
    if (raw == null) {
      throw new IllegalStateException(
          "built-in topic model not found: classpath resource "
              + resource
              + " is missing; train a model with TopicTrainer and use TopicClassifier.load instead");
    }
    try (InputStream in = new BufferedInputStream(raw)) {
      return ModelIO.read(in, "classpath:" + resource);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load built-in topic model " + resource, e);
    }
  }

  FeatureExtractor features() {
    return features;
  }

  AbstractModel model() {
    return model;
  }

  @Override
  public String toString() {
    return "TopicClassifier"
        + labels
        + " ("
        + provenance.config().algorithm()
        + ", "
        + provenance.featureCount()
        + " features, "
        + provenance.examples()
        + " training examples)";
  }
}
