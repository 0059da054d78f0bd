package org.newsdesk.classifier;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizer;
import org.newsdesk.core.Article;
import org.newsdesk.core.AtomicFiles;

/**
 * A trained topic classifier: predicts the topic label of an article or text.
 *
 * <p>Obtain one with {@link #builtIn()} (customs and trade news, eight topics), by training
 * ({@link TopicTrainer}), by loading a saved model ({@link #load(Path)}), or by wrapping an Apache
 * OpenNLP document-categorizer model ({@link #of(DoccatModel)}). Each prediction lists every
 * label's score, best first.
 *
 * <p>A Newsdesk model predicts from the features its {@link FeaturePipeline} extracts; a text with
 * none of them gets an {@linkplain Prediction#unknown() unknown} prediction rather than a guess.
 * An OpenNLP model scores a text exactly as OpenNLP's {@code Doccat} tool scores it as one line
 * (title and body joined with a space, whitespace tokens), and always answers.
 *
 * <p><b>OpenNLP interoperability.</b> {@link #load(Path)} reads both Newsdesk model files and
 * OpenNLP doccat model files, telling them apart by their content; {@link #of(DoccatModel)} wraps
 * a model already in memory, and {@link #asDocumentCategorizer()} lets OpenNLP code use any
 * classifier as a {@code DocumentCategorizer}.
 *
 * <p><b>Thread-safety:</b> instances are immutable and safe to share between threads; any number
 * of threads may call the {@code predict} methods concurrently and get the same results as one
 * thread would. For speed, each thread that predicts keeps its own cache of analysed tokens for
 * this classifier (at most 50,000 words, roughly 5-8 MB when full; emptied, not grown, when full;
 * and the last 4,096 or fewer numbers apart); it is freed with the thread or the classifier.
 */
public final class TopicClassifier {

  /** Classpath location of the built-in model. */
  static final String BUILT_IN_RESOURCE = "/org/newsdesk/classifier/builtin/topics.bin";

  private static final Object BUILT_IN_LOCK = new Object();
  private static volatile TopicClassifier builtIn;

  private final Model model;
  private final Optional<ModelProvenance> provenance;
  private final String[] outcomes;
  private final int[] tieRanks;
  private final List<String> labels;
  private final Prediction unknown;

  TopicClassifier(Model model, ModelProvenance provenance) {
    this.model = model;
    this.provenance = Optional.ofNullable(provenance);
    this.outcomes = model.outcomes();
    this.tieRanks = model.tieRanks();
    String[] sorted = outcomes.clone();
    Arrays.sort(sorted);
    this.labels = List.of(sorted);
    List<LabelScore> uniform = new ArrayList<>(sorted.length);
    for (String l : sorted) {
      uniform.add(new LabelScore(l, 1.0 / sorted.length));
    }
    this.unknown = new Prediction(uniform, true);
  }

