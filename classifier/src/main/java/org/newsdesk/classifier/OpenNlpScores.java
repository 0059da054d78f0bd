package org.newsdesk.classifier;

import java.util.Map;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

/**
 * An OpenNLP model's probabilities for a context, always in 0..1 and summing to 1. OpenNLP's own
 * {@code eval} answers for ordinary models, bit for bit; but a GIS model takes {@code exp} of each
 * outcome's parameter sum without subtracting the largest first, so large parameters (a sum of
 * 800) give infinity over infinity: NaN. Then the probabilities are computed again from the
 * model's public parameters ({@code getDataStructures}), shifted by the largest sum (GIS models
 * read from files have a uniform prior, which adds the same to every sum and so cancels). Any
 * other model type that still answers NaN gets the limit of its probabilities: the outcomes whose
 * scores overflowed (NaN) share the probability mass equally, the others get 0.
 */
final class OpenNlpScores {

  private OpenNlpScores() {}

  /**
   * The probabilities of {@code model}'s outcomes for {@code context} (with feature {@code
   * values}, or {@code null} for 1 each).
   */
  static double[] probabilities(MaxentModel model, String[] context, float[] values) {
    double[] p = values == null ? model.eval(context) : model.eval(context, values);
    if (valid(p)) {
      return p;
    }
    if (model instanceof GISModel gis) {
      double[] stable = gis(gis, context, values);
      if (valid(stable)) {
        return stable;
      }
    }
    return limit(p);
  }

  private static boolean valid(double[] p) {
    for (double v : p) {
      if (Double.isNaN(v)) {
        return false;
      }
    }
    return true;
  }

  /** GIS's probabilities: softmax of each outcome's sum of parameter times feature value. */
  @SuppressWarnings("unchecked")
  static double[] gis(GISModel model, String[] context, float[] values) {
    Map<String, Context> predicates = (Map<String, Context>) model.getDataStructures()[1];
    double[] sums = new double[model.getNumOutcomes()];
    for (int i = 0; i < context.length; i++) {
      Context c = predicates.get(context[i]);
      if (c == null) {
        continue;
      }
      double value = values == null ? 1 : values[i];
      int[] outcomes = c.getOutcomes();
      double[] parameters = c.getParameters();
      for (int j = 0; j < outcomes.length; j++) {
        sums[outcomes[j]] += value * parameters[j];
      }
    }
    LinearModel.softmax(sums); // shifted by the maximum, as OpenNLP's eval is not
    return sums;
  }

  /** The limit: the outcomes scored NaN share the mass equally, the others get 0. */
  static double[] limit(double[] p) {
    int overflowed = 0;
    for (double v : p) {
      overflowed += Double.isNaN(v) ? 1 : 0;
    }
    double[] out = new double[p.length];
    for (int o = 0; o < p.length; o++) {
      out[o] = Double.isNaN(p[o]) ? 1.0 / overflowed : 0;
    }
    return out;
  }
}
