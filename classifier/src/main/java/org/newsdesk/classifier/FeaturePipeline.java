package org.newsdesk.classifier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a text becomes features: an immutable value holding every text-processing setting a model
 * needs to predict, plus the two that choose its vocabulary when training. It is saved with every
 * model, so a loaded model analyses text exactly as it was trained to.
 *
 * <p>The steps, in order: the title and body are Unicode-normalised (NFKC), split into the tokens
 * of OpenNLP's {@code SimpleTokenizer} (runs of letters, of digits, or of one repeated other
 * character), lower-cased; tokens without a letter or digit and stop words are dropped; the rest
 * are stemmed with an OpenNLP Snowball stemmer and combined into word n-grams. When training, the
 * n-grams found in at least {@link #minDf()} training texts become the vocabulary (at most the
 * {@link #maxFeatures()} most frequent). A text's feature weights are the (sublinear) term
 * frequency of each vocabulary n-gram times its inverse document frequency, the vector scaled to
 * unit length; title n-grams count {@link #titleWeight()} times, unless the title merely repeats
 * the start of the body.
 *
 * <p>Start from {@link #defaults()} and change what you need, or read the text form:
 *
 * <pre>{@code
 * FeaturePipeline p = FeaturePipeline.defaults().toBuilder().ngrams(1, 3).build();
 * FeaturePipeline same = FeaturePipeline.parse("ngrams=1-3");
 * }</pre>
 *
 * <h2>Text form</h2>
 *
 * {@link #toString()} writes every setting as comma-separated {@code key=value} pairs, and {@link
 * #parse(String)} reads them back (keys not given keep their default; the order does not matter).
 * The defaults are:
 *
 * <pre>
 * ngrams=1-2,lowercase=true,nfkc=true,stop-words=none,stemming=english,title-weight=2,
 * sublinear-tf=true,idf=true,unit-length=true,min-df=2,max-features=200000
 * </pre>
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>key</th><th>values</th><th>meaning</th></tr>
 *   <tr><td>{@code ngrams}</td><td>{@code MIN-MAX} with 1 &le; MIN &le; MAX &le; 3, or one
 *       number {@code N} for {@code N-N}</td><td>word n-gram lengths</td></tr>
 *   <tr><td>{@code lowercase}</td><td>{@code true}, {@code false}</td><td>lower-case tokens</td>
 *   </tr>
 *   <tr><td>{@code nfkc}</td><td>{@code true}, {@code false}</td><td>NFKC-normalise the text
 *       first</td></tr>
 *   <tr><td>{@code stop-words}</td><td>{@code none}, {@code english} ({@link
 *       #ENGLISH_STOP_WORDS}), or a list in brackets: {@code [the of and]}</td><td>tokens
 *       dropped before stemming</td></tr>
 *   <tr><td>{@code stemming}</td><td>{@code none}, {@code porter}, {@code english}, {@code
 *       danish}, ... (see {@link Stemming})</td><td>the stemmer</td></tr>
 *   <tr><td>{@code title-weight}</td><td>0 to 1000</td><td>how often a title n-gram counts; 0
 *       ignores titles</td></tr>
 *   <tr><td>{@code sublinear-tf}</td><td>{@code true}, {@code false}</td><td>term frequency
 *       {@code 1 + ln(tf)} instead of {@code tf}</td></tr>
 *   <tr><td>{@code idf}</td><td>{@code true}, {@code false}</td><td>multiply by the smoothed
 *       inverse document frequency {@code ln((1 + N) / (1 + df)) + 1}</td></tr>
 *   <tr><td>{@code unit-length}</td><td>{@code true}, {@code false}</td><td>scale each text's
 *       vector to L2 length 1</td></tr>
 *   <tr><td>{@code min-df}</td><td>1 to 2147483647</td><td>keep n-grams found in at least this
 *       many training texts</td></tr>
 *   <tr><td>{@code max-features}</td><td>0 (no limit) to 2147483647</td><td>keep at most this
 *       many, the most frequent (by document frequency; equally frequent n-grams at the limit are
 *       chosen by a fixed hash of the n-gram); training memory grows with features &times;
 *       labels</td></tr>
 * </table>
 *
 * <p>Instances are immutable and thread-safe; two pipelines are equal when every setting is.
 */
public final class FeaturePipeline {

  /** The stemmer applied to each token; all but {@link #NONE} are OpenNLP stemmers. */
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
    TURKISH;

    /** The name in the text form: the constant's name in lower case. */
    String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A common English stop-word list (function words: articles, pronouns, auxiliaries,
   * prepositions, conjunctions), lower-case. Written {@code stop-words=english} in the text form;
   * this list is frozen, so saved models that name it keep their meaning.
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

  /** The largest title weight accepted. */
  static final double MAX_TITLE_WEIGHT = 1000;

  /** The longest n-gram (the packed n-gram keys of {@link FeatureExtractor} hold three terms). */
  static final int MAX_NGRAM = 3;

  private static final List<String> KEYS =
      List.of(
          "ngrams", "lowercase", "nfkc", "stop-words", "stemming", "title-weight", "sublinear-tf",
          "idf", "unit-length", "min-df", "max-features");

  private static final FeaturePipeline DEFAULTS = new Builder().build();

  private final int ngramMin;
  private final int ngramMax;
  private final boolean lowercase;
  private final boolean nfkc;
  private final Set<String> stopWords;
  private final Stemming stemming;
  private final double titleWeight;
  private final boolean sublinearTf;
  private final boolean idf;
  private final boolean unitLength;
  private final int minDf;
  private final int maxFeatures;
  private final String text;

  private FeaturePipeline(Builder b) {
    ngramMin = b.ngramMin;
    ngramMax = b.ngramMax;
    lowercase = b.lowercase;
    nfkc = b.nfkc;
    stopWords = Collections.unmodifiableSet(new TreeSet<>(b.stopWords));
    stemming = b.stemming;
    titleWeight = b.titleWeight;
    sublinearTf = b.sublinearTf;
    idf = b.idf;
    unitLength = b.unitLength;
    minDf = b.minDf;
    maxFeatures = b.maxFeatures;
    text = write();
  }

  /**
   * Returns the default pipeline: NFKC, lower-case, no stop words, English stemming, word 1- and
   * 2-grams found in at least 2 training texts (at most 200,000), sublinear TF-IDF with
   * unit-length vectors, titles counting twice.
   *
   * @return the defaults
   */
  public static FeaturePipeline defaults() {
    return DEFAULTS;
  }

  /**
   * Reads the text form (see the class comment); settings not given keep their default, so
   * {@code parse("")} is {@link #defaults()} and {@code parse(p.toString())} equals {@code p}.
   *
   * @param text comma-separated {@code key=value} pairs, e.g. {@code "ngrams=1-3,stemming=none"}
   * @return the pipeline
   * @throws IllegalArgumentException if a key is unknown or repeated, or a value is invalid; the
   *     message names the setting
   */
  public static FeaturePipeline parse(String text) {
    Settings s = Settings.parse(Objects.requireNonNull(text, "text"), "feature pipeline", KEYS);
    Builder b = new Builder();
    if (s.has("ngrams")) {
      String v = s.string("ngrams", "");
      String[] range = v.split("-", -1);
      try {
        int min = Integer.parseInt(range[0].strip());
        int max = range.length == 2 ? Integer.parseInt(range[1].strip()) : min;
        if (range.length > 2) {
          throw new NumberFormatException();
        }
        b.ngrams(min, max);
      } catch (IllegalArgumentException e) {
        throw s.invalid("ngrams", v, "MIN-MAX with 1 <= MIN <= MAX <= " + MAX_NGRAM + ", e.g. 1-2");
      }
    }
    b.lowercase(s.bool("lowercase", b.lowercase));
    b.nfkc(s.bool("nfkc", b.nfkc));
    if (s.has("stop-words")) {
      b.stopWords(stopWords(s, s.string("stop-words", "")));
    }
    List<String> stemmers = new ArrayList<>();
    for (Stemming st : Stemming.values()) {
      stemmers.add(st.key());
    }
    b.stemming(
        Stemming.valueOf(s.choice("stemming", b.stemming.key(), stemmers).toUpperCase(Locale.ROOT)));
    b.titleWeight(s.number("title-weight", b.titleWeight, 0, MAX_TITLE_WEIGHT));
    b.sublinearTf(s.bool("sublinear-tf", b.sublinearTf));
    b.idf(s.bool("idf", b.idf));
    b.unitLength(s.bool("unit-length", b.unitLength));
    b.minDf(s.integer("min-df", b.minDf, 1, Integer.MAX_VALUE));
    b.maxFeatures(s.integer("max-features", b.maxFeatures, 0, Integer.MAX_VALUE));
    return b.build();
  }

  private static Set<String> stopWords(Settings s, String v) {
    if (v.equalsIgnoreCase("none")) {
      return Set.of();
    }
    if (v.equalsIgnoreCase("english")) {
      return ENGLISH_STOP_WORDS;
    }
    if (v.length() < 2 || v.charAt(0) != '[' || v.charAt(v.length() - 1) != ']') {
      throw s.invalid("stop-words", v, "none, english, or words in brackets such as [the of and]");
    }
    Set<String> words = new LinkedHashSet<>();
    for (String w : v.substring(1, v.length() - 1).strip().split("\\s+")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return words;
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
   * Returns a builder initialised with this pipeline's settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Returns the shortest word n-gram length.
   *
   * @return the minimum n, 1 to 3
   */
  public int ngramMin() {
    return ngramMin;
  }

  /**
   * Returns the longest word n-gram length.
   *
   * @return the maximum n, {@link #ngramMin()} to 3
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
   * Tells whether text is Unicode-normalised (NFKC) before tokenising. Normalising first makes
   * the text stream-safe (Unicode UAX #15, section 13) by dropping the combining marks past the
   * 30th of a run, rather than inserting a grapheme joiner that would split the run into extra
   * tokens, so hostile runs of marks cost linear time and ordinary text is unchanged.
   *
   * @return {@code true} if normalisation is on
   */
  public boolean nfkc() {
    return nfkc;
  }

  /**
   * Returns the stop words dropped before stemming and n-gram building (matched after
   * lower-casing, if that is on).
   *
   * @return an unmodifiable sorted set, empty if no stop words are dropped
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
   * Returns how many times each title n-gram counts relative to a body n-gram.
   *
   * @return the title weight, 0 to 1000; 0 ignores titles
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
   * Tells whether each text's feature vector is scaled to unit (L2) length.
   *
   * @return {@code true} if scaling is on
   */
  public boolean unitLength() {
    return unitLength;
  }

  /**
   * Returns the minimum number of training texts an n-gram must occur in to become a feature.
   *
   * @return the document-frequency cutoff, at least 1
   */
  public int minDf() {
    return minDf;
  }

  /**
   * Returns the maximum number of features kept (the most frequent by document frequency), or 0
   * for no limit.
   *
   * @return the feature limit
   */
  public int maxFeatures() {
    return maxFeatures;
  }

  private String write() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("ngrams", ngramMin + "-" + ngramMax);
    m.put("lowercase", Boolean.toString(lowercase));
    m.put("nfkc", Boolean.toString(nfkc));
    String sw;
    if (stopWords.isEmpty()) {
      sw = "none";
    } else if (stopWords.equals(ENGLISH_STOP_WORDS)) {
      sw = "english";
    } else {
      sw = "[" + String.join(" ", stopWords) + "]";
    }
    m.put("stop-words", sw);
    m.put("stemming", stemming.key());
    m.put("title-weight", Settings.format(titleWeight));
    m.put("sublinear-tf", Boolean.toString(sublinearTf));
    m.put("idf", Boolean.toString(idf));
    m.put("unit-length", Boolean.toString(unitLength));
    m.put("min-df", Integer.toString(minDf));
    m.put("max-features", Integer.toString(maxFeatures));
    return Settings.join(m);
  }

  /**
   * Returns the text form with every setting, e.g. {@code
   * ngrams=1-2,lowercase=true,...,max-features=200000}; {@link #parse(String)} reads it back.
   *
   * @return the text form
   */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeaturePipeline p && text.equals(p.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** A mutable builder of {@link FeaturePipeline}; not thread-safe. */
  public static final class Builder {
    private int ngramMin = 1;
    private int ngramMax = 2;
    private boolean lowercase = true;
    private boolean nfkc = true;
    private Set<String> stopWords = Set.of();
    private Stemming stemming = Stemming.ENGLISH;
    private double titleWeight = 2.0;
    private boolean sublinearTf = true;
    private boolean idf = true;
    private boolean unitLength = true;
    private int minDf = 2;
    private int maxFeatures = 200_000;

    private Builder() {}

    private Builder(FeaturePipeline p) {
      ngramMin = p.ngramMin;
      ngramMax = p.ngramMax;
      lowercase = p.lowercase;
      nfkc = p.nfkc;
      stopWords = p.stopWords;
      stemming = p.stemming;
      titleWeight = p.titleWeight;
      sublinearTf = p.sublinearTf;
      idf = p.idf;
      unitLength = p.unitLength;
      minDf = p.minDf;
      maxFeatures = p.maxFeatures;
    }

    /**
     * Sets the word n-gram lengths, e.g. {@code (1, 2)} for single words and word pairs.
     *
     * @param min the shortest n, at least 1
     * @param max the longest n, at least {@code min} and at most 3
     * @return this builder
     * @throws IllegalArgumentException if the range is invalid
     */
    public Builder ngrams(int min, int max) {
      if (min < 1 || max < min || max > MAX_NGRAM) {
        throw new IllegalArgumentException(
            "ngrams must satisfy 1 <= min <= max <= " + MAX_NGRAM + ": " + min + "-" + max);
      }
      ngramMin = min;
      ngramMax = max;
      return this;
    }

    /**
     * Sets whether tokens are lower-cased.
     *
     * @param value {@code true} to lower-case
     * @return this builder
     */
    public Builder lowercase(boolean value) {
      lowercase = value;
      return this;
    }

    /**
     * Sets whether text is Unicode-normalised (NFKC) before tokenising.
     *
     * @param value {@code true} to normalise
     * @return this builder
     */
    public Builder nfkc(boolean value) {
      nfkc = value;
      return this;
    }

    /**
     * Sets the stop words, e.g. {@link FeaturePipeline#ENGLISH_STOP_WORDS}; empty for none. Each
     * must be a token the tokenizer can produce and keep: a run of letters or a run of digits.
     *
     * @param value the stop words
     * @return this builder
     * @throws IllegalArgumentException if a word is empty or mixes letters, digits or other
     *     characters
     */
    public Builder stopWords(Set<String> value) {
      List<String> words = new ArrayList<>(value);
      for (String w : words) {
        boolean letters = !w.isEmpty() && w.chars().allMatch(Character::isAlphabetic);
        boolean digits = !w.isEmpty() && w.chars().allMatch(Character::isDigit);
        if (!letters && !digits) {
          throw new IllegalArgumentException(
              "stop word '" + w + "' can never match a token: tokens are runs of letters or of"
                  + " digits");
        }
      }
      stopWords = Set.copyOf(words);
      return this;
    }

    /**
     * Sets the stemmer.
     *
     * @param value the stemming setting
     * @return this builder
     */
    public Builder stemming(Stemming value) {
      stemming = Objects.requireNonNull(value, "stemming");
      return this;
    }

    /**
     * Sets how many times each title n-gram counts relative to a body n-gram.
     *
     * @param value 0 (ignore titles) to 1000
     * @return this builder
     * @throws IllegalArgumentException if the value is out of range or not a number
     */
    public Builder titleWeight(double value) {
      titleWeight = Settings.checkRange("title-weight", value, value, 0, MAX_TITLE_WEIGHT);
      return this;
    }

    /**
     * Sets whether term frequencies are damped to {@code 1 + ln(tf)}.
     *
     * @param value {@code true} for sublinear term frequency
     * @return this builder
     */
    public Builder sublinearTf(boolean value) {
      sublinearTf = value;
      return this;
    }

    /**
     * Sets whether term frequencies are multiplied by the inverse document frequency.
     *
     * @param value {@code true} for IDF weighting
     * @return this builder
     */
    public Builder idf(boolean value) {
      idf = value;
      return this;
    }

    /**
     * Sets whether each text's vector is scaled to unit (L2) length.
     *
     * @param value {@code true} to scale
     * @return this builder
     */
    public Builder unitLength(boolean value) {
      unitLength = value;
      return this;
    }

    /**
     * Sets the minimum number of training texts an n-gram must occur in to become a feature.
     *
     * @param value at least 1
     * @return this builder
     * @throws IllegalArgumentException if the value is less than 1
     */
    public Builder minDf(int value) {
      minDf = Settings.checkRange("min-df", value, 1, Integer.MAX_VALUE);
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
      maxFeatures = Settings.checkRange("max-features", value, 0, Integer.MAX_VALUE);
      return this;
    }

    /**
     * Builds the immutable pipeline.
     *
     * @return the pipeline
     */
    public FeaturePipeline build() {
      return new FeaturePipeline(this);
    }
  }
}
