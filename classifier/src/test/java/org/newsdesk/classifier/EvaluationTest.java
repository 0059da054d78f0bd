package org.newsdesk.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationTest {

  private static final List<String> LABELS = List.of("a", "b", "c");

  /** A prediction ranking {@code best} first, then the other labels alphabetically. */
  private static Prediction ranking(String... best) {
    List<LabelScore> scores = new ArrayList<>();
    double score = 0.9;
    for (String l : best) {
      scores.add(new LabelScore(l, score));
      score /= 2;
    }
    for (String l : LABELS) {
      if (!List.of(best).contains(l)) {
        scores.add(new LabelScore(l, score));
        score /= 2;
      }
    }
    return new Prediction(scores, false);
  }

  private static List<LabeledText> examples(String... labels) {
    List<LabeledText> out = new ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      out.add(new LabeledText("title " + i, "body " + i, labels[i], "file.txt:" + (10 * i + 1)));
    }
    return out;
  }

  // gold:  a a a b b c ; predicted: a a b b c c ; runner-ups chosen for the top-k figures
  private static final Evaluation E = handChecked();

  private static Evaluation handChecked() {
    return Evaluation.of(
        examples("a", "a", "a", "b", "b", "c"),
        List.of(
            ranking("a"),
            ranking("a"),
            ranking("b", "c", "a"),
            ranking("b"),
            ranking("c", "b"),
            ranking("c")));
  }

  @Test
  void computesHandCheckedFigures() {
    assertThat(E.total()).isEqualTo(6);
    assertThat(E.accuracy()).isCloseTo(4.0 / 6, within(1e-12));
    // a: P 2/2 R 2/3 ; b: P 1/2 R 1/2 ; c: P 1/2 R 1/1
    Evaluation.LabelMetrics a = E.perLabel().get(0);
    assertThat(a.label()).isEqualTo("a");
    assertThat(a.precision()).isEqualTo(1.0);
    assertThat(a.recall()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(a.f1()).isCloseTo(0.8, within(1e-12));
    assertThat(a.support()).isEqualTo(3);
    assertThat(E.macroPrecision()).isCloseTo((1 + 0.5 + 0.5) / 3, within(1e-12));
    assertThat(E.macroRecall()).isCloseTo((2.0 / 3 + 0.5 + 1) / 3, within(1e-12));
    assertThat(E.macroF1()).isCloseTo((0.8 + 0.5 + 2.0 / 3) / 3, within(1e-12));
    assertThat(E.microPrecision()).isEqualTo(E.accuracy());
    assertThat(E.microRecall()).isEqualTo(E.accuracy());
    assertThat(E.microF1()).isCloseTo(E.accuracy(), within(1e-12));
  }

  @Test
  void weightedAveragesWeighEachLabelByItsSupport() {
    // supports a 3, b 2, c 1 (scikit-learn's "weighted avg")
    assertThat(E.weightedPrecision()).isCloseTo((3 * 1.0 + 2 * 0.5 + 0.5) / 6, within(1e-12));
    assertThat(E.weightedRecall()).isCloseTo(E.accuracy(), within(1e-12));
    assertThat(E.weightedF1()).isCloseTo((3 * 0.8 + 2 * 0.5 + 2.0 / 3) / 6, within(1e-12));
  }

  @Test
  void topKAccuracyCountsTheTrueLabelAmongTheBestK() {
    // example 3 (a) has a third, example 5 (b) second: top-2 5/6, top-3 6/6
    assertThat(E.topKAccuracy(1)).isEqualTo(E.accuracy());
    assertThat(E.topKAccuracy(2)).isCloseTo(5.0 / 6, within(1e-12));
    assertThat(E.topKAccuracy(3)).isEqualTo(1.0);
    assertThatThrownBy(() -> E.topKAccuracy(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> E.topKAccuracy(Evaluation.MAX_TOP_K + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void listsTheMisclassifiedExamplesWithTheirSource() {
    assertThat(E.misclassified())
        .containsExactly(
            new Evaluation.Misclassified(2, "file.txt:21", "title 2", "a", "b", 0.9),
            new Evaluation.Misclassified(4, "file.txt:41", "title 4", "b", "c", 0.9));
  }

  @Test
  void confusionMatrixIsACopyWithRowsTrueColumnsPredicted() {
    assertThat(E.labels()).containsExactly("a", "b", "c");
    assertThat(E.confusionMatrix()).isEqualTo(new int[][] {{2, 1, 0}, {0, 1, 1}, {0, 0, 1}});
    E.confusionMatrix()[0][0] = 99;
    assertThat(E.count("a", "a")).isEqualTo(2);
    assertThat(E.count("b", "c")).isEqualTo(1);
    assertThat(E.count("zz", "a")).isZero();
  }

  @Test
  void labelNeverPredictedOrNeverPresentGetsZeroNotNaN() {
    Evaluation e = Evaluation.of(examples("a", "b"), List.of(ranking("a"), ranking("a")));
    assertThat(e.perLabel().get(1).precision()).isZero();
    assertThat(e.perLabel().get(1).f1()).isZero();
    assertThat(e.macroF1()).isFinite();
    Evaluation none = Evaluation.of(List.of(), List.of());
    assertThat(none.accuracy()).isZero();
    assertThat(none.weightedF1()).isZero();
    assertThat(none.topKAccuracy(3)).isZero();
    assertThatThrownBy(() -> Evaluation.of(examples("a"), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringIsAReadableTable() {
    String s = E.toString();
    assertThat(s)
        .contains(
            "accuracy 0.6667",
            "top-2 0.8333",
            "top-3 1.0000",
            "macro",
            "weighted",
            "micro",
            "precision",
            "support",
            "macro avg",
            "weighted avg",
            "confusion (rows = true, columns = predicted)",
            "[2] c");
    assertThat(s.lines().count()).isGreaterThan(10);
  }

  /**
   * 200 labels, one example each, each predicted as the next label; labels L010 to L069 have a
   * second, correctly predicted example, and 59 more examples of L199 are predicted as L000.
   */
  private static Evaluation manyLabels() {
    List<LabeledText> examples = new ArrayList<>();
    List<Prediction> predictions = new ArrayList<>();
    String[] labels = new String[200];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = String.format(java.util.Locale.ROOT, "L%03d", i);
    }
    for (int i = 0; i < labels.length; i++) {
      examples.add(LabeledText.of("x", labels[i]));
      predictions.add(only(labels[(i + 1) % labels.length]));
      if (i >= 10 && i < 70) {
        examples.add(LabeledText.of("x", labels[i]));
        predictions.add(only(labels[i]));
      }
    }
    for (int k = 0; k < 59; k++) {
      examples.add(LabeledText.of("x", labels[199]));
      predictions.add(only(labels[0]));
    }
    return Evaluation.of(examples, predictions);
  }

  private static Prediction only(String label) {
    return new Prediction(List.of(new LabelScore(label, 1.0)), false);
  }

  @Test
  void theTableShowsTheMatrixForTheLabelsInTheMostExamplesOnly() {
    Evaluation e = manyLabels();
    String s = e.toString();

    assertThat(e.labels()).hasSize(200);
    assertThat(e.confusionMatrix()).hasDimensions(200, 200);
    assertThat(s)
        .contains(
            "confusion (rows = true, columns = predicted): 50 of 200 labels, those in the most"
                + " examples (true or predicted)");
    String matrix = s.substring(s.indexOf("confusion ("));
    // L000 and L199 (61 examples each, true or predicted) and the first 48 of L010..L069 (3 each)
    assertThat(matrix).contains("[0] L000 ", "[1] L010 ", "[48] L057 ", "[49] L199 ");
    assertThat(matrix).doesNotContain("L001", "L058", "L198");
    assertThat(e.matrixLabels())
        .hasSize(Evaluation.MATRIX_LABELS)
        .startsWith("L000", "L010")
        .endsWith("L057", "L199")
        .isSubsetOf(e.labels());
    assertThat(matrix.lines().count()).isEqualTo(2 + 50);
    // the per-label table stays complete; the whole table grows linearly, not with the square
    assertThat(s).contains("L001", "L198");
    assertThat(s.length()).isLessThan(200 * 100 + 50 * 50 * 6 + 2_000);
    // L199's row: all its 60 examples predicted as L000, the column shown first
    assertThat(matrix.lines().filter(l -> l.startsWith("[49] L199 ")).findFirst().orElseThrow())
        .matches("\\[49\\] L199 +60( +0)+");
  }

  @Test
  void isAValue() {
    Evaluation again = handChecked();
    assertThat(again).isEqualTo(E).hasSameHashCodeAs(E);
    Evaluation otherRunnerUp =
        Evaluation.of(
            examples("a", "a", "a", "b", "b", "c"),
            List.of(
                ranking("a"),
                ranking("a"),
                ranking("b", "a"),
                ranking("b"),
                ranking("c", "b"),
                ranking("c")));
    assertThat(otherRunnerUp).isNotEqualTo(E);
  }

  @Test
  void crossValidationIsStratifiedAndDeterministic() {
    TopicTrainer trainer =
        TopicTrainer.withDefaults().withLearner(Learner.MaxEnt.DEFAULT.withIterations(30));
    List<LabeledText> data = Samples.train();
    List<Integer> folds = new ArrayList<>();
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void onFold(int fold, int of) {
            assertThat(of).isEqualTo(3);
            folds.add(fold);
          }

          @Override
          public void onProgress(int iteration, int max, double ll) {}
        };
    Evaluation a = Evaluation.crossValidate(trainer, data, 3, 7, listener);
    Evaluation b = Evaluation.crossValidate(trainer, data, 3, 7);
    assertThat(folds).containsExactly(1, 2, 3);
    assertThat(a).isEqualTo(b);
    assertThat(a.total()).isEqualTo(data.size());
    assertThat(a.accuracy()).isGreaterThan(0.35);
    assertThat(a.misclassified()).extracting(Evaluation.Misclassified::index).isSorted();
    Map<String, Integer> support = new HashMap<>();
    a.perLabel().forEach(m -> support.put(m.label(), m.support()));
    assertThat(support).containsEntry("medicine", 44).containsEntry("food", 45);
    // no fortune repeats in the fixture, so no held-out text was trained on (beyond chance)
    assertThat(a.trainingOverlap()).isLessThanOrEqualTo(1);
    assertThatThrownBy(() -> Evaluation.crossValidate(trainer, data, 1, 7))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFoldThatCannotBeTrainedIsNamed() {
    // one example of a rare label: the fold that holds it out has a single label left
    List<LabeledText> data = new ArrayList<>(Samples.train().stream()
        .filter(t -> t.label().equals("computers")).limit(20).toList());
    data.add(LabeledText.of("soup and bread", "food"));
    assertThatThrownBy(() -> Evaluation.crossValidate(TopicTrainer.withDefaults(), data, 2, 7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageMatching("fold [12] of 2 .*two labels.*");
    // a single label in all the data is no fold's fault
    assertThatThrownBy(
            () -> Evaluation.crossValidate(TopicTrainer.withDefaults(), data.subList(0, 20), 2, 7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("training needs examples of at least two labels, got [computers]");
  }

  @Test
  void evaluatingOnTheTrainingDataIsDetected() {
    TopicClassifier c = Samples.trained();
    Evaluation onTraining = Evaluation.evaluate(c, Samples.train());
    assertThat(onTraining.trainingOverlap()).isEqualTo(Samples.train().size());
    Evaluation heldOut = Evaluation.evaluate(c, Samples.test());
    assertThat(heldOut.trainingOverlap()).isLessThanOrEqualTo(1);
    assertThat(heldOut.expectedChanceOverlap()).isLessThan(0.1).isPositive();
    List<LabeledText> mixed = new ArrayList<>(Samples.test());
    mixed.addAll(Samples.train().subList(0, 30));
    assertThat(Evaluation.evaluate(c, mixed).trainingOverlap()).isBetween(30, 31);
    assertThat(onTraining.toString()).contains("training overlap: 359 of 359 examples");
  }

  @Test
  void unknownPredictionsAreErrorsButNotALabel() {
    Prediction unknown =
        new Prediction(
            List.of(new LabelScore("a", 0.5), new LabelScore("b", 0.5)), true);
    Evaluation e =
        Evaluation.of(
            examples("a", "a", "b", "b"), List.of(ranking("a"), unknown, ranking("b"), ranking("b")));
    assertThat(e.accuracy()).isEqualTo(0.75);
    // unknown is a miss for every k, even though "a" is listed first
    assertThat(e.topKAccuracy(3)).isEqualTo(0.75);
    assertThat(e.labels()).containsExactly(Evaluation.UNKNOWN, "a", "b");
    assertThat(e.perLabel()).extracting(Evaluation.LabelMetrics::label).containsExactly("a", "b");
    assertThat(e.perLabel().get(0).recall()).isEqualTo(0.5);
    assertThat(e.perLabel().get(0).precision()).isEqualTo(1.0);
    // macro-F1 over a and b only: (2/3 + 1) / 2
    assertThat(e.macroF1()).isCloseTo(5.0 / 6, within(1e-12));
    assertThat(e.count("a", Evaluation.UNKNOWN)).isEqualTo(1);
    assertThat(e.misclassified()).extracting(Evaluation.Misclassified::predicted)
        .containsExactly(Evaluation.UNKNOWN);
    assertThat(e.toString()).contains(Evaluation.UNKNOWN);
    assertThatThrownBy(
            () -> Evaluation.of(examples(Evaluation.UNKNOWN), List.of(ranking("a"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void evaluateRecordsTextsTheModelCannotPlaceAsUnknown() {
    TopicClassifier c = Samples.trained();
    String label = c.labels().get(0);
    // no letter or digit: no feature at all, so the prediction is unknown (uniform scores)
    LabeledText nothing = new LabeledText("", "... !!! ???", label);
    assertThat(c.predict(nothing.title(), nothing.body()).unknown()).isTrue();
    // the alphabetically first label is what an unknown prediction lists first: not a hit
    assertThat(c.predict(nothing.title(), nothing.body()).label()).isEqualTo(label);
    Evaluation e = Evaluation.evaluate(c, List.of(nothing));
    assertThat(e.accuracy()).isZero();
    assertThat(e.count(label, Evaluation.UNKNOWN)).isEqualTo(1);
  }

  @Test
  void trueLabelsTheModelDoesNotPredictAreCountedPerLabel() {
    // the model knows a, b and c (every prediction lists them); "d" and "e" can only be errors
    Evaluation e =
        Evaluation.of(
            examples("a", "d", "d", "e"),
            List.of(ranking("a"), ranking("b"), ranking("a"), ranking("c")));
    assertThat(e.labelsNotPredicted()).containsExactly(Map.entry("d", 2), Map.entry("e", 1));
    assertThat(e.toString())
        .contains("label 'd' (2 examples) is not one the model predicts")
        .contains("label 'e' (1 example) is not one the model predicts");
    assertThat(E.labelsNotPredicted()).isEmpty();
    assertThat(E.toString()).doesNotContain("is not one the model predicts");
  }

  @Test
  void foldCountsAreCheckedBeforeAnyData() {
    assertThat(Evaluation.checkFolds(2)).isEqualTo(2);
    assertThatThrownBy(() -> Evaluation.checkFolds(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("k must be >= 2: 1");
    assertThatThrownBy(() -> Evaluation.checkFolds(-5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
