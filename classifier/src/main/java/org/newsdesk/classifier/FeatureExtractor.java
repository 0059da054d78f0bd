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

/**
 * Turns a title and body into weighted features. Owned by us (not an OpenNLP feature generator)
 * so that every setting is rebuilt exactly from the saved {@link TrainingConfig} and vocabulary.
 * Thread-safe: the only mutable state (stemmer, token scanner, token cache) is per thread.
 */
final class FeatureExtractor {

  /** Constant feature present in every document: lets the model learn label priors. */
  static final String BIAS = " bias";

  /**
   * Entries of each analysing (training or predicting) thread's token cache: about 5-8 MB when full. Fortunes' 12k texts
   * hold 35k distinct tokens and fit; SpamAssassin's 6k e-mails hold 96k, and the cache is
   * emptied when full (bounded memory beats the last few percent of speed there).
   */
  static final int TOKEN_CACHE_LIMIT = 50_000;

  private final TrainingConfig config;
  private final Set<String> stopWords;
  private final String[] names; // index 0 is BIAS
  private final float[] idf;
  private final ThreadLocal<Analyzer> analyzers;

  // Fast path for vector(): terms get ids, n-grams are looked up by packed term ids.
  private static final int TERM_BITS = 21;
  private final Map<String, Integer> termIds = new HashMap<>();
  private final int[] unigramFeature;
  private final LongIntMap ngramFeatures;

  private FeatureExtractor(TrainingConfig config, String[] names, float[] idf) {
    this.config = config;
    this.stopWords = config.stopWords();
    this.names = names;
    this.idf = idf;
    if (new java.util.HashSet<>(Arrays.asList(names)).size() != names.length) {
      throw new IllegalArgumentException("duplicate feature names");
    }
    if (names.length == 0 || !BIAS.equals(names[0])) {
      throw new IllegalArgumentException("feature 0 must be the bias feature");
    }
    List<int[]> grams = new ArrayList<>(names.length);
    for (int f = 1; f < names.length; f++) {
      String[] parts = names[f].split(" ");
      int[] ids = new int[parts.length];
      for (int i = 0; i < parts.length; i++) {
        ids[i] = termIds.computeIfAbsent(parts[i], k -> termIds.size());
      }
      grams.add(ids);
    }
    if (termIds.size() >= (1 << TERM_BITS) - 1 || config.ngramMax() > 3) {
      throw new IllegalArgumentException(
          "too many distinct terms (" + termIds.size() + ") or n-grams longer than 3");
    }
    this.unigramFeature = new int[termIds.size()];
    Arrays.fill(unigramFeature, -1);
    this.ngramFeatures = new LongIntMap(grams.size());
    for (int f = 1; f < names.length; f++) {
      int[] ids = grams.get(f - 1);
      if (ids.length == 1) {
        unigramFeature[ids[0]] = f;
      } else {
        ngramFeatures.put(pack(ids, 0, ids.length), f);
      }
    }
    this.analyzers = ThreadLocal.withInitial(() -> new Analyzer(config.stemming()));
  }

