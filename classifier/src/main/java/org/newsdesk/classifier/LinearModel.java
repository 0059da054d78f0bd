package org.newsdesk.classifier;

/**
 * Newsdesk's own model: multinomial logistic regression over the features of a {@link
 * FeatureExtractor}, a weight per feature and label laid out {@code [feature * labels + label]}.
 * Labels are in alphabetical order. Weights are kept as {@code float} (half the memory the
 * scoring loop streams through; sums stay in {@code double}), and saved as such, so a loaded
 * model predicts exactly as the trained one. For scoring they are held next to each feature's
 * idf ({@link FeatureExtractor#scoringRows}).
 */
final class LinearModel extends Model {

  private final FeatureExtractor features;
  private final int labels;
  /** The weights, each feature's row after its idf. */
  private final float[] rows;

  /**
   * @param labels strictly ascending
   * @param weights {@code features.size() * labels.length} finite values
   */
  LinearModel(FeatureExtractor features, String[] labels, float[] weights) {
    super(labels, alphabeticalRanks(labels)); // 0, 1, 2...: the labels are sorted (checked below)
    if ((long) features.size() * labels.length != weights.length) {
      throw new IllegalArgumentException(
          "expected " + features.size() + " x " + labels.length + " weights, got " + weights.length);
    }
    for (int i = 1; i < labels.length; i++) {
      if (labels[i - 1].compareTo(labels[i]) >= 0) {
        throw new IllegalArgumentException(
            "labels must be distinct and sorted: '" + labels[i - 1] + "' before '" + labels[i]
                + "'");
      }
    }
    for (float w : weights) {
      if (!Float.isFinite(w)) {
        throw new IllegalArgumentException("weight " + w + " is not a finite number");
      }
    }
    this.features = features;
    this.labels = labels.length;
    this.rows = features.scoringRows(weights, labels.length);
  }

  /** Builds the model from trained {@code double} weights, rounding each to {@code float}. */
  static LinearModel fromTrained(FeatureExtractor features, String[] labels, double[] weights) {
    float[] w = new float[weights.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) weights[i];
    }
    return new LinearModel(features, labels, w);
  }

  FeatureExtractor features() {
    return features;
  }

  /** The weights, {@code [feature * labels + label]}, as a new array. */
  float[] weights() {
    int stride = labels + 1;
    float[] w = new float[features.size() * labels];
    for (int f = 0; f < features.size(); f++) {
      System.arraycopy(rows, f * stride + 1, w, f * labels, labels);
    }
    return w;
  }

  @Override
  FeaturePipeline pipeline() {
    return features.pipeline();
  }

  @Override
  double[] probabilities(String title, String body) {
    double[] s = new double[outcomes().length];
    if (!features.score(title, body, rows, s)) {
      return null;
    }
    softmax(s);
    return s;
  }

  /**
   * Replaces scores by their softmax probabilities, shifted by the maximum so that nothing
   * overflows: with finite scores the result is finite and sums to 1.
   */
  static void softmax(double[] s) {
    double max = Double.NEGATIVE_INFINITY;
    for (double x : s) {
      max = Math.max(max, x);
    }
    double sum = 0;
    for (int k = 0; k < s.length; k++) {
      s[k] = Math.exp(s[k] - max);
      sum += s[k];
    }
    for (int k = 0; k < s.length; k++) {
      s[k] /= sum;
    }
  }

  @Override
  String describe() {
    return "maxent, " + features.size() + " features";
  }
}
