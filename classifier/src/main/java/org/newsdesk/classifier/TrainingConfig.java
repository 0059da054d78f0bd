package org.newsdesk.classifier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Immutable settings for training a {@link TopicClassifier}: the learning algorithm and every
 * feature-extraction setting. Every setting is saved with the model, so a reloaded model extracts
 * exactly the same features.
 *
 * <p>Start from {@link #defaults()} or {@link #builder()} and change what you need:
 *
 * <pre>{@code
 * TrainingConfig config = TrainingConfig.defaults().toBuilder().ngramRange(1, 3).threads(2).build();
 * }</pre>
 *
 * <p>Features are built from the title and body only: the text is Unicode-normalised (NFKC),
 * split into the tokens of OpenNLP's {@code SimpleTokenizer} (runs of letters, of digits, or of
 * one repeated other character), lower-cased, stripped of tokens without a
 * letter or digit and of stop words, stemmed with an OpenNLP Snowball stemmer, and combined into
 * word n-grams. Each n-gram's weight is its (sublinear) term frequency times its inverse document
 * frequency, and each document's vector is scaled to unit length. A title that merely repeats the
 * start of the body is not counted twice.
 */
public final class TrainingConfig {

  /** The OpenNLP learning algorithm. */
  public enum Algorithm {
    /** Maximum entropy (multinomial logistic regression) trained with L-BFGS; the default. */
    MAXENT_QN,
    /** Maximum entropy trained with Generalized Iterative Scaling. */
    MAXENT,
    /** Multinomial naive Bayes. */
    NAIVEBAYES,
    /** Averaged perceptron. */
    PERCEPTRON
  }

  /** The stemmer applied to each token; all but {@link #NONE} are OpenNLP Snowball stemmers. */
  public enum Stemming {
    /** No stemming. */
    NONE,
    /** The original Porter stemmer (English). */
    PORTER,
    /** Snowball English (Porter2). */
    ENGLISH,
    /** Snowball Danish. */
    DANISH,
    /** Snowball Dutch. */
    DUTCH,
    /** Snowball Finnish. */
    FINNISH,
    /** Snowball French. */
    FRENCH,
    /** Snowball German. */
    GERMAN,
    /** Snowball Hungarian. */
    HUNGARIAN,
    /** Snowball Italian. */
    ITALIAN,
    /** Snowball Norwegian. */
    NORWEGIAN,
    /** Snowball Portuguese. */
    PORTUGUESE,
    /** Snowball Romanian. */
    ROMANIAN,
    /** Snowball Russian. */
    RUSSIAN,
    /** Snowball Spanish. */
    SPANISH,
    /** Snowball Swedish. */
    SWEDISH,
    /** Snowball Turkish. */
    TURKISH
  }

  /**
   * A common English stop-word list (function words: articles, pronouns, auxiliaries,
   * prepositions, conjunctions), lower-case.
   */
  public static final Set<String> ENGLISH_STOP_WORDS =
      Collections.unmodifiableSet(
          new TreeSet<>(
              List.of(
                  "a", "about", "above", "after", "again", "against", "all", "am", "an", "and",
                  "any", "are", "as", "at", "be", "because", "been", "before", "being", "below",
                  "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing",
                  "down", "during", "each", "few", "for", "from", "further", "had", "has", "have",
                  "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how",
                  "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more",
                  "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once",
                  "only", "or", "other", "ought", "our", "ours", "ourselves", "out", "over", "own",
                  "same", "she", "should", "so", "some", "such", "than", "that", "the", "their",
                  "theirs", "them", "themselves", "then", "there", "these", "they", "this",
                  "those", "through", "to", "too", "under", "until", "up", "very", "was", "we",
                  "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will",
                  "with", "would", "you", "your", "yours", "yourself", "yourselves")));

  /** Default training threads: the available processors, at most 4. */
  static final int DEFAULT_THREADS = Math.min(4, Runtime.getRuntime().availableProcessors());

  private static final TrainingConfig DEFAULTS = new Builder().build();

