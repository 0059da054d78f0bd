package org.newsdesk.classifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import opennlp.tools.ml.maxent.GISTrainer;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.OnePassRealValueDataIndexer;
import opennlp.tools.ml.naivebayes.NaiveBayesTrainer;
import opennlp.tools.ml.perceptron.PerceptronTrainer;
import opennlp.tools.monitoring.StopCriteria;
import opennlp.tools.monitoring.TrainingMeasure;
import opennlp.tools.monitoring.TrainingProgressMonitor;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.TrainingConfiguration;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains a model on already-extracted, real-valued feature vectors: {@code MAXENT_QN} with our
 * L-BFGS learner ({@link #maxentWeights}), the other algorithms with OpenNLP's own trainers.
 */
final class Learner {

  private Learner() {}

  /**
   * Trains a model. Row {@code i} of {@code data} is example i's feature vector (ids index {@code
   * featureNames}) and its label indexes {@code labels}.
   */
  static AbstractModel train(
      TrainingConfig config,
      String[] featureNames,
      String[] labels,
      FeatureMatrix data,
      TrainingListener listener) {
    if (config.algorithm() == TrainingConfig.Algorithm.MAXENT_QN) {
      return trainQn(config, featureNames, labels, data, listener);
    }
    int[][] contexts = new int[data.rows()][];
    float[][] values = new float[data.rows()][];
    int[] outcomes = new int[data.rows()];
    for (int r = 0; r < data.rows(); r++) {
      contexts[r] = data.rowIds(r);
      values[r] = data.rowValues(r);
      outcomes[r] = data.label(r);
    }
    Indexer indexer =
        new Indexer(featureNames, data.columnCounts(), labels, contexts, values, outcomes);
    try {
      return switch (config.algorithm()) {
        case MAXENT_QN -> throw new AssertionError("handled above");
        case MAXENT -> {
          GISTrainer t = new GISTrainer();
          t.init(params(config, "MAXENT"), new HashMap<>(), monitored(config, listener));
          yield (AbstractModel) t.train(indexer);
        }
        case PERCEPTRON -> {
          PerceptronTrainer t = new PerceptronTrainer();
          t.init(params(config, "PERCEPTRON"), new HashMap<>(), monitored(config, listener));
          yield (AbstractModel) t.train(indexer);
        }
        case NAIVEBAYES -> {
          NaiveBayesTrainer t = new NaiveBayesTrainer();
          t.init(params(config, "NAIVEBAYES"), new HashMap<>());
          AbstractModel m = (AbstractModel) t.train(indexer);
          listener.onProgress(1, 1, Double.NaN);
          yield m;
        }
      };
    } catch (IOException e) {
      // our indexer never does I/O
      throw new UncheckedIOException(e);
    }
  }

  private static TrainingParameters params(TrainingConfig config, String algorithm) {
    TrainingParameters p = new TrainingParameters();
    p.put(TrainingParameters.ALGORITHM_PARAM, algorithm);
    p.put(TrainingParameters.ITERATIONS_PARAM, config.iterations());
    p.put(TrainingParameters.CUTOFF_PARAM, 0);
    p.put(TrainingParameters.THREADS_PARAM, config.threads());
    return p;
  }

  private static TrainingConfiguration monitored(TrainingConfig config, TrainingListener l) {
    return new TrainingConfiguration(new Monitor(config.iterations(), l), null);
  }

  /** MAXENT_QN: our L-BFGS learner; its weights become an OpenNLP QNModel. */
  private static QNModel trainQn(
      TrainingConfig config,
      String[] featureNames,
      String[] labels,
      FeatureMatrix data,
      TrainingListener listener) {
    double[] w =
        maxentWeights(
            data,
            labels.length,
            config.regularization(),
            config.balanceLabels(),
            config.iterations(),
            config.threads(),
            listener);
    // ---- QNModel round trip: to be replaced by Newsdesk's own linear model (issue 11) ----
    int[] allOutcomes = new int[labels.length];
    for (int oi = 0; oi < allOutcomes.length; oi++) {
      allOutcomes[oi] = oi;
    }
    Context[] params = new Context[featureNames.length];
    for (int ci = 0; ci < featureNames.length; ci++) {
      double[] alpha = new double[labels.length];
      System.arraycopy(w, ci * labels.length, alpha, 0, labels.length);
      params[ci] = new Context(allOutcomes, alpha);
    }
    return new QNModel(params, featureNames, labels);
    // ---- end of the QNModel round trip ----
  }

  /**
   * The L-BFGS maximum-entropy learner: minimises {@link SoftmaxObjective} (bias feature 0 not
   * penalised) with {@link Lbfgs} from all-zero weights.
   *
   * @param data the examples; feature 0 must be the bias
   * @param labelCount the number of labels
   * @param l2 the L2 penalty factor
   * @param balanceLabels weigh examples by {@link SoftmaxObjective#balancedWeights}
   * @param iterations the iteration cap
   * @param threads threads for the objective (the result does not depend on them)
   * @param listener told of each iteration with the training log-likelihood (weighted, without
   *     the penalty)
   * @return the weights, laid out {@code [feature * labelCount + label]}
   */
  static double[] maxentWeights(
      FeatureMatrix data,
      int labelCount,
      double l2,
      boolean balanceLabels,
      int iterations,
      int threads,
      TrainingListener listener) {
    double[] exampleWeights =
        balanceLabels ? SoftmaxObjective.balancedWeights(data, labelCount) : null;
    try (SoftmaxObjective objective =
        new SoftmaxObjective(data, labelCount, exampleWeights, l2, 1, threads)) {
      Lbfgs.Listener progress =
          (iteration, value, x, gradient) ->
              listener.onProgress(iteration, iterations, -(value - objective.penalty(x)));
      return Lbfgs.withDefaults(iterations)
          .minimize(objective, new double[objective.dimension()], progress)
          .x();
    }
  }

  /** Forwards OpenNLP's per-iteration monitor calls to our listener. */
  private static final class Monitor implements TrainingProgressMonitor {
    private final int max;
    private final TrainingListener listener;

    Monitor(int max, TrainingListener listener) {
      this.max = max;
      this.listener = listener;
    }

    @Override
    public void finishedIteration(
        int iteration, int correct, int total, TrainingMeasure measure, double value) {
      double ll = measure == TrainingMeasure.LOG_LIKELIHOOD ? value : Double.NaN;
      listener.onProgress(Math.min(iteration, max), max, ll);
    }

    @Override
    public void finishedTraining(int iterations, StopCriteria<?> stopCriteria) {}

    @Override
    public boolean isTrainingFinished() {
      return false;
    }

    @Override
    public void display(boolean isTrainingFinished) {
      // never print from the library
    }
  }

  /**
   * A data indexer over our own arrays: no string re-indexing, values kept as they are. It must
   * extend OnePassRealValueDataIndexer: OpenNLP's NegLogLikelihood ignores feature values unless
   * the indexer is an instance of that class.
   */
  private static final class Indexer extends OnePassRealValueDataIndexer {
    private final float[][] values;

    Indexer(
        String[] preds,
        int[] predCounts,
        String[] outcomeLabels,
        int[][] contexts,
        float[][] values,
        int[] outcomes) {
      this.predLabels = preds;
      this.predCounts = predCounts;
      this.outcomeLabels = outcomeLabels;
      this.contexts = contexts;
      this.values = values;
      this.outcomeList = outcomes;
      this.numTimesEventsSeen = new int[contexts.length];
      Arrays.fill(numTimesEventsSeen, 1);
    }

    @Override
    public float[][] getValues() {
      return values;
    }

    @Override
    public int getNumEvents() {
      return contexts.length;
    }

    @Override
    public void init(TrainingParameters p, Map<String, String> reportMap) {}

    @Override
    public void index(ObjectStream<Event> eventStream) {
      throw new UnsupportedOperationException("already indexed");
    }
  }
}
