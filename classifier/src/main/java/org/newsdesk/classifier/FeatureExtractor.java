package org.newsdesk.classifier;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import opennlp.tools.stemmer.PorterStemmer;
import opennlp.tools.stemmer.Stemmer;
import opennlp.tools.stemmer.snowball.SnowballStemmer;
import opennlp.tools.tokenize.SimpleTokenizer;

/**
 * Turns a title and body into weighted features. Owned by us (not an OpenNLP feature generator)
 * so that every setting is rebuilt exactly from the saved {@link TrainingConfig} and vocabulary.
 * Thread-safe: the only mutable state (stemmer, stem cache) is per thread.
 */
final class FeatureExtractor {

  /** Constant feature present in every document: lets the model learn label priors. */
  static final String BIAS = " bias";

  private static final int STEM_CACHE_LIMIT = 100_000;

  private final TrainingConfig config;
  private final Set<String> stopWords;
  private final String[] names; // index 0 is BIAS
  private final float[] idf;
  private final Map<String, Integer> index;
  private final ThreadLocal<Analyzer> analyzers;

  private FeatureExtractor(TrainingConfig config, String[] names, float[] idf) {
    this.config = config;
    this.stopWords = config.stopWords();
    this.names = names;
    this.idf = idf;
    this.index = new HashMap<>(names.length * 2);
    for (int i = 0; i < names.length; i++) {
      if (index.put(names[i], i) != null) {
        throw new IllegalArgumentException("duplicate feature '" + names[i] + "'");
      }
    }
    if (names.length == 0 || !BIAS.equals(names[0])) {
      throw new IllegalArgumentException("feature 0 must be the bias feature");
    }
    this.analyzers = ThreadLocal.withInitial(() -> new Analyzer(config.stemming()));
  }

  /** Rebuilds an extractor from saved parts. */
  static FeatureExtractor of(TrainingConfig config, String[] names, float[] idf) {
    if (names.length != idf.length) {
      throw new IllegalArgumentException("feature names and weights differ in length");
    }
    return new FeatureExtractor(config, names.clone(), idf.clone());
  }

  /** An extractor without vocabulary, for analysing training texts. */
  static FeatureExtractor analyzerOnly(TrainingConfig config) {
    return new FeatureExtractor(config, new String[] {BIAS}, new float[] {1f});
  }

  /**
   * Chooses the vocabulary from the training documents' raw term counts: features in at least
   * {@code cutoff} documents, the {@code maxFeatures} most frequent, with smoothed IDF.
   */
  static FeatureExtractor fit(TrainingConfig config, List<Map<String, Double>> docs) {
    Map<String, int[]> df = new HashMap<>();
    for (Map<String, Double> d : docs) {
      for (String term : d.keySet()) {
        df.computeIfAbsent(term, k -> new int[1])[0]++;
      }
    }
    List<Map.Entry<String, int[]>> kept = new ArrayList<>();
    for (Map.Entry<String, int[]> e : df.entrySet()) {
      if (e.getValue()[0] >= config.cutoff()) {
        kept.add(e);
      }
    }
    // Most frequent first, ties by name: the vocabulary is deterministic.
    kept.sort(
        (a, b) -> {
          int c = Integer.compare(b.getValue()[0], a.getValue()[0]);
          return c != 0 ? c : a.getKey().compareTo(b.getKey());
        });
    if (config.maxFeatures() > 0 && kept.size() > config.maxFeatures()) {
      kept = kept.subList(0, config.maxFeatures());
    }
    String[] names = new String[kept.size() + 1];
    float[] idf = new float[kept.size() + 1];
    names[0] = BIAS;
    idf[0] = 1f;
    double n = docs.size();
    for (int i = 0; i < kept.size(); i++) {
      names[i + 1] = kept.get(i).getKey();
      idf[i + 1] =
          config.idf() ? (float) (Math.log((1 + n) / (1 + kept.get(i).getValue()[0])) + 1) : 1f;
    }
    return new FeatureExtractor(config, names, idf);
  }

  TrainingConfig config() {
    return config;
  }

  String[] names() {
    return names.clone();
  }

  float[] idf() {
    return idf.clone();
  }

  int size() {
    return names.length;
  }

  String name(int i) {
    return names[i];
  }

