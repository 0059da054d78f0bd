package org.newsdesk.classifier;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import opennlp.tools.stemmer.PorterStemmer;
import opennlp.tools.stemmer.Stemmer;
import opennlp.tools.stemmer.snowball.SnowballStemmer;
import opennlp.tools.tokenize.SimpleTokenizer;

/**
 * The slow, obviously correct way to score a text with a {@link LinearModel}, as the pipeline
 * describes it: NFKC, OpenNLP's {@code SimpleTokenizer}, lower-casing, tokens without a letter or
 * digit dropped, stop words, a fresh stemmer call per token, n-gram strings looked up by name,
 * term frequencies (body occurrences, then title occurrences with the title weight), sublinear tf
 * times idf, unit length, a dense dot product over every feature and label, softmax, and labels
 * sorted by score then name. No caches, no ids packed into keys, no bitsets, no reused buffers: the
 * prediction path must give bit-for-bit the same scores.
 */
final class ReferenceScorer {

  private final FeaturePipeline pipeline;
  private final Map<String, Integer> ids = new HashMap<>();
  private final float[] idf;
  private final float[] weights;
  private final String[] labels;
  private final Stemmer stemmer;

  ReferenceScorer(TopicClassifier classifier) {
    LinearModel model = (LinearModel) classifier.model();
    FeatureExtractor fx = model.features();
    pipeline = fx.pipeline();
    String[] names = fx.names();
    for (int i = 0; i < names.length; i++) {
      ids.put(names[i], i);
    }
    idf = fx.idf();
    weights = model.weights();
    labels = model.outcomes();
    stemmer =
        switch (pipeline.stemming()) {
          case NONE -> null;
          case PORTER -> new PorterStemmer();
          default ->
              new SnowballStemmer(SnowballStemmer.ALGORITHM.valueOf(pipeline.stemming().name()));
        };
  }

  /** Every label's score, best first, or {@code null} when the text has no known feature. */
  List<LabelScore> scores(String title, String body) {
    List<String> b = terms(body);
    List<String> t = pipeline.titleWeight() > 0 ? terms(title) : List.of();
    if (!t.isEmpty() && t.size() <= b.size() && b.subList(0, t.size()).equals(t)) {
      t = List.of(); // the title only repeats the body's start
    }
    TreeMap<Integer, Double> tf = new TreeMap<>();
    addNgrams(b, 1.0, tf);
    addNgrams(t, pipeline.titleWeight(), tf);
    if (tf.isEmpty()) {
      return null;
    }
    double[] x = new double[idf.length];
    double[] w = new double[idf.length];
    double norm = 0;
    for (Map.Entry<Integer, Double> e : tf.entrySet()) {
      double f = e.getValue();
      double v = (pipeline.sublinearTf() && f > 1 ? 1 + Math.log(f) : f) * idf[e.getKey()];
      w[e.getKey()] = v;
      norm += v * v;
    }
    double scale = pipeline.unitLength() && norm > 0 ? 1 / Math.sqrt(norm) : 1;
    x[0] = 1; // the bias
    for (int id : tf.keySet()) {
      x[id] = (float) (w[id] * scale);
    }
    int n = labels.length;
    double[] s = new double[n];
    for (int f = 0; f < x.length; f++) {
      for (int k = 0; k < n; k++) {
        s[k] += x[f] * weights[f * n + k];
      }
    }
    double max = Arrays.stream(s).max().orElseThrow();
    double sum = 0;
    for (int k = 0; k < n; k++) {
      s[k] = Math.exp(s[k] - max);
      sum += s[k];
    }
    List<LabelScore> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      out.add(new LabelScore(labels[k], s[k] / sum));
    }
    out.sort(
        Comparator.comparingDouble(LabelScore::score).reversed().thenComparing(LabelScore::label));
    return out;
  }

  private void addNgrams(List<String> terms, double weight, TreeMap<Integer, Double> tf) {
    for (int g = pipeline.ngramMin(); g <= pipeline.ngramMax(); g++) {
      for (int i = 0; i + g <= terms.size(); i++) {
        Integer id = ids.get(String.join(" ", terms.subList(i, i + g)));
        if (id != null && id > 0) {
          tf.merge(id, weight, Double::sum);
        }
      }
    }
  }

  private List<String> terms(String text) {
    String t = pipeline.nfkc() ? Normalizer.normalize(text, Normalizer.Form.NFKC) : text;
    List<String> out = new ArrayList<>();
    for (String token : SimpleTokenizer.INSTANCE.tokenize(t)) {
      if (token.chars().noneMatch(Character::isLetterOrDigit)) {
        continue;
      }
      String word = pipeline.lowercase() ? token.toLowerCase(Locale.ROOT) : token;
      if (pipeline.stopWords().contains(word)) {
        continue;
      }
      String stem = stemmer == null ? word : stemmer.stem(word).toString();
      out.add(stem.isEmpty() ? word : stem);
    }
    return out;
  }
}
