package org.newsdesk.classifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Objects;
import java.util.Properties;
import org.newsdesk.core.Article;

/**
 * Trains {@link TopicClassifier}s from labeled examples: a {@link FeaturePipeline} turns texts
 * into features, a {@link Learner} fits a model to them.
 *
 * <pre>{@code
 * TopicClassifier classifier = TopicTrainer.withDefaults().train(examples);
 * TopicTrainer mine = new TopicTrainer(FeaturePipeline.parse("ngrams=1-3"), new Learner.Gis(50));
 * }</pre>
 *
 * <p><b>Memory.</b> Training does not keep the examples: it iterates over them {@value #PASSES}
 * times (counting n-grams under 64-bit hashes, naming the kept ones, building the feature
 * vectors), so pass an {@code Iterable} that can be iterated again and gives the same examples in
 * the same order each time, such as a {@code List} or one that re-reads files. What it holds is
 * the n-gram counts (12 bytes per distinct n-gram, first pass only), the sparse feature matrix
 * (about 8 bytes per feature occurrence) and, for {@link Learner.MaxEnt}, about {@code 17 *
 * features * labels} doubles of optimiser state. If the heap is too small, training fails with an
 * {@link OutOfMemoryError} whose message says how much memory the run needed, how much the JVM
 * allows, and what helps where it ran out (fewer n-gram lengths while counting; then {@code
 * max-features} or {@code min-df}, or fewer examples or labels when their scores are most of it),
 * as soon as
 * the need is known (before the optimiser starts) or when the heap actually runs out; the
 * partly trained state is then garbage.
 *
 * <p>Training is deterministic: the same examples (in the same order), pipeline, learner and seed
 * give the same model; for {@link Learner.MaxEnt} the thread count does not matter either. The
 * seed and thread count are properties of the run, recorded in the model's {@link
 * ModelProvenance}. A trainer is immutable: one instance may be used from several threads.
 */
public final class TopicTrainer {

  /** How many times {@link #train} iterates over the examples. */
  public static final int PASSES = 3;

  /** The largest thread count accepted. */
  public static final int MAX_THREADS = 256;

  /** Default training threads: the available processors, at most 4. */
  static final int DEFAULT_THREADS = Math.min(4, Runtime.getRuntime().availableProcessors());

  /** The default seed. */
  static final long DEFAULT_SEED = 42;

  private static final TopicTrainer DEFAULTS =
      new TopicTrainer(FeaturePipeline.defaults(), Learner.defaults(), DEFAULT_SEED, DEFAULT_THREADS);

  private final FeaturePipeline pipeline;
  private final Learner learner;
  private final long seed;
  private final int threads;

  /**
   * Creates a trainer with the default seed (42) and thread count (the available processors, at
   * most 4).
   *
   * @param pipeline how texts become features
   * @param learner the algorithm and its options
   */
  public TopicTrainer(FeaturePipeline pipeline, Learner learner) {
    this(pipeline, learner, DEFAULT_SEED, DEFAULT_THREADS);
  }

