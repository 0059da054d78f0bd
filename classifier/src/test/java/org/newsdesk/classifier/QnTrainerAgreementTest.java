package org.newsdesk.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.quasinewton.NegLogLikelihood;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.model.OnePassRealValueDataIndexer;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our L-BFGS learner ({@link SoftmaxObjective} minimised by {@link Lbfgs}) against OpenNLP's own
 * {@code QNTrainer} on the fortunes sample (359 training rows, 8 labels, the default TF-IDF
 * features). OpenNLP is used through its public API: real-valued {@link Event}s, indexed by
 * OpenNLP itself with {@code DataIndexer=OnePassRealValue} (with any other indexer its {@code
 * NegLogLikelihood} ignores the values), L1 off and {@code L2Cost} = our l2 with the bias
 * penalised too, as OpenNLP penalises every weight.
 */
class QnTrainerAgreementTest {

  private static final double L2 = 0.1;

  /** Relative excess of OpenNLP's final objective over ours allowed: its own stop threshold. */
  private static final double OBJECTIVE_TOLERANCE = 1e-4;

  /**
   * How far the two models' probabilities may differ on held-out texts, given OpenNLP's looser
   * stop (largest difference 0.0027 when this test was written).
   */
  private static final double PROBABILITY_TOLERANCE = 5e-3;

  private static FeatureExtractor features;
  private static String[] labels;
  private static FeatureMatrix matrix;
  private static List<Event> events;
  private static TrainingParameters params;
  private static MaxentModel openNlp;

  @BeforeAll
  static void trainOpenNlp() throws IOException {
    List<LabeledText> train = Samples.train();
    features = Vocabulary.fit(FeaturePipeline.defaults(), train);
    labels = train.stream().map(LabeledText::label).distinct().sorted().toArray(String[]::new);
    FeatureMatrix.Builder rows = FeatureMatrix.builder(features.size());
    events = new ArrayList<>();
    for (LabeledText t : train) {
      FeatureExtractor.Vector v = features.vector(t.title(), t.body());
      rows.addRow(v.ids(), v.values(), Arrays.binarySearch(labels, t.label()));
      events.add(new Event(t.label(), names(v.ids()), v.values().clone()));
    }
    matrix = rows.build();

    params = new TrainingParameters();
    params.put(TrainingParameters.ALGORITHM_PARAM, QNTrainer.MAXENT_QN_VALUE);
    params.put(TrainingParameters.ITERATIONS_PARAM, 10_000);
    params.put(TrainingParameters.CUTOFF_PARAM, 0);
    params.put(QNTrainer.L1COST_PARAM, 0.0);
    params.put(QNTrainer.L2COST_PARAM, L2);
    params.put(QNTrainer.THREADS_PARAM, 1);
    params.put(
        AbstractEventTrainer.DATA_INDEXER_PARAM,
        AbstractEventTrainer.DATA_INDEXER_ONE_PASS_REAL_VALUE);
    EventTrainer trainer = TrainerFactory.getEventTrainer(params, new HashMap<>());
    openNlp = trainer.train(ObjectStreamUtils.createObjectStream(events));
  }

  private static String[] names(int[] ids) {
    String[] out = new String[ids.length];
    for (int i = 0; i < ids.length; i++) {
      out[i] = features.name(ids[i]);
    }
    return out;
  }

  /** OpenNLP's trained weights in our layout [feature * labels + label] (0 where it has none). */
  private static double[] openNlpWeights() {
    Object[] data = ((AbstractModel) openNlp).getDataStructures();
    @SuppressWarnings("unchecked")
    Map<String, Context> pmap = (Map<String, Context>) data[1];
    int n = labels.length;
    double[] w = new double[features.size() * n];
    for (int f = 0; f < features.size(); f++) {
      Context c = pmap.get(features.name(f));
      if (c == null) {
        continue;
      }
      for (int i = 0; i < c.getOutcomes().length; i++) {
        String label = openNlp.getOutcome(c.getOutcomes()[i]);
        w[f * n + Arrays.binarySearch(labels, label)] = c.getParameters()[i];
      }
    }
    return w;
  }

  /** Our optimum, found with tolerances far tighter than OpenNLP's. */
  private static Lbfgs.Result ours(SoftmaxObjective objective) {
    return new Lbfgs(Lbfgs.DEFAULT_MEMORY, 10_000, 0, 1e-9)
        .minimize(objective, new double[objective.dimension()], Lbfgs.Listener.NONE);
  }

