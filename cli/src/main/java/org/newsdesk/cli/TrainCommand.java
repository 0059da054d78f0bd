package org.newsdesk.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.newsdesk.classifier.Evaluation;
import org.newsdesk.classifier.FeaturePipeline;
import org.newsdesk.classifier.Learner;
import org.newsdesk.classifier.TopicClassifier;
import org.newsdesk.classifier.TopicTrainer;
import org.newsdesk.core.Article;
import org.newsdesk.core.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code newsdesk train}: train a topic model on labeled digests and save it.
 *
 * <p>The training settings are the library's {@link FeaturePipeline} and {@link Learner}, read
 * through their one text form: {@code --features SPEC} and {@code --learner SPEC} are handed to
 * {@code FeaturePipeline.parse} and {@code Learner.parse} as they are, and each single-setting
 * option ({@code --ngrams 1-3}) is one more {@code key=value} pair of that text ({@code
 * ngrams=1-3}). The CLI checks no value itself: the library's {@link IllegalArgumentException}
 * becomes a usage error naming the option ({@link Usage#library}).
 *
 * <p>The examples are not held in memory: the trainer, and {@link Evaluation#crossValidate} for
 * {@code --cv}, get an {@code Iterable} that re-reads the inputs on each of their passes
 * (standard input, a named pipe or a {@code /dev/fd/N} is first copied to a temporary file).
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    versionProvider = NewsdeskCli.Version.class,
    defaultValueProvider = TrainCommand.LibraryDefaults.class,
    sortOptions = false,
    description = {
      "Train a topic model on labeled articles and save it.",
      "The label is an article's category (a digest's metadata line, or the label of the other"
          + " input formats). --cv also cross-validates. Use the model with `classify --model`"
          + " or `evaluate --model`. The settings are the library's text forms (--features,"
          + " --learner); --ngrams, --cutoff, --algorithm and the like each add one key to them."
          + " The defaults are the library's."
    })
final class TrainCommand extends InputCommand {

  /** A single-setting option: one {@code key=value} pair of the features or learner text form. */
  private record Setting(String option, String key, boolean learner) {}

  /** Every single-setting option, in the order its pair is added to the text form. */
  private static final List<Setting> SETTINGS =
      List.of(
          new Setting("--ngrams", "ngrams", false),
          new Setting("--lowercase", "lowercase", false),
          new Setting("--stop-words", "stop-words", false),
          new Setting("--stemming", "stemming", false),
          new Setting("--title-weight", "title-weight", false),
          new Setting("--cutoff", "min-df", false),
          new Setting("--algorithm", "algorithm", true),
          new Setting("--iterations", "iterations", true),
          new Setting("--regularization", "l2", true));

  /** The library's defaults, shown in help (the options themselves stay unset when not given). */
  static final class LibraryDefaults implements IDefaultValueProvider {
    @Override
    public String defaultValue(ArgSpec arg) {
      if (!(arg instanceof OptionSpec option)) {
        return null;
      }
      FeaturePipeline p = FeaturePipeline.defaults();
      Learner l = Learner.defaults();
      Learner.MaxEnt m = Learner.MaxEnt.DEFAULT;
      TopicTrainer t = TopicTrainer.withDefaults();
      return switch (option.longestName()) {
        case "--features" -> p.toString();
        case "--learner" -> l.toString();
        case "--algorithm" -> l.algorithm();
        case "--iterations" -> Integer.toString(m.iterations());
        case "--cutoff" -> Integer.toString(p.minDf());
        case "--regularization" -> number(m.l2());
        case "--ngrams" -> p.ngramMin() + "-" + p.ngramMax();
        case "--lowercase" -> Boolean.toString(p.lowercase());
        case "--stop-words" ->
            p.stopWords().isEmpty()
                ? "none"
                : p.stopWords().equals(FeaturePipeline.ENGLISH_STOP_WORDS)
                    ? "english"
                    : "[" + String.join(" ", p.stopWords()) + "]";
        case "--stemming" -> p.stemming().name().toLowerCase(Locale.ROOT);
        case "--title-weight" -> number(p.titleWeight());
        case "--seed" -> Long.toString(t.seed());
        case "--threads" -> Integer.toString(t.threads());
        default -> null;
      };
    }

    /** 2 rather than 2.0, as the text form writes it. */
    private static String number(double v) {
      return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
  }

  /** The stemmers for completion and help: the library's, as the text form names them. */
  static final class Stemmers implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      List<String> names = new ArrayList<>();
      for (FeaturePipeline.Stemming s : FeaturePipeline.Stemming.values()) {
        names.add(s.name().toLowerCase(Locale.ROOT));
      }
      return names.iterator();
    }
  }

  @Option(
      names = "--out",
      paramLabel = "MODEL",
      required = true,
      description =
          "Where to save the model (written whole or not at all; a regular file, not one of"
              + " the inputs; checked before training).")
  Path out;

  @Option(
      names = "--cv",
      paramLabel = "K",
      description =
          "Also run stratified K-fold cross-validation first and print the evaluation: K from 2"
              + " to the number of examples. Default: none.")
  Integer folds;

  @Option(
      names = "--features",
      paramLabel = "SPEC",
      description =
          "How text becomes features, the library's FeaturePipeline text form: comma-separated"
              + " key=value pairs, unset keys keep their default, for example"
              + " ngrams=1-3,stemming=none,max-features=50000. Default: ${DEFAULT-VALUE}.")
  String features;

  @Option(
      names = "--learner",
      paramLabel = "SPEC",
      description =
          "The learning algorithm, the library's Learner text form, for example"
              + " algorithm=gis,iterations=50 or algorithm=naive-bayes."
              + " Default: ${DEFAULT-VALUE}.")
  String learner;

  @Option(
      names = "--algorithm",
      paramLabel = "ALG",
      description =
          "The learner's algorithm= key: maxent, gis, perceptron or naive-bayes."
              + " Default: ${DEFAULT-VALUE}.")
  String algorithm;

  @Option(
      names = "--iterations",
      paramLabel = "N",
      description =
          "The learner's iterations= key: most training iterations, from 1 to "
              + Learner.MAX_ITERATIONS
              + " (maxent, gis, perceptron). Default: ${DEFAULT-VALUE}.")
  String iterations;

  @Option(
      names = "--cutoff",
      paramLabel = "N",
      description =
          "The features' min-df= key: drop n-grams found in fewer than N training texts; N at"
              + " least 1. Default: ${DEFAULT-VALUE}.")
  String cutoff;

  @Option(
      names = "--regularization",
      paramLabel = "C",
      description =
          "The learner's l2= key (maxent): L2 regularization cost, a number from 0 to "
              + (long) Learner.MAX_L2
              + ". Default: ${DEFAULT-VALUE}.")
  String regularization;

  @Option(
      names = "--ngrams",
      paramLabel = "MIN-MAX",
      description =
          "The features' ngrams= key: word n-gram lengths, 1 <= MIN <= MAX <= 3."
              + " Default: ${DEFAULT-VALUE}.")
  String ngrams;

  @Option(
      names = "--lowercase",
      negatable = true,
      fallbackValue = "true", // --lowercase is true, --no-lowercase false, whatever the default
      description =
          "The features' lowercase= key: lower-case tokens. Default: ${DEFAULT-VALUE}.")
  Boolean lowercase;

  @Option(
      names = "--stop-words",
      paramLabel = "LIST",
      description =
          "The features' stop-words= key: english, none, or words in brackets such as"
              + " '[the of and]'. Default: ${DEFAULT-VALUE}.")
  String stopWords;

  @Option(
      names = "--stemming",
      paramLabel = "STEMMER",
      completionCandidates = Stemmers.class,
      description =
          "The features' stemming= key: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  String stemming;

  @Option(
      names = "--title-weight",
      paramLabel = "W",
      description =
          "The features' title-weight= key: how often a title n-gram counts, 0 to 1000."
              + " Default: ${DEFAULT-VALUE}.")
  String titleWeight;

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
    if (folds != null) {
      library("--cv", () -> Evaluation.checkFolds(folds));
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
    inputs.reportTo(bar.messages());
    try {
      return train(inputs, bar);
    } finally {
      bar.clear(); // an error message must not continue a progress line
    }
  }

  private int train(Inputs inputs, ProgressBar bar) throws IOException {
    TrainingProgress progress = new TrainingProgress(bar);
    inputs.rereadable();
    Labeled labeled = new Labeled(reading(inputs, bar), inputs); // reported on the bar's messages
    if (folds != null) {
      err().println("cross-validating with " + folds + " folds...");
      Evaluation cv;
      try {
        cv = Evaluation.crossValidate(trainer, labeled, folds, trainer.seed(), progress);
      } catch (IllegalArgumentException e) {
        bar.clear();
        if (labeled.foundNone()) {
          throw Labeled.noneLabeled();
        }
        if (!progress.foldStarted()) { // the library's check of --cv against the examples
          throw Usage.invalid(spec, "--cv", e.getMessage());
        }
        throw new InputException("cannot train: " + e.getMessage(), e); // what the data lacks
      } catch (IllegalStateException e) { // an input changed while it was read again
        bar.clear();
        throw new InputException("cannot cross-validate: " + e.getMessage(), e);
      } catch (OutOfMemoryError e) {
        bar.clear();
        throw new InputException(Messages.outOfMemory("cannot cross-validate", e, TRAINING_HINT));
      }
      bar.clear();
      printBlock(cv);
      out().flush();
      progress.finalModel();
    }
    TopicClassifier model;
    try {
      model = trainer.train(labeled, progress);
    } catch (IllegalArgumentException e) { // what the data lacks, e.g. a second label
      bar.clear();
      if (labeled.foundNone()) {
        throw Labeled.noneLabeled();
      }
      throw new InputException("cannot train: " + e.getMessage(), e);
    } catch (OutOfMemoryError e) {
      bar.clear();
      throw new InputException(Messages.outOfMemory("cannot train", e, TRAINING_HINT));
    }
    AtomicFiles.write(out, model::save);
    int n = model.provenance().orElseThrow().examples();
    err().println(
        Messages.escape("saved " + out) + ": " + n + (n == 1 ? " example, " : " examples, ")
            + model.labels().size() + " labels");
    return 0;
  }

  /**
   * How to give the library's remedies with this command: the library's message says which
   * settings help where the heap ran out (the n-gram range, max-features and min-df, or fewer
   * examples or labels), so this only says where they go.
   */
  private static final String TRAINING_HINT =
      "with newsdesk: java -Xmx4g -jar newsdesk.jar train ..., settings as --features SPEC";

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

  /**
   * The trainer the options describe: {@code --features}/{@code --learner} and the single-setting
   * options as one text form each, read by the library.
   */
  private TopicTrainer trainer() {
    FeaturePipeline pipeline = settings("--features", features, false, FeaturePipeline::parse);
    Learner algorithm = settings("--learner", learner, true, Learner::parse);
    TopicTrainer t = new TopicTrainer(pipeline, algorithm);
    if (threads != null) {
      TopicTrainer base = t;
      t = library("--threads", () -> base.withThreads(threads));
    }
    return seed == null ? t : t.withSeed(seed);
  }

  /**
   * The text form {@code spec} (if given) followed by a {@code key=value} pair for each
   * single-setting option given on the command line, read by {@code parse}. The text is read
   * again after each addition, so the library's error names the option that caused it: a bad
   * value, a key {@code --features} already sets, a setting the algorithm does not take.
   */
  private <T> T settings(
      String specOption, String specText, boolean learnerSettings, Function<String, T> parse) {
    List<String> pairs = new ArrayList<>();
    if (matched(specOption)) {
      library(specOption, () -> parse.apply(specText));
      if (!specText.isBlank()) {
        pairs.add(specText);
      }
    }
    for (Setting s : SETTINGS) {
      if (s.learner() != learnerSettings || !matched(s.option())) {
        continue;
      }
      String value = value(s.option());
      if (value.contains(",")) {
        throw Usage.invalid(
            spec,
            s.option(),
            "'" + value + "' holds a comma; give several settings with " + specOption);
      }
      pairs.add(s.key() + "=" + value);
      String text = String.join(",", pairs);
      library(s.option(), () -> parse.apply(text));
    }
    return parse.apply(String.join(",", pairs));
  }

  private boolean matched(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  /** The value of a single-setting option, as text. */
  private String value(String option) {
    return switch (option) {
      case "--ngrams" -> ngrams;
      case "--lowercase" -> Boolean.toString(lowercase);
      case "--stop-words" -> stopWords;
      case "--stemming" -> stemming;
      case "--title-weight" -> titleWeight;
      case "--cutoff" -> cutoff;
      case "--algorithm" -> algorithm;
      case "--iterations" -> iterations;
      case "--regularization" -> regularization;
      default -> throw new IllegalArgumentException(option);
    };
  }
}