  /** The analysed terms of one text: normalised, tokenised, lower-cased, filtered, stemmed. */
  List<String> terms(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    String t = text;
    if (config.unicodeNormalization() && !Normalizer.isNormalized(t, Normalizer.Form.NFKC)) {
      t = Normalizer.normalize(t, Normalizer.Form.NFKC);
    }
    String[] tokens = SimpleTokenizer.INSTANCE.tokenize(t);
    Analyzer a = analyzers.get();
    List<String> out = new ArrayList<>(tokens.length);
    for (String tok : tokens) {
      if (!hasLetterOrDigit(tok)) {
        continue;
      }
      String w = config.lowercase() ? tok.toLowerCase(Locale.ROOT) : tok;
      if (stopWords.contains(w)) {
        continue;
      }
      out.add(a.stem(w));
    }
    return out;
  }

  /**
   * Raw (unweighted) n-gram counts of a document; title n-grams count {@code titleWeight} times,
   * unless the title just repeats the start of the body (then it would be counted twice).
   */
  Map<String, Double> counts(String title, String body) {
    List<String> b = terms(body);
    List<String> t = config.titleWeight() > 0 ? terms(title) : List.of();
    if (!t.isEmpty() && t.size() <= b.size() && b.subList(0, t.size()).equals(t)) {
      t = List.of();
    }
    Map<String, Double> counts = new HashMap<>();
    addNgrams(b, 1.0, counts);
    addNgrams(t, config.titleWeight(), counts);
    return counts;
  }

  private void addNgrams(List<String> terms, double weight, Map<String, Double> counts) {
    int size = terms.size();
    StringBuilder sb = new StringBuilder();
    for (int n = config.ngramMin(); n <= config.ngramMax(); n++) {
      for (int i = 0; i + n <= size; i++) {
        String gram;
        if (n == 1) {
          gram = terms.get(i);
        } else {
          sb.setLength(0);
          sb.append(terms.get(i));
          for (int j = 1; j < n; j++) {
            sb.append(' ').append(terms.get(i + j));
          }
          gram = sb.toString();
        }
        counts.merge(gram, weight, Double::sum);
      }
    }
  }

  /** A document's weighted feature vector, feature indexes ascending; index 0 (bias) first. */
  Vector vector(Map<String, Double> counts) {
    int[] ids = new int[counts.size() + 1];
    float[] raw = new float[counts.size() + 1];
    int k = 1;
    double norm = 0;
    for (Map.Entry<String, Double> e : counts.entrySet()) {
      Integer id = index.get(e.getKey());
      if (id == null) {
        continue;
      }
      double tf = e.getValue();
      double w = config.sublinearTf() && tf > 1 ? 1 + Math.log(tf) : tf;
      w *= idf[id];
      ids[k] = id;
      raw[k] = (float) w;
      norm += w * w;
      k++;
    }
    // sort by feature id so that sums run in the same order every time
    long[] packed = new long[k - 1];
    for (int i = 1; i < k; i++) {
      packed[i - 1] = ((long) ids[i] << 32) | (Float.floatToRawIntBits(raw[i]) & 0xffffffffL);
    }
    Arrays.sort(packed);
    double scale = config.normalize() && norm > 0 ? 1 / Math.sqrt(norm) : 1;
    int[] outIds = new int[k];
    float[] outValues = new float[k];
    outIds[0] = 0;
    outValues[0] = 1f;
    for (int i = 0; i < packed.length; i++) {
      outIds[i + 1] = (int) (packed[i] >>> 32);
      outValues[i + 1] = (float) (Float.intBitsToFloat((int) packed[i]) * scale);
    }
    return new Vector(outIds, outValues);
  }

  Vector vector(String title, String body) {
    return vector(counts(title, body));
  }

  /** Feature ids and values of one document; ids[0] is the bias. */
  record Vector(int[] ids, float[] values) {
    boolean onlyBias() {
      return ids.length == 1;
    }
  }

  private static boolean hasLetterOrDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetterOrDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Per-thread stemmer (OpenNLP stemmers keep state) with a bounded cache. */
  private static final class Analyzer {
    private final Stemmer stemmer;
    private final Map<String, String> cache = new HashMap<>();

    Analyzer(TrainingConfig.Stemming stemming) {
      switch (stemming) {
        case NONE -> stemmer = null;
        case PORTER -> stemmer = new PorterStemmer();
        default -> stemmer = new SnowballStemmer(SnowballStemmer.ALGORITHM.valueOf(stemming.name()));
      }
    }

    String stem(String word) {
      if (stemmer == null) {
        return word;
      }
      String s = cache.get(word);
      if (s == null) {
        s = stemmer.stem(word).toString();
        if (s.isEmpty()) {
          s = word;
        }
        if (cache.size() >= STEM_CACHE_LIMIT) {
          cache.clear();
        }
        cache.put(word, s);
      }
      return s;
    }
  }
}
