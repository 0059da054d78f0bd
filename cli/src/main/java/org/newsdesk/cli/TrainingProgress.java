package org.newsdesk.cli;

import java.util.Locale;
import org.newsdesk.classifier.TrainingListener;

/**
 * Shows a training run's progress, as the library reports it, on a {@link ProgressBar}: the
 * passes over the examples (feature extraction), then the learner's iterations, and for
 * cross-validation which fold is training.
 *
 * <p>On a terminal the reading passes are one line redrawn in place (a count during the first
 * pass, a bar during the others, whose total the first pass found); in plain output (a log) each
 * pass ends with one line, and iterations print every 10%.
 */
final class TrainingProgress implements TrainingListener {
  private final ProgressBar bar;
  private int pass;
  private int passes;
  private long read;
  /** Examples the first pass counted: the total of the later passes. */
  private long total;
  private String fold = "";

  TrainingProgress(ProgressBar bar) {
    this.bar = bar;
  }

  /** Whether cross-validation has started training a fold (its arguments were accepted). */
  boolean foldStarted() {
    return !fold.isEmpty();
  }

  @Override
  public void onFold(int fold, int folds) {
    this.fold = "fold " + fold + "/" + folds;
    bar.label(this.fold);
    bar.line("cross-validation: fold " + fold + " of " + folds);
    pass = 0;
  }

  /** The folds are done: what follows trains the model that is saved. */
  void finalModel() {
    fold = "";
    bar.label("training");
    bar.line("training the model on all examples");
    pass = 0;
  }

  @Override
  public void onReading(int pass, int passes, long examples) {
    if (pass != this.pass) {
      passEnded();
      this.pass = pass;
      this.passes = passes;
    }
    read = examples;
    if (pass == 1) {
      total = examples;
      bar.status(
          String.format(
              Locale.ROOT, "pass 1/%d counting n-grams: %,d examples", passes, examples));
    } else {
      bar.status(
          String.format(
              Locale.ROOT,
              "pass %d/%d %s %,d/%,d",
              pass,
              passes,
              pass == 2 ? "naming features" : "feature vectors",
              examples,
              total),
          examples,
          total);
    }
  }

  /** In plain output, one line per finished pass (a terminal keeps redrawing its one line). */
  private void passEnded() {
    if (this.pass > 0 && !bar.terminal()) {
      bar.line(
          String.format(
              Locale.ROOT,
              "%s: pass %d of %d read %,d examples",
              fold.isEmpty() ? "reading" : fold,
              pass,
              passes,
              read));
    }
  }

  @Override
  public void onStart(int examples, int features, int labels) {
    passEnded();
    pass = 0;
    bar.line(
        (fold.isEmpty() ? "" : fold + ": ")
            + String.format(
                Locale.ROOT,
                "training on %,d examples, %,d features, %d labels",
                examples,
                features,
                labels));
  }

  @Override
  public void onProgress(int iteration, int maxIterations, double logLikelihood) {
    bar.update(
        iteration,
        maxIterations,
        Double.isNaN(logLikelihood)
            ? ""
            : String.format(Locale.ROOT, "log-likelihood %.1f", logLikelihood));
  }

  @Override
  public void onFinish(int iterations) {
    bar.done("after " + iterations + (iterations == 1 ? " iteration" : " iterations"));
  }
}