  private static long pack(int[] ids, int from, int n) {
    long key = 0;
    for (int i = 0; i < n; i++) {
      key |= (long) (ids[from + i] + 1) << (TERM_BITS * i);
    }
    return key;
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
    Term[] terms = analyzers.get().analyze(text, this);
    List<String> out = new ArrayList<>(terms.length);
    for (Term t : terms) {
      out.add(t.text);
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

  /**
   * A document's weighted feature vector straight from its text, looking n-grams up in the
   * vocabulary as they are built (no intermediate map). Training and prediction both use this, so
   * a document always gets bit-for-bit the same vector.
   */
  Vector vector(String title, String body) {
    Analyzer a = analyzers.get();
    Term[] b = a.analyze(body, this);
    // A title that repeats the body's opening words adds nothing (see samePrefix below); spotting
    // that on the raw text saves analysing it, which is a quarter of the work on such digests.
    Term[] t =
        config.titleWeight() > 0 && !repeatsBodyStart(title, body)
            ? a.analyze(title, this)
            : new Term[0];
    if (t.length > 0 && t.length <= b.length && samePrefix(b, t)) {
      t = new Term[0];
    }
    int[] buf = new int[8];
    int n = 0;
    int[] ids = new int[Math.max(b.length, t.length)];
    for (int pass = 0; pass < 2; pass++) {
      Term[] terms = pass == 0 ? b : t;
      int size = terms.length;
      for (int i = 0; i < size; i++) {
        ids[i] = terms[i].id;
      }
      for (int g = config.ngramMin(); g <= config.ngramMax(); g++) {
        for (int i = 0; i + g <= size; i++) {
          int f;
          if (g == 1) {
            f = ids[i] < 0 ? -1 : unigramFeature[ids[i]];
          } else {
            boolean known = true;
            for (int j = 0; j < g; j++) {
              known &= ids[i + j] >= 0;
            }
            f = known ? ngramFeatures.get(pack(ids, i, g)) : -1;
          }
          if (f > 0) {
            if (n == buf.length) {
              buf = Arrays.copyOf(buf, n * 2);
            }
            // the low bit marks title occurrences
            buf[n++] = f << 1 | pass;
          }
        }
      }
    }
    Arrays.sort(buf, 0, n);
    int[] outIds = new int[n + 1];
    double[] weights = new double[n + 1];
    int k = 1;
    double norm = 0;
    for (int i = 0; i < n; ) {
      int id = buf[i] >>> 1;
      double tf = 0;
      while (i < n && buf[i] >>> 1 == id) {
        tf += (buf[i] & 1) == 0 ? 1.0 : config.titleWeight();
        i++;
      }
      double w = config.sublinearTf() && tf > 1 ? 1 + Math.log(tf) : tf;
      w *= idf[id];
      outIds[k] = id;
      weights[k] = w;
      norm += w * w;
      k++;
    }
    double scale = config.normalize() && norm > 0 ? 1 / Math.sqrt(norm) : 1;
    float[] values = new float[k];
    values[0] = 1f;
    for (int i = 1; i < k; i++) {
      values[i] = (float) (weights[i] * scale);
    }
    return new Vector(k == outIds.length ? outIds : Arrays.copyOf(outIds, k), values);
  }

  /**
   * True if the title is ASCII and the body starts with it followed by whitespace (or nothing):
   * then the title's terms are exactly the body's first terms. The tokenizer starts afresh after
   * whitespace, and ASCII text is unchanged by NFKC, so no token can straddle the boundary.
   */
  static boolean repeatsBodyStart(String title, String body) {
    if (title.isEmpty() || !body.startsWith(title) || !isAscii(title)) {
      return false;
    }
    if (body.length() == title.length()) {
      return true;
    }
    char next = body.charAt(title.length());
    return next == ' ' || next == '\t' || next == '\n' || next == '\r';
  }

  private static boolean samePrefix(Term[] body, Term[] title) {
    for (int i = 0; i < title.length; i++) {
      if (!body[i].text.equals(title[i].text)) {
        return false;
      }
    }
    return true;
  }

  /** An analysed token: its stemmed text and its term id here (-1 if in no feature). */
  private record Term(String text, int id) {}

  /** Marks stop words and tokens without letters or digits in the per-thread cache. */
  private static final Term SKIP = new Term("", -1);

  /** Feature ids and values of one document; ids[0] is the bias. */
  record Vector(int[] ids, float[] values) {
    boolean onlyBias() {
      return ids.length == 1;
    }
  }

  /** ASCII text is already NFKC; checking that first skips the normalizer's own scan. */
  private static boolean needsNormalizing(String s) {
    return !isAscii(s) && !Normalizer.isNormalized(s, Normalizer.Form.NFKC);
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasLetterOrDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetterOrDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Per-thread stemmer (OpenNLP stemmers keep state), token scanner and bounded cache. */
  private static final class Analyzer {
    private final Stemmer stemmer;
    private final TokenSpans spans = new TokenSpans();
    // raw token -> analysed term (each extractor has its own analyzers)
    private final TermCache terms = new TermCache();

    Term[] analyze(String text, FeatureExtractor fx) {
      if (text.isEmpty()) {
        return new Term[0];
      }
      String t = text;
      TrainingConfig config = fx.config;
      if (config.unicodeNormalization() && needsNormalizing(t)) {
        t = Normalizer.normalize(t, Normalizer.Form.NFKC);
      }
      spans.scan(t);
      Term[] out = new Term[spans.count()];
      int n = 0;
      for (int i = 0; i < spans.count(); i++) {
        int from = spans.start(i);
        int to = spans.end(i);
        Term term = terms.get(t, from, to);
        if (term == null) {
          String tok = t.substring(from, to);
          if (!hasLetterOrDigit(tok)) {
            term = SKIP;
          } else {
            String w = config.lowercase() ? tok.toLowerCase(Locale.ROOT) : tok;
            if (fx.stopWords.contains(w)) {
              term = SKIP;
            } else {
              String stem = stemmed(w);
              Integer id = fx.termIds.get(stem);
              term = new Term(stem, id == null ? -1 : id);
            }
          }
          terms.put(tok, term);
        }
        if (term != SKIP) {
          out[n++] = term;
        }
      }
      return n == out.length ? out : Arrays.copyOf(out, n);
    }

    Analyzer(TrainingConfig.Stemming stemming) {
      switch (stemming) {
        case NONE -> stemmer = null;
        case PORTER -> stemmer = new PorterStemmer();
        default -> stemmer = new SnowballStemmer(SnowballStemmer.ALGORITHM.valueOf(stemming.name()));
      }
    }

    private String stemmed(String word) {
      if (stemmer == null) {
        return word;
      }
      String s = stemmer.stem(word).toString();
      return s.isEmpty() ? word : s;
    }
  }

  /**
   * Raw token to analysed term, probed with a slice of the text so that a hit creates no string.
   * Open addressing with linear probing; emptied when full, so memory stays bounded.
   */
  private static final class TermCache {
    private static final int CAPACITY = Integer.highestOneBit(TOKEN_CACHE_LIMIT) * 4;
    private String[] keys = new String[1024];
    private Term[] values = new Term[1024];
    private int size;

    Term get(String text, int from, int to) {
      int len = to - from;
      int h = 0;
      for (int i = from; i < to; i++) {
        h = 31 * h + text.charAt(i);
      }
      int mask = keys.length - 1;
      for (int slot = spread(h) & mask; ; slot = (slot + 1) & mask) {
        String k = keys[slot];
        if (k == null) {
          return null;
        }
        if (k.length() == len && k.hashCode() == h && k.regionMatches(0, text, from, len)) {
          return values[slot];
        }
      }
    }

    void put(String key, Term value) {
      if (size >= TOKEN_CACHE_LIMIT) {
        keys = new String[1024];
        values = new Term[1024];
        size = 0;
      } else if (2 * (size + 1) > keys.length && keys.length < CAPACITY) {
        grow();
      }
      insert(key, value);
      size++;
    }

    private void insert(String key, Term value) {
      int mask = keys.length - 1;
      int slot = spread(key.hashCode()) & mask;
      while (keys[slot] != null) {
        slot = (slot + 1) & mask;
      }
      keys[slot] = key;
      values[slot] = value;
    }

    private void grow() {
      String[] oldKeys = keys;
      Term[] oldValues = values;
      keys = new String[oldKeys.length * 2];
      values = new Term[oldKeys.length * 2];
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldKeys[i] != null) {
          insert(oldKeys[i], oldValues[i]);
        }
      }
    }

    private static int spread(int h) {
      return h ^ (h >>> 16);
    }
  }
}
