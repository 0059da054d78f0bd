package org.newsdesk.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Immutable quality figures of a classifier on labeled data: accuracy and top-k accuracy, macro-,
 * micro- and support-weighted precision, recall and F1, per-label figures, the confusion matrix,
 * the misclassified examples, and how many examples the model was probably trained on.
 *
 * <p>Macro averages weigh every label equally (a label never predicted and never present does not
 * exist here); weighted averages weigh each label by its support (scikit-learn's "weighted avg");
 * micro averages weigh every example equally and, for single-label classification, equal the
 * accuracy. A label with no predictions has precision 0, one with no examples recall 0. {@link
 * #toString()} renders a readable table.
 *
 * <p>A text the classifier cannot place ({@link Prediction#unknown()}) is recorded as predicted
 * {@link #UNKNOWN}: it counts as an error (also for top-k accuracy), shows in the confusion matrix,
 * but is not a label of its own in the per-label figures or the averages.
 *
 * <p><b>Training overlap.</b> {@link #evaluate} asks the model's {@link ModelProvenance} which
 * examples it was probably trained on ({@link #trainingOverlap()}); a text that was not a training
 * text is counted by mistake with the provenance's small false-positive rate, so about {@link
 * #expectedChanceOverlap()} such counts are expected by chance. Far more means the evaluation
 * measures the model on (part of) its own training data, and flatters it. Cross-validation counts
 * held-out examples whose text also occurs in the fold's training part (duplicates).
 *
 * <p><b>Labels the model does not know.</b> An example whose true label is not among the labels
 * the model predicts (every {@link Prediction} lists them all) can only be an error; {@link
 * #labelsNotPredicted()} counts them per label, so a report can say why a label's recall is 0.
 */
public final class Evaluation {

  /**
   * The predicted label recorded for an {@linkplain Prediction#unknown() unknown} prediction; it
   * is never a true label.
   */
  public static final String UNKNOWN = "(unknown)";

  /** The largest {@code k} of {@link #topKAccuracy(int)}. */
  public static final int MAX_TOP_K = 3;

  /**
   * The most labels {@link #toString()} shows the confusion matrix for; with more, it shows the
   * labels in the most examples (as truth or prediction) and says so. {@link #confusionMatrix()}
   * always has every label.
   */
  public static final int MATRIX_LABELS = 50;

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

  /**
   * One example the classifier got wrong.
   *
   * @param index the example's position among the evaluated examples, from 0 (for
   *     cross-validation: in the list passed in)
   * @param source where the example came from ({@link LabeledText#source()}), may be empty
   * @param title the example's title (its body is not kept)
   * @param label the true label
   * @param predicted the predicted label, {@link #UNKNOWN} if the text could not be placed
   * @param score the predicted label's score
   */
  public record Misclassified(
      int index, String source, String title, String label, String predicted, double score) {

    /**
     * Validates the components.
     *
     * @param index the position
     * @param source the source
     * @param title the title
     * @param label the true label
     * @param predicted the predicted label
     * @param score the score
     * @throws NullPointerException if a string is {@code null}
     */
    public Misclassified {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(predicted, "predicted");
    }
  }

  private final List<String> labels;
  private final int[][] confusion;
  private final int[] hitsAtK;
  private final List<Misclassified> misclassified;
  private final int trainingOverlap;
  private final double expectedChanceOverlap;
  private final Map<String, Integer> labelsNotPredicted;
  private final int total;
  private final int correct;
  private final List<LabelMetrics> perLabel;

  private Evaluation(Tally t) {
    this.labels = List.copyOf(t.labelOrder());
    this.confusion = t.matrix(labels);
    this.hitsAtK = t.hitsAtK.clone();
    this.misclassified = List.copyOf(t.misclassified);
    this.trainingOverlap = t.overlap;
    this.expectedChanceOverlap = t.expectedOverlap;
    this.labelsNotPredicted = Collections.unmodifiableMap(new TreeMap<>(t.notPredicted));
    int tot = 0;
    int cor = 0;
    List<LabelMetrics> metrics = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      if (labels.get(i).equals(UNKNOWN)) {
        // never a true label: only its column counts, as errors of the rows
        continue;
      }
      int tp = confusion[i][i];
      int gold = 0;
      int predicted = 0;
      for (int j = 0; j < labels.size(); j++) {
        gold += confusion[i][j];
        predicted += confusion[j][i];
      }
      tot += gold;
      cor += tp;
      double p = predicted == 0 ? 0 : (double) tp / predicted;
      double r = gold == 0 ? 0 : (double) tp / gold;
      metrics.add(new LabelMetrics(labels.get(i), p, r, f1(p, r), gold));
    }
    this.total = tot;
    this.correct = cor;
    this.perLabel = List.copyOf(metrics);
  }

  /** Accumulates predictions, then becomes an {@link Evaluation}. */
  private static final class Tally {
    private final List<String> gold = new ArrayList<>();
    private final List<String> predicted = new ArrayList<>();
    private final int[] hitsAtK = new int[MAX_TOP_K];
    private final List<Misclassified> misclassified = new ArrayList<>();
    private final Map<String, Integer> notPredicted = new TreeMap<>();
    private int overlap;
    private double expectedOverlap;

    void add(int index, LabeledText e, Prediction p) {
      if (e.label().equals(UNKNOWN)) {
        throw new IllegalArgumentException("'" + UNKNOWN + "' cannot be a true label");
      }
      if (p.scoreOf(e.label()).isEmpty()) {
        notPredicted.merge(e.label(), 1, Integer::sum);
      }
      String label = p.unknown() ? UNKNOWN : p.label();
      gold.add(e.label());
      predicted.add(label);
      if (!p.unknown()) {
        List<LabelScore> top = p.topK(MAX_TOP_K);
        for (int r = 0; r < top.size(); r++) {
          if (top.get(r).label().equals(e.label())) {
            for (int k = r; k < MAX_TOP_K; k++) {
              hitsAtK[k]++;
            }
            break;
          }
        }
      }
      if (!label.equals(e.label())) {
        misclassified.add(
            new Misclassified(index, e.source(), e.title(), e.label(), label, p.score()));
      }
    }

    void overlap(ModelProvenance p, LabeledText e) {
      if (p.mayHaveTrainedOn(e.title(), e.body())) {
        overlap++;
      }
      expectedOverlap += p.sketchFalsePositiveRate();
    }

    List<String> labelOrder() {
      TreeSet<String> all = new TreeSet<>(gold);
      all.addAll(predicted);
      return new ArrayList<>(all);
    }

    int[][] matrix(List<String> labels) {
      Map<String, Integer> index = new TreeMap<>();
      for (int i = 0; i < labels.size(); i++) {
        index.put(labels.get(i), i);
      }
      int[][] m = new int[labels.size()][labels.size()];
      for (int i = 0; i < gold.size(); i++) {
        m[index.get(gold.get(i))][index.get(predicted.get(i))]++;
      }
      return m;
    }
  }

  /**
   * Evaluates a classifier on labeled examples.
   *
   * @param classifier the classifier
   * @param examples the examples with their true labels, iterated once
   * @return the evaluation
   * @throws IllegalArgumentException if a true label is {@link #UNKNOWN}
   */
  public static Evaluation evaluate(TopicClassifier classifier, Iterable<LabeledText> examples) {
    Tally t = new Tally();
    Optional<ModelProvenance> provenance = classifier.provenance();
    int index = 0;
    for (LabeledText e : examples) {
      t.add(index++, e, classifier.predict(e.title(), e.body()));
      provenance.ifPresent(p -> t.overlap(p, e));
    }
    return new Evaluation(t);
  }

  /**
   * Builds an evaluation from examples and the predictions made for them (no training overlap is
   * known, so it is 0).
   *
   * @param examples the examples with their true labels
   * @param predictions the prediction for each example, in the same order
   * @return the evaluation
   * @throws IllegalArgumentException if the lists differ in size or a true label is {@link
   *     #UNKNOWN}
   */
  public static Evaluation of(List<LabeledText> examples, List<Prediction> predictions) {
    if (examples.size() != predictions.size()) {
      throw new IllegalArgumentException(
          examples.size() + " examples but " + predictions.size() + " predictions");
    }
    Tally t = new Tally();
    for (int i = 0; i < examples.size(); i++) {
      t.add(i, examples.get(i), predictions.get(i));
    }
    return new Evaluation(t);
  }

  /**
   * Estimates a trainer's quality by stratified k-fold cross-validation: each label's examples
   * are shuffled with the seed and dealt round-robin into {@code k} folds; each fold is predicted
   * by a model trained on the other folds, and all predictions are pooled into one evaluation.
   * The same inputs always give the same result.
   *
   * <p>The examples are not held in memory: they are iterated once to deal the folds, then, for
   * each fold, as often as training needs ({@link TopicTrainer#PASSES} times) and once more to
   * predict the held-out fold. Memory therefore follows one model and an {@code int} per example,
   * as for {@link TopicTrainer#train(Iterable)}; a {@link List} works as well as an {@link
   * Iterable} that reads its examples again from disk each time.
   *
   * @param trainer the trainer
   * @param examples the labeled examples; every iteration must give the same examples in the
   *     same order
   * @param k the number of folds, at least 2
   * @param seed the shuffling seed
   * @return the pooled evaluation
   * @throws IllegalArgumentException if {@code k < 2}, there are fewer than {@code k} examples
   *     or fewer than two labels,
   *     or a fold's training examples lack what training needs: the message names the fold
   * @throws IllegalStateException if an iteration gives more or fewer examples than the first
   */
  public static Evaluation crossValidate(
      TopicTrainer trainer, Iterable<LabeledText> examples, int k, long seed) {
    return crossValidate(trainer, examples, k, seed, TrainingListener.NONE);
  }

  /**
   * Cross-validates as {@link #crossValidate(TopicTrainer, Iterable, int, long)} does, reporting
   * each fold ({@link TrainingListener#onFold}) and its training to a listener.
   *
   * @param trainer the trainer
   * @param examples the labeled examples; every iteration must give the same examples in the
   *     same order
   * @param k the number of folds, at least 2
   * @param seed the shuffling seed
   * @param listener receives progress reports on the calling thread
   * @return the pooled evaluation
   * @throws IllegalArgumentException if {@code k < 2}, there are fewer than {@code k} examples
   *     or fewer than two labels,
   *     or a fold's training examples lack what training needs (examples of two labels, when a
   *     rare label's few examples are all held out; an n-gram reaching {@code min-df}): the
   *     message names the fold
   * @throws IllegalStateException if an iteration gives more or fewer examples than the first
   */
  public static Evaluation crossValidate(
      TopicTrainer trainer,
      Iterable<LabeledText> examples,
      int k,
      long seed,
      TrainingListener listener) {
    Objects.requireNonNull(trainer, "trainer");
    Objects.requireNonNull(examples, "examples");
    Objects.requireNonNull(listener, "listener");
    checkFolds(k);
    int[] fold = Folds.deal(examples, k, seed);
    Tally t = new Tally();
    for (int f = 0; f < k; f++) {
      listener.onFold(f + 1, k);
      final int held = f;
      TopicClassifier c;
      try {
        c = trainer.train(() -> Folds.select(examples, fold, i -> fold[i] != held), listener);
      } catch (IllegalArgumentException e) {
        if (singleLabel(examples)) {
          throw e; // no fold could be trained: the data's fault, not this fold's
        }
        throw new IllegalArgumentException(
            "fold " + (f + 1) + " of " + k + " (trained without its held-out examples): "
                + e.getMessage(),
            e);
      }
      ModelProvenance p = c.provenance().orElseThrow();
      int i = 0;
      for (LabeledText e : Folds.counted(examples, fold.length)) {
        if (fold[i] == f) {
          t.add(i, e, c.predict(e.title(), e.body()));
          t.overlap(p, e);
        }
        i++;
      }
    }
    // report the misclassified examples in the order of the list, not fold by fold
    t.misclassified.sort((a, b) -> Integer.compare(a.index(), b.index()));
    return new Evaluation(t);
  }

  /** Whether every example has the same label (read again: only when a fold failed). */
  private static boolean singleLabel(Iterable<LabeledText> examples) {
    String first = null;
    for (LabeledText e : examples) {
      if (first == null) {
        first = e.label();
      } else if (!first.equals(e.label())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks a number of folds for {@link #crossValidate(TopicTrainer, Iterable, int, long)
   * crossValidate} before any example is read, so that a tool can reject it up front rather than
   * after reading its data (cross-validation itself also needs at least {@code k} examples).
   *
   * @param k the number of folds
   * @return {@code k}
   * @throws IllegalArgumentException if {@code k < 2}
   */
  public static int checkFolds(int k) {
    if (k < 2) {
      throw new IllegalArgumentException("k must be >= 2: " + k);
    }
    return k;
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
   * Returns the share of examples whose true label is among the {@code k} best-scored labels
   * (what {@code fasttext test} reports as precision@k); {@code topKAccuracy(1)} is the accuracy.
   *
   * @param k 1 to {@value #MAX_TOP_K}
   * @return the top-k accuracy, 0 if there were no examples
   * @throws IllegalArgumentException if {@code k} is out of range
   */
  public double topKAccuracy(int k) {
    if (k < 1 || k > MAX_TOP_K) {
      throw new IllegalArgumentException("k must be 1 to " + MAX_TOP_K + ": " + k);
    }
    return total == 0 ? 0 : (double) hitsAtK[k - 1] / total;
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
   * Returns the per-label precisions averaged with each label weighted by its support.
   *
   * @return the weighted precision, 0 if there were no examples
   */
  public double weightedPrecision() {
    return weighted(LabelMetrics::precision);
  }

  /**
   * Returns the per-label recalls averaged with each label weighted by its support (for
   * single-label classification, the accuracy).
   *
   * @return the weighted recall, 0 if there were no examples
   */
  public double weightedRecall() {
    return weighted(LabelMetrics::recall);
  }

  /**
   * Returns the per-label F1 scores averaged with each label weighted by its support.
   *
   * @return the weighted F1, 0 if there were no examples
   */
  public double weightedF1() {
    return weighted(LabelMetrics::f1);
  }

  private double weighted(java.util.function.ToDoubleFunction<LabelMetrics> metric) {
    double sum = 0;
    for (LabelMetrics m : perLabel) {
      sum += metric.applyAsDouble(m) * m.support();
    }
    return total == 0 ? 0 : sum / total;
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

  /**
   * Returns the examples predicted wrongly (or not placed), in the order they were evaluated.
   *
   * @return the misclassified examples
   */
  public List<Misclassified> misclassified() {
    return misclassified;
  }

  /**
   * Returns how many evaluated examples the model was probably trained on (see the class
   * comment); 0 when the classifier has no provenance or the evaluation was built with {@link
   * #of}.
   *
   * @return the number of examples found in the training-text sketch
   */
  public int trainingOverlap() {
    return trainingOverlap;
  }

  /**
   * Returns how many of the {@link #trainingOverlap()} counts are expected by chance alone (the
   * sketch's false-positive rate times the examples checked). An overlap well above this means
   * the examples include training texts.
   *
   * @return the expected number of chance matches
   */
  public double expectedChanceOverlap() {
    return expectedChanceOverlap;
  }

  /**
   * Returns the true labels the model cannot predict (they are not among the labels its
   * predictions list), with the number of examples of each; those examples are always errors.
   * Empty when every true label is one the model knows.
   *
   * @return an unmodifiable map sorted by label
   */
  public Map<String, Integer> labelsNotPredicted() {
    return labelsNotPredicted;
  }

  private static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /**
   * Renders the summary figures, a per-label table with macro and weighted averages, and the
   * confusion matrix of the {@link #matrixLabels()} (at most {@link #MATRIX_LABELS}; the heading
   * says when there are more labels, and {@link #confusionMatrix()} has them all).
   *
   * @return a multi-line table
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "examples %d  accuracy %.4f  top-2 %.4f  top-3 %.4f%nmacro     P %.4f  R %.4f  F1"
                + " %.4f%nweighted  P %.4f  R %.4f  F1 %.4f%nmicro     P %.4f  R %.4f  F1 %.4f%n",
            total,
            accuracy(),
            topKAccuracy(2),
            topKAccuracy(3),
            macroPrecision(),
            macroRecall(),
            macroF1(),
            weightedPrecision(),
            weightedRecall(),
            weightedF1(),
            microPrecision(),
            microRecall(),
            microF1()));
    if (trainingOverlap > 0) {
      sb.append(
          String.format(
              Locale.ROOT,
              "training overlap: %d of %d examples were probably training texts (%.1f expected"
                  + " by chance)%n",
              trainingOverlap,
              total,
              expectedChanceOverlap));
    }
    labelsNotPredicted.forEach(
        (label, n) ->
            sb.append(
                String.format(
                    Locale.ROOT,
                    "label '%s' (%d %s) is not one the model predicts%n",
                    label,
                    n,
                    n == 1 ? "example" : "examples")));
    int w = Math.max(12, labels.stream().mapToInt(String::length).max().orElse(5)) + 6;
    sb.append(
        String.format(
            Locale.ROOT, "%n%-" + w + "s  %9s  %9s  %9s  %7s%n", "label", "precision", "recall",
            "f1", "support"));
    for (LabelMetrics m : perLabel) {
      row(sb, w, m.label(), m.precision(), m.recall(), m.f1(), m.support());
    }
    row(sb, w, "macro avg", macroPrecision(), macroRecall(), macroF1(), total);
    row(sb, w, "weighted avg", weightedPrecision(), weightedRecall(), weightedF1(), total);
    int[] shown = matrixIndices();
    sb.append(
        shown.length == labels.size()
            ? String.format(Locale.ROOT, "%nconfusion (rows = true, columns = predicted)%n")
            : String.format(
                Locale.ROOT,
                "%nconfusion (rows = true, columns = predicted): %d of %d labels, those in the"
                    + " most examples (true or predicted)%n",
                shown.length,
                labels.size()));
    int cw = Math.max(4, Integer.toString(total).length() + 1);
    sb.append(String.format(Locale.ROOT, "%-" + w + "s", ""));
    for (int j = 0; j < shown.length; j++) {
      sb.append(String.format(Locale.ROOT, "%" + cw + "s", "[" + j + "]"));
    }
    sb.append(System.lineSeparator());
    for (int i = 0; i < shown.length; i++) {
      sb.append(String.format(Locale.ROOT, "%-" + w + "s", "[" + i + "] " + labels.get(shown[i])));
      for (int j = 0; j < shown.length; j++) {
        sb.append(String.format(Locale.ROOT, "%" + cw + "d", confusion[shown[i]][shown[j]]));
      }
      sb.append(System.lineSeparator());
    }
    return sb.toString();
  }

  /**
   * The labels {@link #toString()} shows the confusion matrix for, in {@link #labels()} order: all
   * of them, or, with more than {@link #MATRIX_LABELS}, the {@code MATRIX_LABELS} in the most
   * examples as truth or prediction (ties: the earlier label), so that a report of the matrix
   * grows no faster than the labels.
   *
   * @return the labels of the shown matrix, a subset of {@link #labels()}
   */
  public List<String> matrixLabels() {
    return IntStream.of(matrixIndices()).mapToObj(labels::get).toList();
  }

  /** The indices in {@link #labels()} of the {@link #matrixLabels()}. */
  private int[] matrixIndices() {
    int n = labels.size();
    if (n <= MATRIX_LABELS) {
      return IntStream.range(0, n).toArray();
    }
    long[] examples = new long[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        examples[i] += confusion[i][j];
        if (j != i) {
          examples[j] += confusion[i][j];
        }
      }
    }
    return IntStream.range(0, n)
        .boxed()
        .sorted(Comparator.comparingLong((Integer i) -> -examples[i]).thenComparing(i -> i))
        .limit(MATRIX_LABELS)
        .mapToInt(Integer::intValue)
        .sorted()
        .toArray();
  }

  private static void row(
      StringBuilder sb, int w, String label, double p, double r, double f1, int support) {
    sb.append(
        String.format(
            Locale.ROOT, "%-" + w + "s  %9.4f  %9.4f  %9.4f  %7d%n", label, p, r, f1, support));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Evaluation e
        && labels.equals(e.labels)
        && Arrays.deepEquals(confusion, e.confusion)
        && Arrays.equals(hitsAtK, e.hitsAtK)
        && misclassified.equals(e.misclassified)
        && trainingOverlap == e.trainingOverlap
        && labelsNotPredicted.equals(e.labelsNotPredicted)
        && Double.compare(expectedChanceOverlap, e.expectedChanceOverlap) == 0;
  }

  @Override
  public int hashCode() {
    return labels.hashCode() * 31 + Arrays.deepHashCode(confusion);
  }
}
