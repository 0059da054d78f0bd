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
 * {@link Lbfgs}, the other algorithms with OpenNLP's own trainers.
 */
final class Learner {

  private Learner() {}

  /**
   * Trains a model. {@code contexts[i]}/{@code values[i]} is example i's feature vector, {@code
   * outcomes[i]} the index of its label in {@code labels}.
   */
  static AbstractModel train(
      TrainingConfig config,
      String[] featureNames,
      int[] featureCounts,
      String[] labels,
      int[][] contexts,
      float[][] values,
      int[] outcomes,
      TrainingListener listener) {
    Indexer indexer = new Indexer(featureNames, featureCounts, labels, contexts, values, outcomes);
    try {
      return switch (config.algorithm()) {
        case MAXENT_QN -> trainQn(config, indexer, listener);
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

  /** Our L-BFGS (see {@link Lbfgs}); the weights become an OpenNLP QNModel. */
  private static QNModel trainQn(TrainingConfig config, Indexer indexer, TrainingListener l) {
    String[] preds = indexer.getPredLabels();
    String[] outcomeNames = indexer.getOutcomeLabels();
    int[] outcomes = indexer.getOutcomeList();
    double[] weights = new double[outcomes.length];
    Arrays.fill(weights, 1);
    if (config.balanceLabels()) {
      int[] perLabel = new int[outcomeNames.length];
      for (int o : outcomes) {
        perLabel[o]++;
      }
      for (int e = 0; e < outcomes.length; e++) {
        weights[e] = (double) outcomes.length / (outcomeNames.length * perLabel[outcomes[e]]);
      }
    }
    Lbfgs lbfgs =
        new Lbfgs(
            preds.length,
            outcomeNames.length,
            indexer.getContexts(),
            indexer.getValues(),
            outcomes,
            weights,
            config.regularization(),
            config.threads());
    double[] w = lbfgs.minimize(config.iterations(), l);
    int[] allOutcomes = new int[outcomeNames.length];
    for (int oi = 0; oi < allOutcomes.length; oi++) {
      allOutcomes[oi] = oi;
    }
    Context[] params = new Context[preds.length];
    for (int ci = 0; ci < preds.length; ci++) {
      double[] alpha = new double[outcomeNames.length];
      System.arraycopy(w, ci * outcomeNames.length, alpha, 0, outcomeNames.length);
      params[ci] = new Context(allOutcomes, alpha);
    }
    return new QNModel(params, preds, outcomeNames);
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
