package org.newsdesk.classifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.util.Version;
import org.newsdesk.core.Article;

/**
 * Trains {@link TopicClassifier}s from labeled examples with Apache OpenNLP.
 *
 * <pre>{@code
 * TopicClassifier classifier = TopicTrainer.withDefaults().trainArticles(articles);
 * }</pre>
 *
 * <p>Training is deterministic: the same examples (in the same order), configuration and seed
 * give a model with the same predictions. A trainer holds only its configuration, so one instance
 * may be used from several threads.
 */
public final class TopicTrainer {

  /** Examples whose feature vectors are computed together before joining the matrix. */
  private static final int MATRIX_BLOCK = 4096;

  private final TrainingConfig config;

  /**
   * Creates a trainer with the given configuration.
   *
   * @param config the training configuration
   */
  public TopicTrainer(TrainingConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * Creates a trainer with {@link TrainingConfig#defaults()}.
   *
   * @return a new trainer
   */
  public static TopicTrainer withDefaults() {
    return new TopicTrainer(TrainingConfig.defaults());
  }

  /**
   * Returns this trainer's configuration.
   *
   * @return the configuration
   */
  public TrainingConfig config() {
    return config;
  }

  /**
   * Trains a classifier.
   *
   * @param examples the training examples; at least two distinct labels are needed
   * @return the trained classifier
   * @throws IllegalArgumentException if there are fewer than two distinct labels
   */
  public TopicClassifier train(Iterable<LabeledText> examples) {
    return train(examples, TrainingListener.NONE);
  }

  /**
   * Trains a classifier from articles whose category is the label.
   *
   * @param articles the training articles, each with a category
   * @return the trained classifier
   * @throws IllegalArgumentException if an article has no category, or there are fewer than two
   *     distinct categories
   */
  public TopicClassifier trainArticles(Iterable<Article> articles) {
    List<LabeledText> examples = new ArrayList<>();
    for (Article a : articles) {
      examples.add(LabeledText.from(a));
    }
    return train(examples);
  }

  /**
   * Trains a classifier, reporting progress to a listener.
   *
   * @param examples the training examples; at least two distinct labels are needed
   * @param listener receives progress reports on the calling thread
   * @return the trained classifier
   * @throws IllegalArgumentException if there are fewer than two distinct labels
   */
  public TopicClassifier train(Iterable<LabeledText> examples, TrainingListener listener) {
    Objects.requireNonNull(listener, "listener");
    List<LabeledText> data = new ArrayList<>();
    MessageDigest sha = ModelIO.digest();
    Map<String, Integer> perLabel = new TreeMap<>();
    for (LabeledText e : examples) {
      data.add(e);
      hash(sha, e.label());
      hash(sha, e.title());
      hash(sha, e.body());
      perLabel.merge(e.label(), 1, Integer::sum);
    }
    if (perLabel.size() < 2) {
      throw new IllegalArgumentException(
          "training needs examples of at least two labels, got " + perLabel.keySet());
    }
    String[] labels = perLabel.keySet().toArray(String[]::new);

    FeatureExtractor analyzer = FeatureExtractor.analyzerOnly(config);
    List<Map<String, Double>> counts = new ArrayList<>(Collections.nCopies(data.size(), null));
    IntStream range = IntStream.range(0, data.size());
    if (config.threads() > 1) {
      range = range.parallel();
    }
    range.forEach(i -> counts.set(i, analyzer.counts(data.get(i).title(), data.get(i).body())));
    FeatureExtractor features = FeatureExtractor.fit(config, counts);

    counts.clear(); // only needed to choose the vocabulary

    // present examples in a seeded random order (order matters to the perceptron)
    List<Integer> order = new ArrayList<>(data.size());
    for (int i = 0; i < data.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(config.seed()));
    // ---- feature matrix (CSR, no per-example arrays kept): vectors are computed a block at a
    // time (in parallel when threads > 1) and appended in the shuffled order ----
    FeatureMatrix.Builder rows = FeatureMatrix.builder(features.size());
    FeatureExtractor.Vector[] block = new FeatureExtractor.Vector[MATRIX_BLOCK];
    for (int from = 0; from < data.size(); from += MATRIX_BLOCK) {
      int start = from;
      int n = Math.min(MATRIX_BLOCK, data.size() - from);
      IntStream positions = IntStream.range(0, n);
      if (config.threads() > 1) {
        positions = positions.parallel();
      }
      positions.forEach(
          k -> {
            LabeledText e = data.get(order.get(start + k));
            block[k] = features.vector(e.title(), e.body());
          });
      for (int k = 0; k < n; k++) {
        rows.addRow(
            block[k].ids(),
            block[k].values(),
            Arrays.binarySearch(labels, data.get(order.get(start + k)).label()));
        block[k] = null;
      }
    }
    FeatureMatrix matrix = rows.build();
    // ---- end of the feature matrix ----
    listener.onStart(data.size(), features.size(), labels.length);
    int[] lastIteration = {0};
    TrainingListener tracking =
        new TrainingListener() {
          @Override
          public void onProgress(int iteration, int maxIterations, double logLikelihood) {
            lastIteration[0] = iteration;
            listener.onProgress(iteration, maxIterations, logLikelihood);
          }
        };
    AbstractModel model =
        Learner.train(config, features.names(), labels, matrix, tracking);
    listener.onFinish(lastIteration[0]);
    ModelProvenance provenance =
        new ModelProvenance(
            libraryVersion(),
            Version.currentVersion().toString(),
            config,
            List.of(labels),
            perLabel,
            features.size(),
            HexFormat.of().formatHex(sha.digest()),
            Instant.now());
    return new TopicClassifier(features, model, provenance);
  }

  private static void hash(MessageDigest sha, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    sha.update(ByteBuffer.allocate(4).putInt(b.length).array());
    sha.update(b);
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
