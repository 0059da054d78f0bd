package org.newsdesk.classifier;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
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
 * Thread-safe: the only mutable state (stemmer, token scanner, token and number caches) is per
 * thread.
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
  /**
   * For each term, a 64-bit set of (hashed) terms that follow it somewhere inside a feature
   * n-gram: an n-gram with an adjacent pair not in these sets is no feature, and is not looked up.
   */
  private final long[] followers;

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
    int longer = 0;
    for (int[] ids : grams) {
      longer += ids.length > 1 ? 1 : 0;
    }
    // sized for the n-grams it holds (not the unigrams): a smaller table stays in cache longer
    this.ngramFeatures = new LongIntMap(longer);
    this.followers = new long[termIds.size()];
    for (int f = 1; f < names.length; f++) {
      int[] ids = grams.get(f - 1);
      if (ids.length == 1) {
        unigramFeature[ids[0]] = f;
      } else {
        ngramFeatures.put(pack(ids, 0, ids.length), f);
        for (int i = 1; i < ids.length; i++) {
          followers[ids[i - 1]] |= followerBit(ids[i]);
        }
      }
    }
    this.analyzers = ThreadLocal.withInitial(() -> new Analyzer(config.stemming(), names.length));
  }

  /** The bit standing for a term in {@link #followers}. */
  private static long followerBit(int id) {
    return 1L << ((id * 0x9E3779B9) >>> 26);
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
    Analyzer a = analyzers.get();
    TermList terms = a.analyze(text, this, a.body);
    List<String> out = new ArrayList<>(terms.size);
    for (int i = 0; i < terms.size; i++) {
      out.add(terms.items[i].text);
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
   * A document's weighted feature vector, as new arrays: what training stores. The same
   * computation as {@link #score}, so a document always gets bit-for-bit the same vector.
   */
  Vector vector(String title, String body) {
    Analyzer a = analyzers.get();
    int k = a.collect(title, body, this);
    a.weigh(k, idf, 1, this);
    return new Vector(Arrays.copyOf(a.ids, k), Arrays.copyOf(a.values, k));
  }

  /**
   * A linear model's weights laid out for {@link #score}: one row per feature, its idf first, then
   * its weight for each label ({@code weights[feature * labels + label]}), so that a document's
   * feature costs one cache miss, not one for its idf and one for its weights.
   */
  float[] scoringRows(float[] weights, int labels) {
    int stride = labels + 1;
    float[] rows = new float[names.length * stride];
    for (int f = 0; f < names.length; f++) {
      rows[f * stride] = idf[f];
      System.arraycopy(weights, f * labels, rows, f * stride + 1, labels);
    }
    return rows;
  }

  /**
   * Scores a document against a linear model without allocating: its features' values times the
   * weights summed per label into {@code scores}, bias first, then features in ascending id
   * order. {@code rows} are the model's {@link #scoringRows}, for {@code scores.length} labels.
   *
   * @return false (and {@code scores} untouched) if the document has no feature but the bias
   */
  boolean score(String title, String body, float[] rows, double[] scores) {
    Analyzer a = analyzers.get();
    int k = a.collect(title, body, this);
    if (k == 1) {
      return false;
    }
    int[] ids = a.ids;
    int n = scores.length;
    int stride = n + 1;
    // weigh's idf loads bring the first cache line of each feature's row, and do not wait for
    // each other; a row longer than a line (many labels) has its other lines touched first, so
    // that their loads overlap too
    if (stride > 16) {
      float touched = 0;
      for (int i = 0; i < k; i++) {
        int base = ids[i] * stride;
        for (int l = 16; l < stride; l += 16) {
          touched += rows[base + l];
        }
        touched += rows[base + n];
      }
      a.touched = touched;
    }
    a.weigh(k, rows, stride, this);
    float[] values = a.values;
    for (int i = 0; i < k; i++) {
      int base = ids[i] * stride + 1;
      double x = values[i];
      for (int l = 0; l < n; l++) {
        scores[l] += x * rows[base + l];
      }
    }
    return true;
  }

  /**
   * The title's terms, or none when titles do not count or the title merely repeats the start of
   * the body (its n-grams would be counted twice). Spotting a repeat on the raw text saves
   * analysing the title, which is a quarter of the work on such digests.
   */
  private TermList titleTerms(Analyzer a, String title, String body, TermList b) {
    TermList t = a.title;
    t.size = 0;
    if (!(config.titleWeight() > 0) || repeatsBodyStart(title, body)) {
      return t;
    }
    a.analyze(title, this, t);
    if (t.size > 0 && t.size <= b.size && samePrefix(b, t)) {
      t.size = 0;
    }
    return t;
  }

  /**
   * The distinct hashes of a text's n-grams (those {@link #counts} would list), sorted: what
   * training counts to find each n-gram's document frequency without keeping n-gram strings.
   */
  long[] ngramHashes(String title, String body) {
    Analyzer a = analyzers.get();
    TermList b = a.analyze(body, this, a.body);
    TermList t = titleTerms(a, title, body, b);
    long[] out = new long[ngramCount(b.size) + ngramCount(t.size)];
    int n = 0;
    for (TermList terms : new TermList[] {b, t}) {
      for (int g = config.ngramMin(); g <= config.ngramMax(); g++) {
        for (int i = 0; i + g <= terms.size; i++) {
          out[n++] = ngramHash(terms.items, i, g);
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
    TermList b = a.analyze(body, this, a.body);
    TermList t = titleTerms(a, title, body, b);
    int written = 0;
    for (TermList terms : new TermList[] {b, t}) {
      for (int g = config.ngramMin(); g <= config.ngramMax(); g++) {
        for (int i = 0; i + g <= terms.size; i++) {
          int index = wanted.get(ngramHash(terms.items, i, g));
          if (index >= 0 && names.get(index) == null) {
            StringBuilder sb = new StringBuilder(terms.items[i].text);
            for (int j = 1; j < g; j++) {
              sb.append(' ').append(terms.items[i + j].text);
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
      h = mix(h * 0x9E3779B97F4A7C15L + terms[from + i].textHash);
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

  /** A new stemmer of the kind a pipeline names (stemmers keep state), or null for none. */
  static Stemmer stemmer(FeaturePipeline.Stemming stemming) {
    return switch (stemming) {
      case NONE -> null;
      case PORTER -> new PorterStemmer();
      default -> new SnowballStemmer(SnowballStemmer.ALGORITHM.valueOf(stemming.name()));
    };
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

  private static boolean samePrefix(TermList body, TermList title) {
    for (int i = 0; i < title.size; i++) {
      Term b = body.items[i];
      Term t = title.items[i];
      if (b != t && !b.text.equals(t.text)) {
        return false;
      }
    }
    return true;
  }

  /** A reusable list of one text's terms (the analyser grows it to the text's token count). */
  private static final class TermList {
    Term[] items = new Term[64];
    int size;
  }

  /** Feature ids and values of one document; ids[0] is the bias. */
  record Vector(int[] ids, float[] values) {
    boolean onlyBias() {
      return ids.length == 1;
    }
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasLetterOrDigit(char[] s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.isLetterOrDigit(s[i])) {
        return true;
      }
    }
    return false;
  }

  /**
   * Per-thread state: stemmer (OpenNLP stemmers keep state), token scanner, bounded token and
   * number caches, and the buffers of one document's terms and features, reused from document to
   * document.
   */
  private static final class Analyzer {
    private final Stemmer stemmer;
    private final TokenSpans spans = new TokenSpans();
    private final NfkcCheck nfkc = new NfkcCheck();
    // raw token -> analysed term (each extractor has its own analyzers); numbers apart, so that
    // their endless variety does not crowd out the words
    private final TermCache terms = new TermCache();
    private final NumberCache numbers = new NumberCache();
    final TermList body = new TermList();
    final TermList title = new TermList();
    // each token's entry in its first cache slot, loaded ahead of the checks
    private Term[] first = new Term[64];
    // the keys of a text's n-grams of two or more terms that may be features, looked up together
    private long[] keys = new long[64];
    private int[] found = new int[64];
    private final FeatureCounts counts;
    // the last document's features, bias first, then ascending ids; its tf-idf before scaling
    int[] ids = new int[64];
    float[] values = new float[64];
    private double[] weights = new double[64];
    /** Keeps the scoring loop's touching loads from being optimised away. */
    float touched;

    /**
     * {@link #analyzeMiss}, held in an instance field, so not a constant to the JIT: a call
     * through it is one the JIT does not inline. Inlined into the per-token loop, the miss path's
     * string handling made that loop's compiled code several times larger, and each rare branch
     * in it (a cache reset, a long token) recompiled all of it: on the 200 MB benchmark digest
     * the compiler thread's CPU time more than doubled and the classifying threads ran slower.
     */
    private final MethodHandle missPath = MISS_PATH;

    private static final MethodHandle MISS_PATH;

    static {
      try {
        MISS_PATH =
            MethodHandles.lookup()
                .findVirtual(
                    Analyzer.class,
                    "analyzeMiss",
                    MethodType.methodType(
                        Term.class,
                        char[].class,
                        int.class,
                        int.class,
                        int.class,
                        boolean.class,
                        FeatureExtractor.class));
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    Analyzer(FeaturePipeline.Stemming stemming, int features) {
      stemmer = stemmer(stemming);
      counts = new FeatureCounts(features);
    }

    /** Analyses a text into {@code out} (emptied first) and returns it. */
    TermList analyze(String text, FeatureExtractor fx, TermList out) {
      out.size = 0;
      if (text.isEmpty()) {
        return out;
      }
      String t = text;
      FeaturePipeline config = fx.config;
      spans.scan(t);
      // ASCII text is already NFKC: only other text needs the normalizer's check; a run of more
      // than 30 combining marks is cut first (StreamSafe), or the normalizer takes quadratic time
      if (config.nfkc() && !spans.ascii() && !nfkc.isNfkc(t)) {
        t = Normalizer.normalize(StreamSafe.limit(t), Normalizer.Form.NFKC);
        spans.scan(t);
      }
      int count = spans.count();
      // first load every token's likely cache entry, then check them one by one: the loads do
      // not wait for each other, so their cache misses overlap
      if (first.length < count) {
        first = new Term[Math.max(count, 2 * first.length)];
      }
      terms.prefetch(spans.hashes(), count, first);
      char[] chars = spans.chars();
      // room for every token, so that the loop stores without checking
      if (out.items.length < count) {
        out.items = new Term[Math.max(count, 2 * out.items.length)];
      }
      Term[] items = out.items;
      int size = 0;
      for (int i = 0; i < count; i++) {
        int from = spans.start(i);
        int to = spans.end(i);
        int hash = spans.hash(i);
        Term term =
            spans.number(i)
                ? numbers.get(hash, to - from, spans.packed0(i), spans.packed1(i))
                : terms.get(
                    chars,
                    from,
                    to,
                    hash,
                    spans.packable(i),
                    spans.packed0(i),
                    spans.packed1(i),
                    first[i]);
        if (term == null) {
          term = miss(chars, from, to, hash, spans.number(i), fx);
        }
        if (!term.skip) {
          items[size++] = term;
        }
      }
      out.size = size;
      return out;
    }

    /** Calls {@link #analyzeMiss} through {@link #missPath}. */
    private Term miss(
        char[] chars, int from, int to, int hash, boolean number, FeatureExtractor fx) {
      try {
        return (Term) missPath.invokeExact(this, chars, from, to, hash, number, fx);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new AssertionError("analyzeMiss throws no checked exception", e);
      }
    }

    /**
     * Analyses a token the caches do not hold, {@code chars[from, to)} with cache hash {@code
     * hash}, a {@linkplain TokenSpans#number(int) number} or not, and caches the result (a number
     * in the number cache, any other token in the token cache). Everything a cache miss needs is
     * in this one method, called through {@link #missPath}, so that it stays out of the per-token
     * loop's compiled code.
     */
    private Term analyzeMiss(
        char[] chars, int from, int to, int hash, boolean number, FeatureExtractor fx) {
      String text = "";
      int id = -1;
      boolean skip = !hasLetterOrDigit(chars, from, to);
      if (!skip) {
        String tok = new String(chars, from, to - from);
        // digits have no case, and every stemmer leaves a number as it is (NumberAnalysisTest):
        // numbers, the usual miss, skip both
        String w = fx.config.lowercase() && !number ? tok.toLowerCase(Locale.ROOT) : tok;
        skip = fx.stopWords.contains(w);
        if (!skip) {
          text = number ? w : stemmed(w);
          Integer known = fx.termIds.get(text);
          id = known == null ? -1 : known;
        }
      }
      Term term =
          new Term(
              chars,
              from,
              to,
              hash,
              text,
              id,
              id < 0 ? -1 : fx.unigramFeature[id],
              id < 0 ? 0 : fx.followers[id],
              skip);
      if (number) {
        numbers.put(term);
      } else {
        terms.put(term);
      }
      return term;
    }

    /**
     * Collects a document's features into {@link #ids}, their term frequencies into {@link
     * #weights}: the bias, then every known n-gram in ascending feature id. The term frequency
     * of an n-gram adds 1 per body occurrence, then {@code titleWeight} per title occurrence, in
     * that order. {@link #weigh} then turns them into the values.
     *
     * @return the number of features, the bias included
     */
    int collect(String title, String body, FeatureExtractor fx) {
      FeaturePipeline config = fx.config;
      TermList b = analyze(body, fx, this.body);
      TermList t = fx.titleTerms(this, title, body, b);
      // one call site for both texts: the JIT then compiles addNgrams once into this method, not
      // twice (each copy recompiled whenever one of its rare branches is first taken)
      for (int part = 0; part < 2; part++) {
        addNgrams(part == 0 ? b : t, part == 0 ? 1.0 : config.titleWeight(), fx);
      }
      int k = 1 + counts.size();
      if (ids.length < k) {
        int capacity = Math.max(k, 2 * ids.length);
        ids = new int[capacity];
        values = new float[capacity];
        weights = new double[capacity];
      }
      counts.drain(ids, weights, 1);
      ids[0] = 0;
      return k;
    }

    /**
     * Turns the {@code k} collected term frequencies into tf-idf {@link #values}, scaled to unit
     * length when the pipeline says so; feature {@code f}'s idf is {@code idf[f * stride]}.
     */
    void weigh(int k, float[] idf, int stride, FeatureExtractor fx) {
      FeaturePipeline config = fx.config;
      double norm = 0;
      boolean sublinear = config.sublinearTf();
      for (int i = 1; i < k; i++) {
        double tf = weights[i];
        double w = sublinear && tf > 1 ? 1 + Math.log(tf) : tf;
        w *= idf[ids[i] * stride];
        weights[i] = w;
        norm += w * w;
      }
      double scale = config.unitLength() && norm > 0 ? 1 / Math.sqrt(norm) : 1;
      values[0] = 1f;
      for (int i = 1; i < k; i++) {
        values[i] = (float) (weights[i] * scale);
      }
    }

    /** Counts the known n-grams of one text's terms, each occurrence with {@code weight}. */
    private void addNgrams(TermList list, double weight, FeatureExtractor fx) {
      Term[] items = list.items;
      int size = list.size;
      int min = fx.config.ngramMin();
      int max = fx.config.ngramMax();
      // at most max - 1 candidates end at each term: room for all of them, so the loop stores
      // without checking
      int bound = size * Math.max(0, max - 1);
      if (keys.length < bound) {
        keys = new long[Math.max(bound, 2 * keys.length)];
        found = new int[keys.length];
      }
      int candidates = 0;
      for (int i = 0; i < size; i++) {
        Term last = items[i];
        if (last.id < 0) {
          continue; // no n-gram through an unknown term is a feature
        }
        if (min == 1 && last.unigram > 0) {
          counts.add(last.unigram, weight);
        }
        // the n-grams ending at i, shortest first, as far as each adjacent pair can be in one
        long key = last.id + 1;
        Term next = last;
        // first = items[j] starts the n-gram of i - j + 1 terms
        for (int j = i - 1; j >= 0 && j > i - max; j--) {
          Term first = items[j];
          if ((first.followers & followerBit(next.id)) == 0) {
            break; // also catches an unknown first term: its followers are empty
          }
          key = key << TERM_BITS | (first.id + 1);
          if (i - j + 1 >= min) {
            keys[candidates++] = key;
          }
          next = first;
        }
      }
      // looked up together, so that the table's cache misses overlap
      fx.ngramFeatures.getAll(keys, candidates, found);
      for (int j = 0; j < candidates; j++) {
        int f = found[j];
        if (f > 0) {
          counts.add(f, weight);
        }
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
}