  private TopicTrainer(FeaturePipeline pipeline, Learner learner, long seed, int threads) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.learner = Objects.requireNonNull(learner, "learner");
    this.seed = seed;
    this.threads = Settings.checkRange("threads", threads, 1, MAX_THREADS);
  }

  /**
   * Returns a trainer with {@link FeaturePipeline#defaults()}, {@link Learner#defaults()}, seed
   * 42 and the default thread count.
   *
   * @return the default trainer
   */
  public static TopicTrainer withDefaults() {
    return DEFAULTS;
  }

  /**
   * Returns a copy with another feature pipeline.
   *
   * @param value the pipeline
   * @return the copy
   */
  public TopicTrainer withPipeline(FeaturePipeline value) {
    return new TopicTrainer(value, learner, seed, threads);
  }

  /**
   * Returns a copy with another learner.
   *
   * @param value the learner
   * @return the copy
   */
  public TopicTrainer withLearner(Learner value) {
    return new TopicTrainer(pipeline, value, seed, threads);
  }

  /**
   * Returns a copy with another seed, which fixes the order in which the OpenNLP learners
   * (perceptron above all) see the examples.
   *
   * @param value the seed
   * @return the copy
   */
  public TopicTrainer withSeed(long value) {
    return new TopicTrainer(pipeline, learner, value, threads);
  }

  /**
   * Returns a copy that trains with another number of threads.
   *
   * @param value 1 to {@value #MAX_THREADS}
   * @return the copy
   * @throws IllegalArgumentException if the value is out of range
   */
  public TopicTrainer withThreads(int value) {
    return new TopicTrainer(pipeline, learner, seed, value);
  }

  /**
   * Returns the feature pipeline.
   *
   * @return the pipeline
   */
  public FeaturePipeline pipeline() {
    return pipeline;
  }

  /**
   * Returns the learner.
   *
   * @return the learner
   */
  public Learner learner() {
    return learner;
  }

  /**
   * Returns the seed.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Returns the number of training threads.
   *
   * @return the thread count
   */
  public int threads() {
    return threads;
  }

  /**
   * Trains a classifier.
   *
   * @param examples the training examples, iterated {@value #PASSES} times (see the class
   *     comment); at least two distinct labels are needed
   * @return the trained classifier
   * @throws IllegalArgumentException if there are fewer than two distinct labels, no n-gram
   *     reaches the pipeline's {@code min-df}, or the examples differ from one iteration to the
   *     next
   * @throws NullPointerException if an example is {@code null} (the message says which)
   * @throws OutOfMemoryError if the heap is too small, with a message saying what to change
   */
  public TopicClassifier train(Iterable<LabeledText> examples) {
    return train(examples, TrainingListener.NONE);
  }

  /**
   * Trains a classifier from articles whose category is the label.
   *
   * @param articles the training articles, each with a category, iterated {@value #PASSES} times
   * @return the trained classifier
   * @throws IllegalArgumentException if an article has no category, there are fewer than two
   *     distinct categories, no n-gram reaches the pipeline's {@code min-df}, or the articles
   *     differ from one iteration to the next
   * @throws OutOfMemoryError if the heap is too small, with a message saying what to change
   */
  public TopicClassifier trainArticles(Iterable<Article> articles) {
    Objects.requireNonNull(articles, "articles");
    return train(
        () -> {
          Iterator<Article> it = articles.iterator();
          return new Iterator<>() {
            @Override
            public boolean hasNext() {
              return it.hasNext();
            }

            @Override
            public LabeledText next() {
              return LabeledText.from(it.next());
            }
          };
        });
  }

  /**
   * Trains a classifier, reporting progress to a listener.
   *
   * @param examples the training examples, iterated {@value #PASSES} times (see the class
   *     comment); at least two distinct labels are needed
   * @param listener receives progress reports on the calling thread
   * @return the trained classifier
   * @throws IllegalArgumentException if there are fewer than two distinct labels, no n-gram
   *     reaches the pipeline's {@code min-df}, or the examples differ from one iteration to the
   *     next
   * @throws NullPointerException if an example is {@code null} (the message says which)
   * @throws OutOfMemoryError if the heap is too small, with a message saying what to change
   */
  public TopicClassifier train(Iterable<LabeledText> examples, TrainingListener listener) {
    Objects.requireNonNull(examples, "examples");
    Objects.requireNonNull(listener, "listener");
    return new TrainingRun(this, listener).train(examples);
  }

  /**
   * Returns the settings, e.g. {@code TopicTrainer[learner: algorithm=maxent,..., pipeline:
   * ngrams=1-2,..., seed 42, 2 threads]}.
   *
   * @return a readable description
   */
  @Override
  public String toString() {
    return "TopicTrainer[learner: " + learner + ", pipeline: " + pipeline + ", seed " + seed + ", "
        + threads + (threads == 1 ? " thread]" : " threads]");
  }

  private static volatile String libraryVersion;

  static String libraryVersion() {
    String v = libraryVersion;
    if (v == null) {
      Properties p = new Properties();
      try (InputStream in = TopicTrainer.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      v = p.getProperty("version", "unknown");
      libraryVersion = v;
    }
    return v;
  }
}