  /**
   * Wraps an Apache OpenNLP document-categorizer model, trained with {@code
   * DocumentCategorizerME.train} or OpenNLP's {@code DoccatTrainer} tool. The classifier scores a
   * text as OpenNLP's {@code Doccat} tool does for the text as one line: the title and body joined
   * with a space, split into whitespace tokens, then {@code DocumentCategorizerME.categorize}.
   * Its predictions are never {@linkplain Prediction#unknown() unknown}, equal scores are listed
   * in the model's own category order (so the best label is OpenNLP's {@code getBestCategory}),
   * it has no {@link #provenance()}, and {@link #save} writes it back as an OpenNLP model file.
   * Scores are always probabilities: where a GIS model's own {@code eval} overflows (parameters
   * in the hundreds: infinity over infinity, NaN), they are computed again from its parameters
   * with the largest sum subtracted first; should another model type answer NaN, the labels
   * scored NaN share the probability equally and the others get 0 (the limit of the overflow).
   *
   * @param model the OpenNLP model
   * @return a classifier using it
   * @throws IllegalArgumentException if the model's feature generators cannot be created (its
   *     manifest names a class OpenNLP cannot load as one), or a category is not a label a model
   *     can have (see {@link LabeledText}: blank, {@link Evaluation#UNKNOWN}, or holding a control
   *     character, a line or paragraph separator or a bidirectional-text control)
   */
  public static TopicClassifier of(DoccatModel model) {
    return new TopicClassifier(new DoccatClassifier(Objects.requireNonNull(model, "model")), null);
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
    double[] probs = model.probabilities(title, body);
    if (probs == null) {
      return unknown;
    }
    return new Prediction(new RankedScores(outcomes, probs, tieRanks), false);
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
   * Returns where this model came from: pipeline, learner, training data and run. A wrapped
   * OpenNLP model has none.
   *
   * @return the provenance, empty for an OpenNLP doccat model
   */
  public Optional<ModelProvenance> provenance() {
    return provenance;
  }

  /**
   * Returns this classifier as an OpenNLP {@code DocumentCategorizer}, for code written against
   * OpenNLP's doccat API. Its categories are {@link #labels()}, in that order; {@code
   * categorize(tokens)} predicts the tokens joined with spaces (as one body text, no title) and
   * returns every category's score (uniform for an unknown text); extra information is ignored.
   * Thread-safe, like this classifier.
   *
   * @return a categorizer backed by this classifier
   */
  public DocumentCategorizer asDocumentCategorizer() {
    return new CategorizerAdapter(this);
  }

  /**
   * Saves this model to a file, replacing it if it exists, atomically: the model is written to a
   * temporary file in the same directory and moved into place, so a failed save (a full disk, a
   * file-size limit) leaves the previous file as it was (see {@link AtomicFiles}). A Newsdesk
   * model is written in Newsdesk's format; a wrapped OpenNLP model as an OpenNLP doccat model
   * file.
   *
   * @param file the file to write
   * @throws IOException if writing fails; the message names the file
   */
  public void save(Path file) throws IOException {
    AtomicFiles.write(file, this::save);
  }

  /**
   * Writes this model to a stream, which is flushed but not closed.
   *
   * @param out the stream
   * @throws IOException if writing fails
   */
  public void save(OutputStream out) throws IOException {
    if (model instanceof DoccatClassifier d) {
      // serialize() closes the stream it writes to: shield the caller's
      d.model().serialize(new UnclosableOutputStream(out));
      out.flush();
    } else {
      ModelIO.write(this, out);
    }
  }

  /**
   * Loads a model file: one saved by {@link #save(Path)}, or an OpenNLP doccat model file
   * (recognised by its content, loaded as {@link #of(DoccatModel)} would wrap it).
   *
   * <p>Model files are treated as untrusted input: loading reads at most the file's size, checks
   * every count, index and number against the bytes actually present before using it, caps
   * decompression, and fails at load time, never later at prediction time. Loading an OpenNLP
   * model may make OpenNLP instantiate the tool factory and feature generators its manifest
   * names, only from packages OpenNLP's {@code ExtensionLoader} allows ({@code opennlp.} unless
   * the application registered more); a manifest naming its own artifact serializers is refused.
   *
   * @param file the file
   * @return the classifier
   * @throws ModelLoadException if the file is not a model this library reads (a directory
   *     included), or is truncated, corrupted or implausible; the message names the file and what
   *     is wrong
   * @throws IOException if reading fails (the message names the file)
   */
  public static TopicClassifier load(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new ModelLoadException(file + ": a directory, not a model file");
    }
    long size = Files.size(file);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      return ModelIO.read(in, file.toString(), size);
    } catch (ModelLoadException e) {
      throw e;
    } catch (IOException e) {
      throw new IOException(file + ": cannot read the model file (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Loads a model from a stream, as {@link #load(Path)} does. A Newsdesk model is read exactly
   * (the stream is left just after it); an OpenNLP model is read to the end of the stream. The
   * stream is not closed.
   *
   * @param in the stream
   * @return the classifier
   * @throws ModelLoadException if the stream does not hold a model this library reads, or it is
   *     truncated, corrupted or implausible
   * @throws IOException if reading fails
   */
  public static TopicClassifier load(InputStream in) throws IOException {
    return ModelIO.read(in, "<stream>", -1);
  }

  /**
   * Returns the built-in customs and trade model, loaded from the classpath resource {@value
   * #BUILT_IN_RESOURCE} on first use and cached.
   *
   * @return the shared built-in classifier
   * @throws ModelLoadException if the resource is missing from the classpath, cannot be read or
   *     is not a valid model, as {@link #load(Path)} reports a bad file
   */
  public static TopicClassifier builtIn() throws ModelLoadException {
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

  static TopicClassifier loadResource(String resource) throws ModelLoadException {
    String source = "classpath:" + resource;
    InputStream raw = TopicClassifier.class.getResourceAsStream(resource);
    if (raw == null) {
      throw new ModelLoadException(
          source + ": the built-in topic model is missing from the classpath; train a model with"
              + " TopicTrainer and use TopicClassifier.load instead");
    }
    try (InputStream in = new BufferedInputStream(raw)) {
      return ModelIO.read(in, source, -1);
    } catch (ModelLoadException e) {
      throw e;
    } catch (IOException e) {
      throw new ModelLoadException(source + ": cannot read the built-in model: " + e.getMessage(), e);
    }
  }

  Model model() {
    return model;
  }

  /**
   * Returns a one-line description: labels, kind of model, features and training examples.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "TopicClassifier"
        + labels
        + " ("
        + model.describe()
        + provenance.map(p -> ", " + p.examples() + " training examples").orElse("")
        + ")";
  }

  /** Passes writes through but ignores close(), for APIs that close the stream they write. */
  private static final class UnclosableOutputStream extends java.io.FilterOutputStream {
    UnclosableOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
