package org.newsdesk.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationTest {

  // gold:  a a a b b c ; predicted: a a b b c c
  private static final Evaluation E =
      Evaluation.of(List.of("a", "a", "a", "b", "b", "c"), List.of("a", "a", "b", "b", "c", "c"));

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
    Evaluation e = Evaluation.of(List.of("a", "b"), List.of("a", "a"));
    assertThat(e.perLabel().get(1).precision()).isZero();
    assertThat(e.perLabel().get(1).f1()).isZero();
    assertThat(e.macroF1()).isFinite();
    assertThat(Evaluation.of(List.of(), List.of()).accuracy()).isZero();
    assertThatThrownBy(() -> Evaluation.of(List.of("a"), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringIsAReadableTable() {
    String s = E.toString();
    assertThat(s).contains("accuracy 0.6667", "macro", "micro", "precision", "support",
        "confusion (rows = true, columns = predicted)", "[2] c");
    assertThat(s.lines().count()).isGreaterThan(10);
  }

  @Test
  void crossValidationIsStratifiedAndDeterministic() {
    TopicTrainer trainer =
        new TopicTrainer(TrainingConfig.defaults().toBuilder().iterations(30).build());
    List<LabeledText> data = Samples.train();
    Evaluation a = Evaluation.crossValidate(trainer, data, 3, 7);
    Evaluation b = Evaluation.crossValidate(trainer, data, 3, 7);
    assertThat(a).isEqualTo(b);
    assertThat(a.total()).isEqualTo(data.size());
    assertThat(a.accuracy()).isGreaterThan(0.35);
    Map<String, Integer> support = new HashMap<>();
    a.perLabel().forEach(m -> support.put(m.label(), m.support()));
    assertThat(support).containsEntry("medicine", 44).containsEntry("food", 45);
    assertThatThrownBy(() -> Evaluation.crossValidate(trainer, data, 1, 7))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unknownPredictionsAreErrorsButNotALabel() {
    Evaluation e =
        Evaluation.of(List.of("a", "a", "b", "b"), List.of("a", Evaluation.UNKNOWN, "b", "b"));
    assertThat(e.accuracy()).isEqualTo(0.75);
    assertThat(e.labels()).containsExactly(Evaluation.UNKNOWN, "a", "b");
    assertThat(e.perLabel()).extracting(Evaluation.LabelMetrics::label).containsExactly("a", "b");
    assertThat(e.perLabel().get(0).recall()).isEqualTo(0.5);
    assertThat(e.perLabel().get(0).precision()).isEqualTo(1.0);
    // macro-F1 over a and b only: (2/3 + 1) / 2
    assertThat(e.macroF1()).isCloseTo(5.0 / 6, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(e.count("a", Evaluation.UNKNOWN)).isEqualTo(1);
    assertThat(e.toString()).contains(Evaluation.UNKNOWN);
    assertThatThrownBy(() -> Evaluation.of(List.of(Evaluation.UNKNOWN), List.of("a")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void evaluateRecordsTextsTheModelCannotPlaceAsUnknown() {
    TopicClassifier c = TopicTrainer.withDefaults().train(Samples.train());
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
}