  private final Algorithm algorithm;
  private final int iterations;
  private final int cutoff;
  private final int maxFeatures;
  private final double regularization;
  private final int ngramMin;
  private final int ngramMax;
  private final boolean lowercase;
  private final boolean unicodeNormalization;
  private final Set<String> stopWords;
  private final Stemming stemming;
  private final double titleWeight;
  private final boolean sublinearTf;
  private final boolean idf;
  private final boolean normalize;
  private final boolean balanceLabels;
  private final long seed;
  private final int threads;

  private TrainingConfig(Builder b) {
    this.algorithm = b.algorithm;
    this.iterations = b.iterations;
    this.cutoff = b.cutoff;
    this.maxFeatures = b.maxFeatures;
    this.regularization = b.regularization;
    this.ngramMin = b.ngramMin;
    this.ngramMax = b.ngramMax;
    this.lowercase = b.lowercase;
    this.unicodeNormalization = b.unicodeNormalization;
    this.stopWords = Collections.unmodifiableSet(new TreeSet<>(b.stopWords));
    this.stemming = b.stemming;
    this.titleWeight = b.titleWeight;
    this.sublinearTf = b.sublinearTf;
    this.idf = b.idf;
    this.normalize = b.normalize;
    this.balanceLabels = b.balanceLabels;
    this.seed = b.seed;
    this.threads = b.threads;
  }

  /**
   * Returns the default configuration: L-BFGS maximum entropy with L2 cost 0.1 and balanced
   * labels, at most 100 iterations, word 1- and 2-grams seen in at least 2 documents (at most
   * the 200,000 most frequent, which bounds training memory), English
   * stemming, no stop words, sublinear TF-IDF with unit-length vectors, title weight 2, up to 4
   * threads.
   *
   * @return the default configuration
   */
  public static TrainingConfig defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a builder initialised with the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder initialised with this configuration's settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Returns the learning algorithm.
   *
   * @return the algorithm
   */
  public Algorithm algorithm() {
    return algorithm;
  }

  /**
   * Returns the maximum number of training iterations (ignored by naive Bayes).
   *
   * @return the iteration limit
   */
  public int iterations() {
    return iterations;
  }

  /**
   * Returns the minimum number of training documents a feature must occur in to be kept.
   *
   * @return the document-frequency cutoff
   */
  public int cutoff() {
    return cutoff;
  }

  /**
   * Returns the maximum number of features kept (the most frequent by document frequency), or 0
   * for no limit. Training memory grows with features times labels.
   *
   * @return the feature limit
   */
  public int maxFeatures() {
    return maxFeatures;
  }

  /**
   * Returns the L2 regularisation cost (used by {@link Algorithm#MAXENT_QN}); larger values give
   * smoother, less over-fitted models.
   *
   * @return the L2 cost
   */
  public double regularization() {
    return regularization;
  }

  /**
   * Returns the smallest word n-gram length.
   *
   * @return the minimum n
   */
  public int ngramMin() {
    return ngramMin;
  }

  /**
   * Returns the largest word n-gram length.
   *
   * @return the maximum n
   */
  public int ngramMax() {
    return ngramMax;
  }

  /**
   * Tells whether tokens are lower-cased.
   *
   * @return {@code true} if lower-casing is on
   */
  public boolean lowercase() {
    return lowercase;
  }

  /**
   * Tells whether text is Unicode-normalised (NFKC) before tokenising.
   *
   * @return {@code true} if normalisation is on
   */
  public boolean unicodeNormalization() {
    return unicodeNormalization;
  }

  /**
   * Returns the stop words removed before stemming and n-gram building (matched after
   * lower-casing, if that is on).
   *
   * @return an unmodifiable sorted set, empty if no stop words are removed
   */
  public Set<String> stopWords() {
    return stopWords;
  }

  /**
   * Returns the stemmer.
   *
   * @return the stemming setting
   */
  public Stemming stemming() {
    return stemming;
  }

  /**
   * Returns how many times each title token counts relative to a body token.
   *
   * @return the title weight, 0 to ignore titles
   */
  public double titleWeight() {
    return titleWeight;
  }

