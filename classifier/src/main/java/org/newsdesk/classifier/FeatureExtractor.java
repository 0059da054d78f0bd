package org.newsdesk.classifier;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import opennlp.tools.stemmer.PorterStemmer;
import opennlp.tools.stemmer.Stemmer;
import opennlp.tools.stemmer.snowball.SnowballStemmer;

/**
 * Turns a title and body into weighted features. Owned by us (not an OpenNLP feature generator)
 * so that every setting is rebuilt exactly from the saved {@link FeaturePipeline} and vocabulary.
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

  private final FeaturePipeline config;
  private final Set<String> stopWords;
  private final String[] names; // index 0 is BIAS
  private final float[] idf;
  private final ThreadLocal<Analyzer> analyzers;

  /** The largest idf accepted from a saved model; training texts give at most ln(1 + 2^31) + 1. */
  static final float MAX_IDF = 1000f;

  // Fast path for vector(): terms get ids, n-grams are looked up by packed term ids.
  private static final int TERM_BITS = 21;
  /** The most distinct words a vocabulary may hold: n-gram keys pack three 21-bit word ids. */
  static final int MAX_TERMS = (1 << TERM_BITS) - 2;
  private final Map<String, Integer> termIds = new HashMap<>();
  private final int[] unigramFeature;
  private final LongIntMap ngramFeatures;

  private FeatureExtractor(FeaturePipeline config, String[] names, float[] idf) {
    this.config = config;
    this.stopWords = config.stopWords();
    this.names = names;
    this.idf = idf;
    if (names.length == 0 || !BIAS.equals(names[0])) {
      throw new IllegalArgumentException("feature 0 must be the bias feature");
    }
    Set<String> seen = new HashSet<>();
    List<int[]> grams = new ArrayList<>(names.length);
    for (int f = 1; f < names.length; f++) {
      String name = names[f];
      if (!seen.add(name)) {
        throw new IllegalArgumentException("duplicate feature '" + name + "'");
      }
      String[] parts = name.split(" ", -1);
      if (parts.length < config.ngramMin() || parts.length > config.ngramMax()) {
        throw new IllegalArgumentException(
            "feature '" + name + "' is a " + parts.length + "-gram, but the pipeline makes "
                + config.ngramMin() + "- to " + config.ngramMax() + "-grams");
      }
      int[] ids = new int[parts.length];
      for (int i = 0; i < parts.length; i++) {
        if (parts[i].isEmpty()) {
          throw new IllegalArgumentException("feature '" + name + "' has an empty word");
        }
        ids[i] = termIds.computeIfAbsent(parts[i], k -> termIds.size());
      }
      grams.add(ids);
      if (termIds.size() >= MAX_TERMS) {
        throw new IllegalArgumentException("more than " + MAX_TERMS + " distinct words");
      }
    }
    for (float w : idf) {
      if (!(w > 0 && w <= MAX_IDF)) {
        throw new IllegalArgumentException("idf " + w + " is not a number in (0, " + MAX_IDF + "]");
      }
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

  /**
   * Rebuilds an extractor from saved parts.
   *
   * @throws IllegalArgumentException if the parts are inconsistent: lengths differ, feature 0 is
   *     not the bias, a name repeats or is not an n-gram the pipeline makes, an idf is not a
   *     positive number of at most {@link #MAX_IDF}
   */
  static FeatureExtractor of(FeaturePipeline config, String[] names, float[] idf) {
    if (names.length != idf.length) {
      throw new IllegalArgumentException("feature names and weights differ in length");
    }
    return new FeatureExtractor(config, names.clone(), idf.clone());
  }

  /** An extractor without vocabulary, for analysing training texts. */
  static FeatureExtractor analyzerOnly(FeaturePipeline config) {
    return new FeatureExtractor(config, new String[] {BIAS}, new float[] {1f});
  }

  /**
   * The extractor of a chosen vocabulary: {@code vocabulary} (without the bias) in feature-id
   * order, {@code df} their document frequencies among {@code documents} training texts; the idf
   * is the smoothed {@code ln((1 + N) / (1 + df)) + 1}, or 1 when the pipeline has idf off.
   */
  static FeatureExtractor fitted(
      FeaturePipeline config, String[] vocabulary, int[] df, long documents) {
    String[] names = new String[vocabulary.length + 1];
    float[] idf = new float[vocabulary.length + 1];
    names[0] = BIAS;
    idf[0] = 1f;
    double n = documents;
    for (int i = 0; i < vocabulary.length; i++) {
      names[i + 1] = vocabulary[i];
      idf[i + 1] = config.idf() ? (float) (Math.log((1 + n) / (1 + df[i])) + 1) : 1f;
    }
    return new FeatureExtractor(config, names, idf);
  }

  FeaturePipeline pipeline() {
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
    Term[] t = titleTerms(a, title, body, b);
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
    double scale = config.unitLength() && norm > 0 ? 1 / Math.sqrt(norm) : 1;
    float[] values = new float[k];
    values[0] = 1f;
    for (int i = 1; i < k; i++) {
      values[i] = (float) (weights[i] * scale);
    }
    return new Vector(k == outIds.length ? outIds : Arrays.copyOf(outIds, k), values);
  }

  /**
   * The title's terms, or none when titles do not count or the title merely repeats the start of
   * the body (its n-grams would be counted twice). Spotting a repeat on the raw text saves
   * analysing the title, which is a quarter of the work on such digests.
   */
  private Term[] titleTerms(Analyzer a, String title, String body, Term[] b) {
    if (!(config.titleWeight() > 0) || repeatsBodyStart(title, body)) {
      return NO_TERMS;
    }
    Term[] t = a.analyze(title, this);
    if (t.length > 0 && t.length <= b.length && samePrefix(b, t)) {
      return NO_TERMS;
    }
    return t;
  }

  /**
   * The distinct hashes of a text's n-grams (those {@link #counts} would list), sorted: what
   * training counts to find each n-gram's document frequency without keeping n-gram strings.
   */
  long[] ngramHashes(String title, String body) {
    Analyzer a = analyzers.get();
    Term[] b = a.analyze(body, this);
    Term[] t = titleTerms(a, title, body, b);
    long[] out = new long[ngramCount(b.length) + ngramCount(t.length)];
    int n = 0;
    for (Term[] terms : new Term[][] {b, t}) {
      for (int g = config.ngramMin(); g <= config.ngramMax(); g++) {
        for (int i = 0; i + g <= terms.length; i++) {
          out[n++] = ngramHash(terms, i, g);
        }
      }
    }
    Arrays.sort(out, 0, n);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (distinct == 0 || out[distinct - 1] != out[i]) {
        out[distinct++] = out[i];
      }
    }
    return distinct == out.length ? out : Arrays.copyOf(out, distinct);
  }

  private int ngramCount(int terms) {
    int c = 0;
    for (int g = config.ngramMin(); g <= config.ngramMax(); g++) {
      c += Math.max(0, terms - g + 1);
    }
    return c;
  }

  /**
   * Writes the name of every n-gram of the text whose hash is in {@code wanted} into {@code
   * names} at the index {@code wanted} maps it to, unless a name is there already.
   *
   * @return how many names this call wrote
   */
  int nameNgrams(
      String title, String body, LongIntMap wanted, AtomicReferenceArray<String> names) {
    Analyzer a = analyzers.get();
    Term[] b = a.analyze(body, this);
    Term[] t = titleTerms(a, title, body, b);
    int written = 0;
    for (Term[] terms : new Term[][] {b, t}) {
      for (int g = config.ngramMin(); g <= config.ngramMax(); g++) {
        for (int i = 0; i + g <= terms.length; i++) {
          int index = wanted.get(ngramHash(terms, i, g));
          if (index >= 0 && names.get(index) == null) {
            StringBuilder sb = new StringBuilder(terms[i].text);
            for (int j = 1; j < g; j++) {
              sb.append(' ').append(terms[i + j].text);
            }
            if (names.compareAndSet(index, null, sb.toString())) {
              written++;
            }
          }
        }
      }
    }
    return written;
  }

  /**
   * A 64-bit hash of the n-gram {@code terms[from..from+n)}: different n-grams collide with
   * probability about 2^-64 per pair. Never 0 (the empty key of {@link LongIntMap}).
   */
  private static long ngramHash(Term[] terms, int from, int n) {
    long h = n;
    for (int i = 0; i < n; i++) {
      h = mix(h * 0x9E3779B97F4A7C15L + terms[from + i].hash);
    }
    return h == 0 ? 1 : h;
  }

  /** 64-bit FNV-1a over the chars, finished with {@link #mix}. */
  static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  /** The finaliser of MurmurHash3 (fmix64): every input bit affects every output bit. */
  static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
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

  /**
   * An analysed token: its stemmed text, its term id here (-1 if in no feature) and the hash of
   * its text.
   */
  private record Term(String text, int id, long hash) {}

  /** Marks stop words and tokens without letters or digits in the per-thread cache. */
  private static final Term SKIP = new Term("", -1, 0);

  private static final Term[] NO_TERMS = new Term[0];

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
        return NO_TERMS;
      }
      String t = text;
      FeaturePipeline config = fx.config;
      if (config.nfkc() && needsNormalizing(t)) {
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
              term = new Term(stem, id == null ? -1 : id, hash(stem));
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

    Analyzer(FeaturePipeline.Stemming stemming) {
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
