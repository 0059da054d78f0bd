package org.newsdesk.classifier;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import opennlp.tools.doccat.DocumentCategorizer;

/**
 * A {@link TopicClassifier} behind OpenNLP's {@code DocumentCategorizer} interface. Categories
 * are the classifier's labels in sorted order; the tokens are joined with spaces and predicted as
 * one body text. Thread-safe.
 */
final class CategorizerAdapter implements DocumentCategorizer {

  private final TopicClassifier classifier;
  private final List<String> labels;

  CategorizerAdapter(TopicClassifier classifier) {
    this.classifier = classifier;
    this.labels = classifier.labels();
  }

  @Override
  public double[] categorize(String[] text, Map<String, Object> extraInformation) {
    return categorize(text);
  }

  @Override
  public double[] categorize(String[] text) {
    Objects.requireNonNull(text, "text");
    Prediction p = classifier.predict("", String.join(" ", text));
    double[] scores = new double[labels.size()];
    for (LabelScore s : p.scores()) {
      scores[getIndex(s.label())] = s.score();
    }
    return scores;
  }

  @Override
  public String getBestCategory(double[] outcome) {
    int best = 0;
    for (int i = 1; i < outcome.length; i++) {
      if (outcome[i] > outcome[best]) {
        best = i;
      }
    }
    return labels.get(best);
  }

  @Override
  public int getIndex(String category) {
    int i = java.util.Collections.binarySearch(labels, category);
    return i < 0 ? -1 : i;
  }

  @Override
  public String getCategory(int index) {
    return labels.get(index);
  }

  @Override
  public int getNumberOfCategories() {
    return labels.size();
  }

  /** As OpenNLP's {@code AbstractModel.getAllOutcomes}: {@code label[0.1234]} joined by two spaces. */
  @Override
  public String getAllResults(double[] results) {
    DecimalFormat f = new DecimalFormat("0.0000", DecimalFormatSymbols.getInstance(Locale.ROOT));
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < results.length && i < labels.size(); i++) {
      if (i > 0) {
        sb.append("  ");
      }
      sb.append(labels.get(i)).append('[').append(f.format(results[i])).append(']');
    }
    return sb.toString();
  }

  @Override
  public Map<String, Double> scoreMap(String[] text) {
    double[] scores = categorize(text);
    Map<String, Double> m = new HashMap<>();
    for (int i = 0; i < scores.length; i++) {
      m.put(labels.get(i), scores[i]);
    }
    return m;
  }

  /** As OpenNLP's: scores in ascending order, each with the categories that have it. */
  @Override
  public SortedMap<Double, Set<String>> sortedScoreMap(String[] text) {
    double[] scores = categorize(text);
    SortedMap<Double, Set<String>> m = new TreeMap<>();
    for (int i = 0; i < scores.length; i++) {
      m.computeIfAbsent(scores[i], k -> new HashSet<>()).add(labels.get(i));
    }
    return m;
  }
}
