package org.newsdesk.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.newsdesk.classifier.Evaluation;
import org.newsdesk.classifier.LabeledText;
import org.newsdesk.classifier.TopicClassifier;
import org.newsdesk.classifier.TopicTrainer;
import org.newsdesk.classifier.TrainingConfig;
import org.newsdesk.classifier.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsdesk train}: train a topic model on labeled digests and save it. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    versionProvider = NewsdeskCli.Version.class,
    description = {
      "Train a topic model on labeled digests (label = the category on the metadata line),",
      "optionally cross-validate it, and save it for `classify --model` / `evaluate --model`.",
      "Options not given keep the library defaults."
    })
final class TrainCommand extends InputCommand {
  @Option(
      names = "--out",
      paramLabel = "MODEL",
      required = true,
      description = "Where to save the model.")
  Path out;

  @Option(
      names = "--cv",
      paramLabel = "K",
      description = "Also run stratified K-fold cross-validation and print the evaluation.")
  Integer folds;

  @Option(names = "--algorithm", paramLabel = "ALG", description = "${COMPLETION-CANDIDATES}.")
  TrainingConfig.Algorithm algorithm;

  @Option(names = "--iterations", paramLabel = "N", description = "Training iterations.")
  Integer iterations;

  @Option(
      names = "--cutoff",
      paramLabel = "N",
      description = "Drop features seen in fewer than N documents.")
  Integer cutoff;

  @Option(names = "--regularization", paramLabel = "C", description = "Regularization strength.")
  Double regularization;

  @Option(names = "--ngrams", paramLabel = "MIN-MAX", description = "Word n-gram range, e.g. 1-2.")
  String ngrams;

  @Option(
      names = "--lowercase",
      negatable = true,
      description = "Lowercase text before extracting features.")
  Boolean lowercase;

  @Option(names = "--stop-words", paramLabel = "LIST", description = "english or none.")
  String stopWords;

  @Option(names = "--stemming", paramLabel = "STEMMER", description = "${COMPLETION-CANDIDATES}.")
  TrainingConfig.Stemming stemming;

  @Option(
      names = "--title-weight",
      paramLabel = "W",
      description = "Weight of title features relative to body features.")
  Double titleWeight;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Random seed for training and cross-validation folds.")
  Long seed;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Training threads. Default: the library's (available processors, at most 4).")
  Integer threads;

  private TrainingConfig config;

  @Override
  void validate() {
    if (threads != null && threads < 1) {
      throw usage("Invalid value for option '--threads': must be at least 1, was " + threads);
    }
    config = config();
  }

  @Override
  int run(Inputs inputs) throws IOException {
    List<LabeledText> data = Labeled.collect(inputs, err());
    Set<String> labels = new TreeSet<>();
    data.forEach(t -> labels.add(t.label()));
    if (labels.size() < 2) {
      throw new InputException(
          "need at least 2 labels to train, found " + labels.size() + ": " + labels);
    }
    TopicTrainer trainer = new TopicTrainer(config);
    if (folds != null) {
      err().println("cross-validating with " + folds + " folds...");
      Evaluation cv;
      try {
        cv = Evaluation.crossValidate(trainer, data, folds, config.seed());
      } catch (IllegalArgumentException e) {
        throw new InputException("cannot cross-validate: " + e.getMessage(), e);
      }
      printBlock(cv);
      out().flush();
    }
    TopicClassifier model = trainer.train(data, progress());
    model.save(out);
    err()
        .println(
            "saved "
                + out
                + ": "
                + data.size()
                + " examples, "
                + model.labels().size()
                + " labels");
    return 0;
  }

  /** Progress on stderr: a bar on a terminal, plain lines otherwise. */
  private TrainingListener progress() {
    ProgressBar bar = new ProgressBar(err(), ProgressBar.stderrIsTerminal(), "training");
    return new TrainingListener() {
      @Override
      public void onStart(int examples, int features, int labels) {
        err()
            .println(
                "training on "
                    + examples
                    + " examples, "
                    + features
                    + " features, "
                    + labels
                    + " labels");
      }

      @Override
      public void onProgress(int iteration, int maxIterations, double logLikelihood) {
        bar.update(
            iteration,
            maxIterations,
            String.format(Locale.ROOT, "log-likelihood %.1f", logLikelihood));
      }

      @Override
      public void onFinish(int iterations) {
        bar.done("after " + iterations + (iterations == 1 ? " iteration" : " iterations"));
      }
    };
  }

  private TrainingConfig config() {
    TrainingConfig.Builder b = TrainingConfig.builder();
    try {
      if (threads != null) {
        b.threads(threads);
      }
      if (seed != null) {
        b.seed(seed);
      }
      if (algorithm != null) {
        b.algorithm(algorithm);
      }
      if (iterations != null) {
        b.iterations(iterations);
      }
      if (cutoff != null) {
        b.cutoff(cutoff);
      }
      if (regularization != null) {
        b.regularization(regularization);
      }
      if (ngrams != null) {
        String[] range = ngrams.split("-", 2);
        int min = Integer.parseInt(range[0].trim());
        b.ngramRange(min, range.length == 2 ? Integer.parseInt(range[1].trim()) : min);
      }
      if (lowercase != null) {
        b.lowercase(lowercase);
      }
      if (stopWords != null) {
        b.stopWords(
            switch (stopWords.toLowerCase(Locale.ROOT)) {
              case "english" -> TrainingConfig.ENGLISH_STOP_WORDS;
              case "none" -> Set.of();
              default ->
                  throw new IllegalArgumentException(
                      "--stop-words must be english or none, was " + stopWords);
            });
      }
      if (stemming != null) {
        b.stemming(stemming);
      }
      if (titleWeight != null) {
        b.titleWeight(titleWeight);
      }
      if (folds != null && folds < 2) {
        throw new IllegalArgumentException("--cv needs at least 2 folds, was " + folds);
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }
}