  @Test
  void ourObjectiveIsOpenNlpsNegLogLikelihoodPlusL2Cost() throws IOException {
    // OpenNLP's own objective over OpenNLP's own indexing of the same events
    OnePassRealValueDataIndexer indexer = new OnePassRealValueDataIndexer();
    indexer.init(params, new HashMap<>());
    indexer.index(ObjectStreamUtils.createObjectStream(events));
    NegLogLikelihood nll = new NegLogLikelihood(indexer);
    String[] preds = indexer.getPredLabels();
    String[] outcomes = indexer.getOutcomeLabels();
    Map<String, Integer> featureId = new HashMap<>();
    for (int f = 0; f < features.size(); f++) {
      featureId.put(features.name(f), f);
    }
    int n = labels.length;
    try (SoftmaxObjective objective = new SoftmaxObjective(matrix, n, null, L2, 0, 1)) {
      for (double[] x :
          List.of(
              SoftmaxObjectiveTest.randomPoint(objective.dimension(), 0.5, 21), openNlpWeights())) {
        // OpenNLP lays weights out outcome-major over its own predicate and outcome order
        double[] theirs = new double[preds.length * outcomes.length];
        for (int o = 0; o < outcomes.length; o++) {
          int k = Arrays.binarySearch(labels, outcomes[o]);
          for (int p = 0; p < preds.length; p++) {
            theirs[o * preds.length + p] = x[featureId.get(preds[p]) * n + k];
          }
        }
        double theirValue = nll.valueAt(theirs);
        double[] theirGradient = nll.gradientAt(theirs).clone();
        double squares = 0;
        for (int i = 0; i < theirs.length; i++) {
          squares += theirs[i] * theirs[i];
          theirGradient[i] += 2 * L2 * theirs[i];
        }
        theirValue += L2 * squares;

        double[] g = new double[objective.dimension()];
        double ourValue = objective.evaluate(x, g);
        assertThat(ourValue).isCloseTo(theirValue, within(1e-12 * theirValue));
        for (int o = 0; o < outcomes.length; o++) {
          int k = Arrays.binarySearch(labels, outcomes[o]);
          for (int p = 0; p < preds.length; p++) {
            assertThat(g[featureId.get(preds[p]) * n + k])
                .isCloseTo(theirGradient[o * preds.length + p], within(1e-10));
          }
        }
      }
    }
  }

  @Test
  void reachesTheSameOptimumAsOpenNlpsQnTrainer() {
    try (SoftmaxObjective objective = new SoftmaxObjective(matrix, labels.length, null, L2, 0, 1)) {
      Lbfgs.Result ours = ours(objective);
      double theirs = objective.evaluate(openNlpWeights(), new double[objective.dimension()]);
      // OpenNLP stops when an iteration gains under 1e-4 (relative), so its value lies just above
      // the optimum, never below it (3.5e-5 above when this test was written)
      assertThat(ours.value()).isLessThanOrEqualTo(theirs);
      assertThat((theirs - ours.value()) / ours.value()).isLessThan(OBJECTIVE_TOLERANCE);
    }
  }

  @Test
  void predictsTheSameLabelsAsOpenNlpOnHeldOutTexts() {
    int n = labels.length;
    double[] w;
    try (SoftmaxObjective objective = new SoftmaxObjective(matrix, n, null, L2, 0, 1)) {
      w = ours(objective).x();
    }
    int compared = 0;
    for (LabeledText t : Samples.test()) {
      FeatureExtractor.Vector v = features.vector(t.title(), t.body());
      double[] scores = new double[n];
      for (int i = 0; i < v.ids().length; i++) {
        for (int k = 0; k < n; k++) {
          scores[k] += v.values()[i] * w[v.ids()[i] * n + k];
        }
      }
      SoftmaxObjective.softmax(scores);
      double[] theirs = openNlp.eval(names(v.ids()), v.values());
      int best = 0;
      for (int k = 1; k < n; k++) {
        if (scores[k] > scores[best]) {
          best = k;
        }
      }
      assertThat(labels[best]).as(t.body()).isEqualTo(openNlp.getBestOutcome(theirs));
      for (int k = 0; k < n; k++) {
        assertThat(scores[k])
            .as("P(%s | %s)", labels[k], t.body())
            .isCloseTo(theirs[openNlp.getIndex(labels[k])], within(PROBABILITY_TOLERANCE));
      }
      compared++;
    }
    assertThat(compared).isEqualTo(96);
  }

}
