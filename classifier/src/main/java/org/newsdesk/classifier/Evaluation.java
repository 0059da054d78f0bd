package org.newsdesk.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Immutable quality figures of a classifier on labeled data: accuracy, macro- and micro-averaged
 * precision, recall and F1, per-label figures and the confusion matrix.
 *
 * <p>Macro averages weigh every label equally (a label never predicted and never present does not
 * exist here); micro averages weigh every example equally and, for single-label classification,
 * equal the accuracy. A label with no predictions has precision 0, one with no examples recall 0.
 * {@link #toString()} renders a readable table.
 *
 * <p>A text the classifier cannot place ({@link Prediction#unknown()}) is recorded as predicted
 * {@link #UNKNOWN}: it counts as an error, shows in the confusion matrix, but is not a label of
 * its own in the per-label figures or the macro averages.
 */
public final class Evaluation {

  /**
   * The predicted label recorded for an {@linkplain Prediction#unknown() unknown} prediction by
   * {@link #evaluate} and {@link #crossValidate}; {@link #of} treats it the same way.
   */
  public static final String UNKNOWN = "(unknown)";

  /**
   * Figures for one label.
   *
   * @param label the label
   * @param precision the share of predictions of this label that were right
   * @param recall the share of this label's examples that were found
   * @param f1 the harmonic mean of precision and recall
   * @param support the number of examples with this label
   */
  public record LabelMetrics(
      String label, double precision, double recall, double f1, int support) {}

  private final List<String> labels;
  private final int[][] confusion;
  private final int total;
  private final int correct;
  private final List<LabelMetrics> perLabel;

  private Evaluation(List<String> labels, int[][] confusion) {
    this.labels = List.copyOf(labels);
    this.confusion = confusion;
    int t = 0;
    int c = 0;
    List<LabelMetrics> metrics = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      if (labels.get(i).equals(UNKNOWN)) {
        // never a true label (of() rejects it): only its column counts, as errors of the rows
        continue;
      }
      int tp = confusion[i][i];
      int gold = 0;
      int predicted = 0;
      for (int j = 0; j < labels.size(); j++) {
        gold += confusion[i][j];
        predicted += confusion[j][i];
      }
      t += gold;
      c += tp;
      double p = predicted == 0 ? 0 : (double) tp / predicted;
      double r = gold == 0 ? 0 : (double) tp / gold;
      metrics.add(new LabelMetrics(labels.get(i), p, r, f1(p, r), gold));
    }
    this.total = t;
    this.correct = c;
    this.perLabel = List.copyOf(metrics);
  }

  /**
   * Evaluates a classifier on labeled examples.
   *
   * @param classifier the classifier
   * @param examples the examples with their true labels
   * @return the evaluation
   */
  public static Evaluation evaluate(TopicClassifier classifier, Iterable<LabeledText> examples) {
    List<String> gold = new ArrayList<>();
    List<String> predicted = new ArrayList<>();
    for (LabeledText e : examples) {
      gold.add(e.label());
      predicted.add(labelOf(classifier.predict(e.title(), e.body())));
    }
    return of(gold, predicted);
  }

  private static String labelOf(Prediction p) {
    return p.unknown() ? UNKNOWN : p.label();
  }

  /**
   * Builds an evaluation from parallel lists of true and predicted labels.
   *
   * @param gold the true labels
   * @param predicted the predicted labels, same size; {@link #UNKNOWN} for texts not placed
   * @return the evaluation
   * @throws IllegalArgumentException if the lists differ in size or a true label is {@link
   *     #UNKNOWN}
   */
  public static Evaluation of(List<String> gold, List<String> predicted) {
    if (gold.size() != predicted.size()) {
      throw new IllegalArgumentException(
          "gold and predicted differ in size: " + gold.size() + " vs " + predicted.size());
    }
    if (gold.contains(UNKNOWN)) {
      throw new IllegalArgumentException("'" + UNKNOWN + "' cannot be a true label");
    }
    TreeSet<String> all = new TreeSet<>(gold);
    all.addAll(predicted);
    List<String> labels = new ArrayList<>(all);
    Map<String, Integer> index = new TreeMap<>();
    for (int i = 0; i < labels.size(); i++) {
      index.put(labels.get(i), i);
    }
    int[][] m = new int[labels.size()][labels.size()];
    for (int i = 0; i < gold.size(); i++) {
      m[index.get(gold.get(i))][index.get(predicted.get(i))]++;
    }
    return new Evaluation(labels, m);
  }

  /**
   * Estimates a trainer's quality by stratified k-fold cross-validation: each label's examples
   * are shuffled with the seed and dealt round-robin into {@code k} folds; each fold is predicted
   * by a model trained on the other folds, and all predictions are pooled into one evaluation.
   * The same inputs always give the same result.
   *
   * @param trainer the trainer
   * @param examples the labeled examples
   * @param k the number of folds, at least 2
   * @param seed the shuffling seed
   * @return the pooled evaluation
   * @throws IllegalArgumentException if {@code k < 2} or there are fewer than {@code k} examples
   */
  public static Evaluation crossValidate(
      TopicTrainer trainer, List<LabeledText> examples, int k, long seed) {
    Objects.requireNonNull(trainer, "trainer");
    if (k < 2) {
      throw new IllegalArgumentException("k must be >= 2: " + k);
    }
    if (examples.size() < k) {
      throw new IllegalArgumentException(
          "need at least k=" + k + " examples, got " + examples.size());
    }
    Map<String, List<Integer>> byLabel = new TreeMap<>();
    for (int i = 0; i < examples.size(); i++) {
      byLabel.computeIfAbsent(examples.get(i).label(), l -> new ArrayList<>()).add(i);
    }
    int[] fold = new int[examples.size()];
    Random random = new Random(seed);
    int next = 0;
    for (List<Integer> indexes : byLabel.values()) {
      Collections.shuffle(indexes, random);
      for (int i : indexes) {
        fold[i] = next;
        next = (next + 1) % k;
      }
    }
    List<String> gold = new ArrayList<>();
    List<String> predicted = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      List<LabeledText> train = new ArrayList<>();
      List<LabeledText> test = new ArrayList<>();
      for (int i = 0; i < examples.size(); i++) {
        (fold[i] == f ? test : train).add(examples.get(i));
      }
      TopicClassifier c = trainer.train(train);
      for (LabeledText e : test) {
        gold.add(e.label());
        predicted.add(labelOf(c.predict(e.title(), e.body())));
      }
    }
    return of(gold, predicted);
  }

  /**
   * Returns the share of examples predicted correctly.
   *
   * @return the accuracy, 0 if there were no examples
   */
  public double accuracy() {
    return total == 0 ? 0 : (double) correct / total;
  }

  /**
   * Returns the mean of the per-label precisions.
   *
   * @return the macro-averaged precision
   */
  public double macroPrecision() {
    return perLabel.stream().mapToDouble(LabelMetrics::precision).average().orElse(0);
  }

  /**
   * Returns the mean of the per-label recalls.
   *
   * @return the macro-averaged recall
   */
  public double macroRecall() {
    return perLabel.stream().mapToDouble(LabelMetrics::recall).average().orElse(0);
  }

  /**
   * Returns the mean of the per-label F1 scores.
   *
   * @return the macro-averaged F1
   */
  public double macroF1() {
    return perLabel.stream().mapToDouble(LabelMetrics::f1).average().orElse(0);
  }

  /**
   * Returns precision over all predictions pooled.
   *
   * @return the micro-averaged precision
   */
  public double microPrecision() {
    return accuracy();
  }

  /**
   * Returns recall over all examples pooled.
   *
   * @return the micro-averaged recall
   */
  public double microRecall() {
    return accuracy();
  }

  /**
   * Returns F1 of the pooled precision and recall.
   *
   * @return the micro-averaged F1
   */
  public double microF1() {
    return f1(microPrecision(), microRecall());
  }

  /**
   * Returns the number of examples evaluated.
   *
   * @return the example count
   */
  public int total() {
    return total;
  }

  /**
   * Returns the labels of the confusion matrix: every label that occurs as truth or prediction,
   * including {@link #UNKNOWN} if some text was not placed.
   *
   * @return the labels, sorted
   */
  public List<String> labels() {
    return labels;
  }

  /**
   * Returns the per-label figures, in {@link #labels()} order ({@link #UNKNOWN} has none).
   *
   * @return one entry per label
   */
  public List<LabelMetrics> perLabel() {
    return perLabel;
  }

  /**
   * Returns the confusion matrix: {@code m[i][j]} counts examples of label {@code labels().get(i)}
   * predicted as {@code labels().get(j)}.
   *
   * @return a fresh copy of the matrix
   */
  public int[][] confusionMatrix() {
    int[][] copy = new int[confusion.length][];
    for (int i = 0; i < confusion.length; i++) {
      copy[i] = confusion[i].clone();
    }
    return copy;
  }

  /**
   * Returns how many examples of one label were predicted as another.
   *
   * @param gold the true label
   * @param predicted the predicted label
   * @return the count, 0 for unknown labels
   */
  public int count(String gold, String predicted) {
    int i = labels.indexOf(gold);
    int j = labels.indexOf(predicted);
    return i < 0 || j < 0 ? 0 : confusion[i][j];
  }

  private static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /**
   * Renders the summary figures, a per-label table and the confusion matrix.
   *
   * @return a multi-line table
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "examples %d  accuracy %.4f%nmacro  P %.4f  R %.4f  F1 %.4f%nmicro  P %.4f  R %.4f  F1"
                + " %.4f%n",
            total,
            accuracy(),
            macroPrecision(),
            macroRecall(),
            macroF1(),
            microPrecision(),
            microRecall(),
            microF1()));
    int w = Math.max(5, labels.stream().mapToInt(String::length).max().orElse(5)) + 6;
    sb.append(
        String.format(
            Locale.ROOT, "%n%-" + w + "s  %9s  %9s  %9s  %7s%n", "label", "precision", "recall",
            "f1", "support"));
    for (LabelMetrics m : perLabel) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%-" + w + "s  %9.4f  %9.4f  %9.4f  %7d%n",
              m.label(),
              m.precision(),
              m.recall(),
              m.f1(),
              m.support()));
    }
    sb.append(String.format(Locale.ROOT, "%nconfusion (rows = true, columns = predicted)%n"));
    int cw = Math.max(4, Integer.toString(total).length() + 1);
    sb.append(String.format(Locale.ROOT, "%-" + w + "s", ""));
    for (int j = 0; j < labels.size(); j++) {
      sb.append(String.format(Locale.ROOT, "%" + cw + "s", "[" + j + "]"));
    }
    sb.append(System.lineSeparator());
    for (int i = 0; i < labels.size(); i++) {
      sb.append(String.format(Locale.ROOT, "%-" + w + "s", "[" + i + "] " + labels.get(i)));
      for (int j = 0; j < labels.size(); j++) {
        sb.append(String.format(Locale.ROOT, "%" + cw + "d", confusion[i][j]));
      }
      sb.append(System.lineSeparator());
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Evaluation e
        && labels.equals(e.labels)
        && Arrays.deepEquals(confusion, e.confusion);
  }

  @Override
  public int hashCode() {
    return labels.hashCode() * 31 + Arrays.deepHashCode(confusion);
  }
}