  /**
   * Tells whether term frequencies are damped to {@code 1 + ln(tf)}.
   *
   * @return {@code true} if sublinear term frequency is on
   */
  public boolean sublinearTf() {
    return sublinearTf;
  }

  /**
   * Tells whether term frequencies are multiplied by the inverse document frequency.
   *
   * @return {@code true} if IDF weighting is on
   */
  public boolean idf() {
    return idf;
  }

  /**
   * Tells whether each document's feature vector is scaled to unit (L2) length.
   *
   * @return {@code true} if normalisation is on
   */
  public boolean normalize() {
    return normalize;
  }

  /**
   * Tells whether each label's examples are weighted by {@code examples / (labels * examplesOfLabel)}
   * so that every label counts equally in training ({@link Algorithm#MAXENT_QN} only). This trades
   * a little accuracy on frequent labels for recall on rare ones (higher macro-F1).
   *
   * @return {@code true} if labels are balanced
   */
  public boolean balanceLabels() {
    return balanceLabels;
  }

  /**
   * Returns the random seed that fixes the order in which examples are presented to the learner.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Returns the number of training threads. With {@link Algorithm#MAXENT_QN} the trained model
   * is identical for every thread count; {@link Algorithm#MAXENT} results are reproducible for a
   * given thread count. The default is the number of available processors, at most 4.
   *
   * @return the thread count
   */
  public int threads() {
    return threads;
  }

