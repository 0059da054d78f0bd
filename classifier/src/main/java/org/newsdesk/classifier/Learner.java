package org.newsdesk.classifier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The learning algorithm a {@link TopicTrainer} fits to the features, with the options that apply
 * to it and no others: one record per algorithm.
 *
 * <ul>
 *   <li>{@link MaxEnt}: multinomial logistic regression (maximum entropy) with L2 regularisation,
 *       trained with L-BFGS; the default, and the most accurate. The model is Newsdesk's own
 *       linear model (a weight per feature and label).
 *   <li>{@link Gis}: maximum entropy trained with OpenNLP's Generalized Iterative Scaling.
 *   <li>{@link Perceptron}: OpenNLP's averaged perceptron.
 *   <li>{@link NaiveBayes}: OpenNLP's multinomial naive Bayes.
 * </ul>
 *
 * <p>The last three train and predict with OpenNLP's own model classes. The random seed and the
 * thread count are properties of a training run, not of the algorithm: see {@link
 * TopicTrainer#withSeed(long)} and {@link TopicTrainer#withThreads(int)}.
 *
 * <h2>Text form</h2>
 *
 * {@link #toString()} writes every option as comma-separated {@code key=value} pairs, first the
 * algorithm; {@link #parse(String)} reads them back (options not given keep their default; a
 * missing {@code algorithm} means {@code maxent}):
 *
 * <pre>
 * algorithm=maxent,iterations=100,l2=0.1,balance-labels=true
 * algorithm=gis,iterations=100
 * algorithm=perceptron,iterations=100
 * algorithm=naive-bayes
 * </pre>
 *
 * An option the algorithm does not take ({@code algorithm=naive-bayes,iterations=5}) is an error.
 */
public sealed interface Learner
    permits Learner.MaxEnt, Learner.Gis, Learner.Perceptron, Learner.NaiveBayes {

  /** The largest iteration count accepted. */
  int MAX_ITERATIONS = 100_000;

  /** The largest L2 cost accepted. */
  double MAX_L2 = 1e6;

  /**
   * Returns the default learner: {@link MaxEnt#DEFAULT}.
   *
   * @return the default learner
   */
  static Learner defaults() {
    return MaxEnt.DEFAULT;
  }

  /**
   * Reads the text form (see the interface comment).
   *
   * @param text comma-separated {@code key=value} pairs, e.g. {@code
   *     "algorithm=gis,iterations=50"}; empty for the default
   * @return the learner
   * @throws IllegalArgumentException if the algorithm is unknown, an option is unknown, repeated,
   *     not taken by the algorithm, or invalid; the message names it
   */
  static Learner parse(String text) {
    Settings s =
        Settings.parse(
            Objects.requireNonNull(text, "text"),
            "learner",
            List.of("algorithm", "iterations", "l2", "balance-labels"));
    String algorithm =
        s.choice(
            "algorithm", MaxEnt.NAME, List.of(MaxEnt.NAME, Gis.NAME, Perceptron.NAME, NaiveBayes.NAME));
    Learner l =
        switch (algorithm) {
          case MaxEnt.NAME -> {
            s.rejectOthers(Set.of("algorithm", "iterations", "l2", "balance-labels"), algorithm);
            yield new MaxEnt(
                s.integer("iterations", MaxEnt.DEFAULT.iterations(), 1, MAX_ITERATIONS),
                s.number("l2", MaxEnt.DEFAULT.l2(), 0, MAX_L2),
                s.bool("balance-labels", MaxEnt.DEFAULT.balanceLabels()));
          }
          case Gis.NAME -> {
            s.rejectOthers(Set.of("algorithm", "iterations"), algorithm);
            yield new Gis(s.integer("iterations", Gis.DEFAULT_ITERATIONS, 1, MAX_ITERATIONS));
          }
          case Perceptron.NAME -> {
            s.rejectOthers(Set.of("algorithm", "iterations"), algorithm);
            yield new Perceptron(
                s.integer("iterations", Perceptron.DEFAULT_ITERATIONS, 1, MAX_ITERATIONS));
          }
          default -> {
            s.rejectOthers(Set.of("algorithm"), algorithm);
            yield new NaiveBayes();
          }
        };
    return l;
  }

  /**
   * Returns the algorithm's name in the text form: {@code maxent}, {@code gis}, {@code
   * perceptron} or {@code naive-bayes}.
   *
   * @return the name
   */
  String algorithm();

  /**
   * Returns the text form: the algorithm and every option as comma-separated {@code key=value}
   * pairs, e.g. {@code algorithm=gis,iterations=100}; {@link #parse(String)} reads it back.
   *
   * @return the text form
   */
  @Override
  String toString();

  /**
   * Maximum entropy (multinomial logistic regression) with L2 regularisation, trained with
   * L-BFGS. The bias feature is not regularised. Training gives the same model for every thread
   * count.
   *
   * @param iterations the most L-BFGS iterations, 1 to {@value Learner#MAX_ITERATIONS}; training
   *     may stop earlier when the objective no longer improves
   * @param l2 the L2 regularisation cost, 0 to {@code 1e6}; larger values give smoother, less
   *     over-fitted models
   * @param balanceLabels whether each example is weighted by {@code examples / (labels *
   *     examplesOfItsLabel)}, so that every label counts equally: a little accuracy on frequent
   *     labels for recall on rare ones (higher macro-F1)
   */
  record MaxEnt(int iterations, double l2, boolean balanceLabels) implements Learner {

    /** The defaults: 100 iterations, L2 cost 0.1, balanced labels. */
    public static final MaxEnt DEFAULT = new MaxEnt(100, 0.1, true);

    static final String NAME = "maxent";

    /**
     * Validates the options.
     *
     * @param iterations the iteration limit
     * @param l2 the L2 cost
     * @param balanceLabels whether labels are balanced
     * @throws IllegalArgumentException if a value is out of range
     */
    public MaxEnt {
      Settings.checkRange("iterations", iterations, 1, MAX_ITERATIONS);
      Settings.checkRange("l2", l2, l2, 0, MAX_L2);
      // -0.0 is 0.0: one text form (l2=0) and equal records
      l2 = l2 == 0 ? 0.0 : l2;
    }

    /**
     * Returns a copy with another iteration limit.
     *
     * @param value the iteration limit
     * @return the copy
     */
    public MaxEnt withIterations(int value) {
      return new MaxEnt(value, l2, balanceLabels);
    }

    /**
     * Returns a copy with another L2 cost.
     *
     * @param value the L2 cost
     * @return the copy
     */
    public MaxEnt withL2(double value) {
      return new MaxEnt(iterations, value, balanceLabels);
    }

    /**
     * Returns a copy with label balancing on or off.
     *
     * @param value whether labels are balanced
     * @return the copy
     */
    public MaxEnt withBalanceLabels(boolean value) {
      return new MaxEnt(iterations, l2, value);
    }

    @Override
    public String algorithm() {
      return NAME;
    }

    /**
     * Returns the text form, e.g. {@code algorithm=maxent,iterations=100,l2=0.1,balance-labels=true}.
     *
     * @return the text form
     */
    @Override
    public String toString() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("algorithm", NAME);
      m.put("iterations", Integer.toString(iterations));
      m.put("l2", Settings.format(l2));
      m.put("balance-labels", Boolean.toString(balanceLabels));
      return Settings.join(m);
    }
  }

  /**
   * Maximum entropy trained with OpenNLP's Generalized Iterative Scaling ({@code GISTrainer}).
   * With several threads the result depends on the thread count.
   *
   * @param iterations the number of GIS iterations, 1 to {@value Learner#MAX_ITERATIONS}
   */
  record Gis(int iterations) implements Learner {

    static final String NAME = "gis";
    static final int DEFAULT_ITERATIONS = 100;

    /**
     * Validates the options.
     *
     * @param iterations the iteration count
     * @throws IllegalArgumentException if it is out of range
     */
    public Gis {
      Settings.checkRange("iterations", iterations, 1, MAX_ITERATIONS);
    }

    @Override
    public String algorithm() {
      return NAME;
    }

    /**
     * Returns the text form, e.g. {@code algorithm=gis,iterations=100}.
     *
     * @return the text form
     */
    @Override
    public String toString() {
      return "algorithm=" + NAME + ",iterations=" + iterations;
    }
  }

  /**
   * OpenNLP's averaged perceptron ({@code PerceptronTrainer}). The order in which examples are
   * presented matters; it is fixed by the trainer's seed.
   *
   * @param iterations the most passes over the data, 1 to {@value Learner#MAX_ITERATIONS}
   */
  record Perceptron(int iterations) implements Learner {

    static final String NAME = "perceptron";
    static final int DEFAULT_ITERATIONS = 100;

    /**
     * Validates the options.
     *
     * @param iterations the iteration limit
     * @throws IllegalArgumentException if it is out of range
     */
    public Perceptron {
      Settings.checkRange("iterations", iterations, 1, MAX_ITERATIONS);
    }

    @Override
    public String algorithm() {
      return NAME;
    }

    /**
     * Returns the text form, e.g. {@code algorithm=perceptron,iterations=100}.
     *
     * @return the text form
     */
    @Override
    public String toString() {
      return "algorithm=" + NAME + ",iterations=" + iterations;
    }
  }

  /** OpenNLP's multinomial naive Bayes ({@code NaiveBayesTrainer}): one pass, no options. */
  record NaiveBayes() implements Learner {

    static final String NAME = "naive-bayes";

    @Override
    public String algorithm() {
      return NAME;
    }

    /**
     * Returns the text form, {@code algorithm=naive-bayes}.
     *
     * @return the text form
     */
    @Override
    public String toString() {
      return "algorithm=" + NAME;
    }
  }
}
