package org.newsdesk.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.newsdesk.classifier.Evaluation;
import org.newsdesk.classifier.FeaturePipeline;
import org.newsdesk.classifier.LabeledText;
import org.newsdesk.classifier.Learner;
import org.newsdesk.classifier.TopicClassifier;
import org.newsdesk.classifier.TopicTrainer;
import org.newsdesk.classifier.TrainingListener;
import org.newsdesk.core.Article;
import org.newsdesk.core.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/** {@code newsdesk train}: train a topic model on labeled digests and save it. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    versionProvider = NewsdeskCli.Version.class,
    defaultValueProvider = TrainCommand.LibraryDefaults.class,
    description = {
      "Train a topic model on labeled articles and save it.",
      "The label is an article's category (a digest's metadata line, or the label of the other"
          + " input formats). --cv also cross-validates. Use the model with `classify --model`"
          + " or `evaluate --model`. The defaults are the library's."
    })
final class TrainCommand extends InputCommand {
  /** The library's defaults, shown in help and used when an option is not given. */
  static final class LibraryDefaults implements IDefaultValueProvider {
    @Override
    public String defaultValue(ArgSpec arg) {
      if (!(arg instanceof OptionSpec option)) {
        return null;
      }
      FeaturePipeline p = FeaturePipeline.defaults();
      Learner.MaxEnt l = Learner.MaxEnt.DEFAULT;
      TopicTrainer t = TopicTrainer.withDefaults();
      return switch (option.longestName()) {
        case "--algorithm" -> l.algorithm();
        case "--iterations" -> Integer.toString(l.iterations());
        case "--cutoff" -> Integer.toString(p.minDf());
        case "--regularization" -> Double.toString(l.l2());
        case "--ngrams" -> p.ngramMin() + "-" + p.ngramMax();
        case "--lowercase" -> Boolean.toString(p.lowercase());
        case "--stop-words" ->
            p.stopWords().equals(FeaturePipeline.ENGLISH_STOP_WORDS)
                ? "english"
                : p.stopWords().isEmpty() ? "none" : null;
        case "--stemming" -> p.stemming().name();
        case "--title-weight" -> Double.toString(p.titleWeight());
        case "--seed" -> Long.toString(t.seed());
        case "--threads" -> Integer.toString(t.threads());
        default -> null;
      };
    }
  }

  @Option(
      names = "--out",
      paramLabel = "MODEL",
      required = true,
      description =
          "Where to save the model (written whole or not at all; must not be one of the"
              + " inputs).")
  Path out;

  @Option(
      names = "--cv",
      paramLabel = "K",
      description =
          "Also run stratified K-fold cross-validation and print the evaluation: K from 2 to"
              + " the number of examples. Default: none.")
  Integer folds;

  @Option(
      names = "--algorithm",
      paramLabel = "ALG",
      description = "maxent, gis, perceptron or naive-bayes. Default: ${DEFAULT-VALUE}.")
  String algorithm;

  @Option(
      names = "--iterations",
      paramLabel = "N",
      description = "Most training iterations, at least 1. Default: ${DEFAULT-VALUE}.")
  Integer iterations;

  @Option(
      names = "--cutoff",
      paramLabel = "N",
      description =
          "Drop features seen in fewer than N documents; N at least 1. Default: ${DEFAULT-VALUE}.")
  Integer cutoff;

  @Option(
      names = "--regularization",
      paramLabel = "C",
      description =
          "Regularization strength, a finite number, 0 or more. Default: ${DEFAULT-VALUE}.")
  Double regularization;

  @Option(
      names = "--ngrams",
      paramLabel = "MIN-MAX",
      description = "Word n-gram range, 1 <= MIN <= MAX <= 3. Default: ${DEFAULT-VALUE}.")
  String ngrams;

  @Option(
      names = "--lowercase",
      negatable = true,
      description = "Lowercase text before extracting features. Default: ${DEFAULT-VALUE}.")
  Boolean lowercase;

  @Option(
      names = "--stop-words",
      paramLabel = "LIST",
      description = "english or none. Default: ${DEFAULT-VALUE}.")
  String stopWords;

  @Option(
      names = "--stemming",
      paramLabel = "STEMMER",
      description = "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  FeaturePipeline.Stemming stemming;

  @Option(
      names = "--title-weight",
      paramLabel = "W",
      description =
          "Weight of title features relative to body features, a finite number, 0 or more."
              + " Default: ${DEFAULT-VALUE}.")
  Double titleWeight;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description =
          "Random seed for training and cross-validation folds (any integer)."
              + " Default: ${DEFAULT-VALUE}.")
  Long seed;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Training threads, from 1 to "
              + Usage.MAX_THREADS
              + ". Default: the library's, here ${DEFAULT-VALUE} (available processors, at most"
              + " 4).")
  Integer threads;

  private TopicTrainer trainer;

  @Override
  void configure() {
    if (threads != null) {
      Usage.range(spec, "--threads", threads, 1, Usage.MAX_THREADS);
    }
    trainer = trainer();
  }

  @Override
  Map<String, Path> outputs() {
    return Map.of("--out", out);
  }

  @Override
  int run(Inputs inputs) throws IOException {
    ProgressBar bar = new ProgressBar(err(), Terminal.stderrIsTerminal(), "training");
    List<LabeledText> data = Labeled.collect(reading(inputs, bar), err());
    bar.status(String.format(Locale.ROOT, "extracting features of %,d examples", data.size()));
    TopicClassifier model;
    try {
      model = trainer.train(data, progress(bar));
    } catch (IllegalArgumentException e) { // what the data lacks, e.g. a second label
      throw new InputException("cannot train: " + e.getMessage(), e);
    }
    if (folds != null) {
      err().println("cross-validating with " + folds + " folds...");
      Evaluation cv =
          library("--cv", () -> Evaluation.crossValidate(trainer, data, folds, trainer.seed()));
      printBlock(cv);
      out().flush();
    }
    AtomicFiles.write(out, model::save);
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

  /** The articles, counted on the bar's line as they are read (on a terminal). */
  private static Iterable<Article> reading(Iterable<Article> articles, ProgressBar bar) {
    return () ->
        new Iterator<>() {
          private final Iterator<Article> it = articles.iterator();
          private long n;

          @Override
          public boolean hasNext() {
            return it.hasNext();
          }

          @Override
          public Article next() {
            Article a = it.next();
            if (++n % 1000 == 0) {
              bar.status(String.format(Locale.ROOT, "reading: %,d articles", n));
            }
            return a;
          }
        };
  }

  /** Progress on stderr: a bar on a terminal, plain lines otherwise. */
  private TrainingListener progress(ProgressBar bar) {
    return new TrainingListener() {
      @Override
      public void onStart(int examples, int features, int labels) {
        bar.line(
            "training on " + examples + " examples, " + features + " features, " + labels
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

  /**
   * The training settings as the library's text forms ({@code FeaturePipeline.parse}, {@code
   * Learner.parse}); each option's value is checked by the library on its own, so that an error
   * names the option. Learner options not given on the command line are left out: not every
   * algorithm takes them.
   */
  private TopicTrainer trainer() {
    CommandLine.ParseResult given = spec.commandLine().getParseResult();
    List<String> features = new ArrayList<>();
    feature("--ngrams", "ngrams", ngrams, features);
    feature("--lowercase", "lowercase", lowercase, features);
    if (stopWords != null
        && !stopWords.equalsIgnoreCase("english")
        && !stopWords.equalsIgnoreCase("none")) {
      throw Usage.invalid(spec, "--stop-words", "english or none, was " + stopWords);
    }
    feature("--stop-words", "stop-words", stopWords, features);
    feature("--stemming", "stemming", stemming == null ? null : stemming.name(), features);
    feature("--title-weight", "title-weight", titleWeight, features);
    feature("--cutoff", "min-df", cutoff, features);
    List<String> learner = new ArrayList<>();
    learner("--algorithm", "algorithm", algorithm, learner);
    if (given == null || given.hasMatchedOption("--iterations")) {
      learner("--iterations", "iterations", iterations, learner);
    }
    if (given == null || given.hasMatchedOption("--regularization")) {
      learner("--regularization", "l2", regularization, learner);
    }
    TopicTrainer t =
        new TopicTrainer(
            FeaturePipeline.parse(String.join(",", features)),
            Learner.parse(String.join(",", learner)));
    if (threads != null) {
      TopicTrainer base = t;
      t = library("--threads", () -> base.withThreads(threads));
    }
    return seed == null ? t : t.withSeed(seed);
  }

  private void feature(String option, String key, Object value, List<String> settings) {
    if (value != null) {
      String setting = key + "=" + value;
      library(option, () -> FeaturePipeline.parse(setting));
      settings.add(setting);
    }
  }

  private void learner(String option, String key, Object value, List<String> settings) {
    if (value != null) {
      List<String> with = new ArrayList<>(settings);
      with.add(key + "=" + value);
      library(option, () -> Learner.parse(String.join(",", with)));
      settings.add(key + "=" + value);
    }
  }
}