  /** Every setting as ordered key/value text, for the saved model's provenance. */
  Map<String, String> toMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("algorithm", algorithm.name());
    m.put("iterations", Integer.toString(iterations));
    m.put("cutoff", Integer.toString(cutoff));
    m.put("maxFeatures", Integer.toString(maxFeatures));
    m.put("regularization", Double.toString(regularization));
    m.put("ngramMin", Integer.toString(ngramMin));
    m.put("ngramMax", Integer.toString(ngramMax));
    m.put("lowercase", Boolean.toString(lowercase));
    m.put("unicodeNormalization", Boolean.toString(unicodeNormalization));
    m.put("stopWords", String.join(" ", stopWords));
    m.put("stemming", stemming.name());
    m.put("titleWeight", Double.toString(titleWeight));
    m.put("sublinearTf", Boolean.toString(sublinearTf));
    m.put("idf", Boolean.toString(idf));
    m.put("normalize", Boolean.toString(normalize));
    m.put("balanceLabels", Boolean.toString(balanceLabels));
    m.put("seed", Long.toString(seed));
    m.put("threads", Integer.toString(threads));
    return m;
  }

  /** Rebuilds a configuration from {@link #toMap()}; throws IllegalArgumentException if bad. */
  static TrainingConfig fromMap(Map<String, String> m) {
    Builder b = builder();
    b.algorithm(Algorithm.valueOf(req(m, "algorithm")));
    b.iterations(Integer.parseInt(req(m, "iterations")));
    b.cutoff(Integer.parseInt(req(m, "cutoff")));
    b.maxFeatures(Integer.parseInt(req(m, "maxFeatures")));
    b.regularization(Double.parseDouble(req(m, "regularization")));
    b.ngramRange(Integer.parseInt(req(m, "ngramMin")), Integer.parseInt(req(m, "ngramMax")));
    b.lowercase(Boolean.parseBoolean(req(m, "lowercase")));
    b.unicodeNormalization(Boolean.parseBoolean(req(m, "unicodeNormalization")));
    String sw = req(m, "stopWords");
    List<String> words = new ArrayList<>();
    for (String w : sw.split(" ")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    b.stopWords(Set.copyOf(words));
    b.stemming(Stemming.valueOf(req(m, "stemming")));
    b.titleWeight(Double.parseDouble(req(m, "titleWeight")));
    b.sublinearTf(Boolean.parseBoolean(req(m, "sublinearTf")));
    b.idf(Boolean.parseBoolean(req(m, "idf")));
    b.normalize(Boolean.parseBoolean(req(m, "normalize")));
    b.balanceLabels(Boolean.parseBoolean(req(m, "balanceLabels")));
    b.seed(Long.parseLong(req(m, "seed")));
    b.threads(Integer.parseInt(req(m, "threads")));
    return b.build();
  }

  private static String req(Map<String, String> m, String key) {
    String v = m.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing training setting '" + key + "'");
    }
    return v;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrainingConfig other && toMap().equals(other.toMap());
  }

  @Override
  public int hashCode() {
    return toMap().hashCode();
  }

  /**
   * Returns every setting, e.g. {@code TrainingConfig{algorithm=MAXENT_QN, iterations=100, ...}};
   * the stop words are summarised by their count.
   *
   * @return a readable description
   */
  @Override
  public String toString() {
    Map<String, String> m = toMap();
    m.put("stopWords", stopWords.size() + " words");
    return "TrainingConfig" + m;
  }

  /** A mutable builder of {@link TrainingConfig}; not thread-safe. */
  public static final class Builder {
    private Algorithm algorithm = Algorithm.MAXENT_QN;
    private int iterations = 100;
    private int cutoff = 2;
    private int maxFeatures = 200_000;
    private double regularization = 0.1;
    private int ngramMin = 1;
    private int ngramMax = 2;
    private boolean lowercase = true;
    private boolean unicodeNormalization = true;
    private Set<String> stopWords = Set.of();
    private Stemming stemming = Stemming.ENGLISH;
    private double titleWeight = 2.0;
    private boolean sublinearTf = true;
    private boolean idf = true;
    private boolean normalize = true;
    private boolean balanceLabels = true;
    private long seed = 42;
    private int threads = DEFAULT_THREADS;

    private Builder() {}

    private Builder(TrainingConfig c) {
      algorithm = c.algorithm;
      iterations = c.iterations;
      cutoff = c.cutoff;
      maxFeatures = c.maxFeatures;
      regularization = c.regularization;
      ngramMin = c.ngramMin;
      ngramMax = c.ngramMax;
      lowercase = c.lowercase;
      unicodeNormalization = c.unicodeNormalization;
      stopWords = c.stopWords;
      stemming = c.stemming;
      titleWeight = c.titleWeight;
      sublinearTf = c.sublinearTf;
      idf = c.idf;
      normalize = c.normalize;
      balanceLabels = c.balanceLabels;
      seed = c.seed;
      threads = c.threads;
    }

    /**
     * Sets the learning algorithm.
     *
     * @param value the algorithm
     * @return this builder
     */
    public Builder algorithm(Algorithm value) {
      this.algorithm = Objects.requireNonNull(value, "algorithm");
      return this;
    }

    /**
     * Sets the maximum number of training iterations.
     *
     * @param value at least 1
     * @return this builder
     * @throws IllegalArgumentException if the value is less than 1
     */
    public Builder iterations(int value) {
      this.iterations = atLeast("iterations", value, 1);
      return this;
    }

    /**
     * Sets the minimum number of training documents a feature must occur in.
     *
     * @param value at least 1
     * @return this builder
     * @throws IllegalArgumentException if the value is less than 1
     */
    public Builder cutoff(int value) {
      this.cutoff = atLeast("cutoff", value, 1);
      return this;
    }

    /**
     * Sets the maximum number of features kept, the most frequent first; 0 means no limit.
     *
     * @param value 0 or more
     * @return this builder
     * @throws IllegalArgumentException if the value is negative
     */
    public Builder maxFeatures(int value) {
      this.maxFeatures = atLeast("maxFeatures", value, 0);
      return this;
    }

    /**
     * Sets the L2 regularisation cost.
     *
     * @param value 0 or more
     * @return this builder
     * @throws IllegalArgumentException if the value is negative or not finite
     */
    public Builder regularization(double value) {
      this.regularization = finiteAtLeastZero("regularization", value);
      return this;
    }

    /**
     * Sets the word n-gram lengths, e.g. {@code (1, 2)} for single words and word pairs.
     *
     * @param min the smallest n, at least 1
     * @param max the largest n, at least {@code min} and at most 3
     * @return this builder
     * @throws IllegalArgumentException if the range is invalid
     */
    public Builder ngramRange(int min, int max) {
      if (min < 1 || max < min || max > 3) {
        throw new IllegalArgumentException(
            "ngram range must satisfy 1 <= min <= max <= 3: (" + min + ", " + max + ")");
      }
      this.ngramMin = min;
      this.ngramMax = max;
      return this;
    }

    /**
     * Sets whether tokens are lower-cased.
     *
     * @param value {@code true} to lower-case
     * @return this builder
     */
    public Builder lowercase(boolean value) {
      this.lowercase = value;
      return this;
    }

    /**
     * Sets whether text is Unicode-normalised (NFKC) before tokenising.
     *
     * @param value {@code true} to normalise
     * @return this builder
     */
    public Builder unicodeNormalization(boolean value) {
      this.unicodeNormalization = value;
      return this;
    }

    /**
     * Sets the stop words, e.g. {@link TrainingConfig#ENGLISH_STOP_WORDS}; empty for none.
     *
     * @param value the stop words; none may be blank or contain whitespace
     * @return this builder
     * @throws IllegalArgumentException if a word is blank or contains whitespace
     */
    public Builder stopWords(Set<String> value) {
      for (String w : value) {
        if (w.isBlank() || w.chars().anyMatch(Character::isWhitespace)) {
          throw new IllegalArgumentException("stop word must be one non-blank token: '" + w + "'");
        }
      }
      this.stopWords = Set.copyOf(value);
      return this;
    }

    /**
     * Sets the stemmer.
     *
     * @param value the stemming setting
     * @return this builder
     */
    public Builder stemming(Stemming value) {
      this.stemming = Objects.requireNonNull(value, "stemming");
      return this;
    }

    /**
     * Sets how many times each title token counts relative to a body token.
     *
     * @param value 0 (ignore titles) or more
     * @return this builder
     * @throws IllegalArgumentException if the value is negative or not finite
     */
    public Builder titleWeight(double value) {
      this.titleWeight = finiteAtLeastZero("titleWeight", value);
      return this;
    }

    /**
     * Sets whether term frequencies are damped to {@code 1 + ln(tf)}.
     *
     * @param value {@code true} for sublinear term frequency
     * @return this builder
     */
    public Builder sublinearTf(boolean value) {
      this.sublinearTf = value;
      return this;
    }

    /**
     * Sets whether term frequencies are multiplied by the inverse document frequency.
     *
     * @param value {@code true} for IDF weighting
     * @return this builder
     */
    public Builder idf(boolean value) {
      this.idf = value;
      return this;
    }

    /**
     * Sets whether document vectors are scaled to unit (L2) length.
     *
     * @param value {@code true} to normalise
     * @return this builder
     */
    public Builder normalize(boolean value) {
      this.normalize = value;
      return this;
    }

    /**
     * Sets whether labels are balanced by weighting examples inversely to their label's frequency.
     *
     * @param value {@code true} to balance labels
     * @return this builder
     */
    public Builder balanceLabels(boolean value) {
      this.balanceLabels = value;
      return this;
    }

    /**
     * Sets the random seed.
     *
     * @param value the seed
     * @return this builder
     */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /**
     * Sets the number of training threads.
     *
     * @param value at least 1
     * @return this builder
     * @throws IllegalArgumentException if the value is less than 1
     */
    public Builder threads(int value) {
      this.threads = atLeast("threads", value, 1);
      return this;
    }

    /**
     * Builds the immutable configuration.
     *
     * @return the configuration
     */
    public TrainingConfig build() {
      return new TrainingConfig(this);
    }

    private static int atLeast(String name, int value, int min) {
      if (value < min) {
        throw new IllegalArgumentException(name + " must be >= " + min + ": " + value);
      }
      return value;
    }

    private static double finiteAtLeastZero(String name, double value) {
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException(name + " must be finite and >= 0: " + value);
      }
      return value;
    }
  }
}
