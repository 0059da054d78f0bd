package org.newsdesk.classifier;

import opennlp.tools.ml.model.AbstractModel;

/**
 * Features from a {@link FeatureExtractor}, scored by an OpenNLP model that OpenNLP's own GIS,
 * perceptron or naive Bayes trainer fitted to them (feature names are the OpenNLP predicates,
 * feature weights their values). Only public OpenNLP API is used: {@code MaxentModel.eval}, through
 * {@link OpenNlpScores} (a GIS model's overflowing scores).
 */
final class OpenNlpModel extends Model {

  private final FeatureExtractor features;
  private final AbstractModel model;
  private final Learner learner;

  OpenNlpModel(FeatureExtractor features, AbstractModel model, Learner learner) {
    this(features, model, learner, outcomesOf(model));
  }

  private OpenNlpModel(FeatureExtractor features, AbstractModel model, Learner learner,
      String[] outcomes) {
    super(outcomes, alphabeticalRanks(outcomes));
    this.features = features;
    this.model = model;
    this.learner = learner;
  }

  FeatureExtractor features() {
    return features;
  }

  AbstractModel model() {
    return model;
  }

  @Override
  FeaturePipeline pipeline() {
    return features.pipeline();
  }

  @Override
  double[] probabilities(String title, String body) {
    FeatureExtractor.Vector v = features.vector(title, body);
    if (v.onlyBias()) {
      return null;
    }
    int[] ids = v.ids();
    String[] context = new String[ids.length];
    for (int i = 0; i < ids.length; i++) {
      context[i] = features.name(ids[i]);
    }
    return OpenNlpScores.probabilities(model, context, v.values());
  }

  @Override
  String describe() {
    return learner.algorithm() + " (OpenNLP), " + features.size() + " features";
  }
}
