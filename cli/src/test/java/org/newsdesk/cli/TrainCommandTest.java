package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.classifier.Evaluation;
import org.newsdesk.classifier.LabeledText;
import org.newsdesk.classifier.TopicClassifier;
import org.newsdesk.classifier.FeaturePipeline;
import org.newsdesk.classifier.Learner;
import org.newsdesk.classifier.ModelProvenance;
import org.newsdesk.core.NewsReader;
import org.newsdesk.testing.Fixtures;

class TrainCommandTest {

  @Test
  @EnabledOnOs(OS.LINUX)
  void trainsFromANamedPipeReadOnceAndCopied(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("pipe.bin");
    byte[] tsv = Files.readAllBytes(Fixtures.fortunesTrain());

    Cli.Result r;
    try (NamedPipe pipe = NamedPipe.feeding(dir.resolve("train.fifo"), tsv)) {
      r = Cli.run("train", "--input", "tsv", "--cv", "2", "--out", model.toString(),
          pipe.path().toString());
    }

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.errLines()).contains("reading: pass 3 of 3 read 359 examples");
    assertThat(r.summary()).isEqualTo("359 articles, 0 diagnostics");
    assertThat(TopicClassifier.load(model).labels()).hasSize(8);
    assertThat(names(dir)).containsExactlyInAnyOrder("pipe.bin", "train.fifo");
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void trainsFromAProcessSubstitution(@TempDir Path dir) throws Exception {
    Files.copy(Fixtures.fortunesTrain(), dir.resolve("train.tsv"));

    Cli.Result r =
        CliProcess.bash(dir, "newsdesk train --input tsv --out ps.bin <(cat train.tsv)");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.errLines()).contains("saved ps.bin: 359 examples, 8 labels");
    assertThat(TopicClassifier.load(dir.resolve("ps.bin")).labels()).hasSize(8);
  }

  private static List<String> names(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).toList();
    }
  }

  @Test
  void trainsSavesAModelThatLoadsAndReportsProgressAndCrossValidation(@TempDir Path dir)
      throws IOException {
    Path model = dir.resolve("topics.bin");
    Cli.Result r = Cli.run("train", "--out", model.toString(), "--cv", "3", Cli.LABELED.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    // The evaluation goes to stdout.
    assertThat(r.out()).containsIgnoringCase("accuracy");
    // Progress goes to stderr: plain lines, as tests do not run on a terminal.
    assertThat(r.err()).contains("cross-validating with 3 folds");
    // progress: each fold (its passes over the examples and its iterations), then the model
    assertThat(r.errLines())
        .contains(
            "cross-validation: fold 1 of 3",
            "cross-validation: fold 3 of 3",
            "training the model on all examples",
            "reading: pass 1 of 3 read 48 examples",
            "reading: pass 3 of 3 read 48 examples")
        .anySatisfy(l -> assertThat(l).matches("fold 2/3: pass 1 of 3 read 3\\d examples"))
        .anySatisfy(l -> assertThat(l).matches("fold 2/3: training on 3\\d examples, [\\d,]+ features, 8 labels"))
        .anySatisfy(l -> assertThat(l).matches("fold 2/3: \\d+% \\(\\d+/\\d+\\) log-likelihood .+"))
        .anySatisfy(l -> assertThat(l).matches("training on 48 examples, [\\d,]+ features, 8 labels"))
        .anySatisfy(l -> assertThat(l).matches("training: \\d+% \\(\\d+/\\d+\\) log-likelihood .+"))
        .anySatisfy(l -> assertThat(l).matches("training: done after \\d+ iterations"));
    // the folds come first, the model last
    assertThat(r.err().indexOf("fold 3 of 3")).isLessThan(r.err().indexOf("training on 48"));
    assertThat(r.err()).doesNotContain("\r");
    assertThat(r.errLines()).contains("saved " + model + ": 48 examples, 8 labels");
    assertThat(r.summary()).isEqualTo("48 articles, 0 diagnostics");

    TopicClassifier loaded = TopicClassifier.load(model);
    assertThat(loaded.labels()).hasSize(8).contains("enforcement", "tariff-and-revenue");
    // It learned the training data: most training articles get their own label back.
    long right =
        NewsReader.readAll(Cli.LABELED).stream()
            .map(LabeledText::from)
            .filter(t -> loaded.predict(t.title(), t.body()).label().equals(t.label()))
            .count();
    assertThat(right).isGreaterThan(40);
  }

  @Test
  void trainingOptionsReachTheTrainer(@TempDir Path dir) throws IOException {
    Path model = dir.resolve("nb.bin");
    Cli.Result r =
        Cli.run(
            "train",
            "--out",
            model.toString(),
            "--algorithm",
            "naive-bayes",
            "--ngrams",
            "1-1",
            "--no-lowercase",
            "--stop-words",
            "none",
            "--stemming",
            "none",
            "--cutoff",
            "1",
            "--title-weight",
            "1",
            "--seed",
            "7",
            "--threads",
            "1",
            Cli.LABELED.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    ModelProvenance p = TopicClassifier.load(model).provenance().orElseThrow();
    assertThat(p.learner()).isEqualTo(new Learner.NaiveBayes());
    assertThat(p.pipeline())
        .isEqualTo(
            FeaturePipeline.parse(
                "ngrams=1-1,lowercase=false,stop-words=none,stemming=none,title-weight=1,min-df=1"));
    assertThat(p.seed()).isEqualTo(7);
    assertThat(p.threads()).isEqualTo(1);
  }

  @Test
  void featuresAndLearnerTakeTheLibrarysTextFormAndTheSingleOptionsAddKeysToIt(@TempDir Path dir)
      throws IOException {
    Path model = dir.resolve("gis.bin");
    Cli.Result r =
        Cli.run(
            "train",
            "--out",
            model.toString(),
            "--features",
            "ngrams=1-3,stemming=none,max-features=5000",
            "--cutoff",
            "1",
            "--learner",
            "algorithm=gis",
            "--iterations",
            "5",
            Cli.LABELED.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    ModelProvenance p = TopicClassifier.load(model).provenance().orElseThrow();
    assertThat(p.pipeline())
        .isEqualTo(FeaturePipeline.parse("ngrams=1-3,stemming=none,max-features=5000,min-df=1"));
    assertThat(p.learner()).isEqualTo(new Learner.Gis(5));
  }

  /** The library's message for a bad settings text. */
  private static String libraryError(Runnable parse) {
    try {
      parse.run();
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    throw new AssertionError("the library accepted it");
  }

  @Test
  void badSettingsAreUsageErrorsWithTheLibrarysMessageNamingTheOption(@TempDir Path dir) {
    String out = dir.resolve("m.bin").toString();
    String data = Cli.LABELED.toString();

    assertThat(Cli.run("train", "--out", out, "--ngrams", "two", data).errLines().get(0))
        .isEqualTo(
            "Invalid value for option '--ngrams': "
                + libraryError(() -> FeaturePipeline.parse("ngrams=two")));
    assertThat(Cli.run("train", "--out", out, "--features", "ngrams=1-9", data).errLines().get(0))
        .isEqualTo(
            "Invalid value for option '--features': "
                + libraryError(() -> FeaturePipeline.parse("ngrams=1-9")));
    assertThat(Cli.run("train", "--out", out, "--learner", "algorithm=magic", data).errLines())
        .first()
        .isEqualTo(
            "Invalid value for option '--learner': "
                + libraryError(() -> Learner.parse("algorithm=magic")));
    // a setting the algorithm does not take is the library's error too, naming the option
    assertThat(
            Cli.run("train", "--out", out, "--algorithm", "naive-bayes", "--iterations", "5", data)
                .errLines()
                .get(0))
        .isEqualTo(
            "Invalid value for option '--iterations': "
                + libraryError(() -> Learner.parse("algorithm=naive-bayes,iterations=5")));
    // a key set twice
    assertThat(
            Cli.run("train", "--out", out, "--features", "ngrams=1-3", "--ngrams", "1-2", data)
                .errLines()
                .get(0))
        .isEqualTo(
            "Invalid value for option '--ngrams': "
                + libraryError(() -> FeaturePipeline.parse("ngrams=1-3,ngrams=1-2")));
    // a comma would smuggle in another key
    assertThat(Cli.run("train", "--out", out, "--ngrams", "1-2,idf=false", data).errLines())
        .first()
        .asString()
        .startsWith("Invalid value for option '--ngrams': '1-2,idf=false' holds a comma");
    assertThat(Files.exists(dir.resolve("m.bin"))).isFalse();
  }

  @Test
  void helpShowsTheLibrarysDefaults() {
    String help = Cli.run("train", "--help").out();
    // help wraps long values at commas: compare without the white space it adds
    String compact = help.replaceAll("\\s+", "");

    assertThat(compact)
        .contains("Default:" + FeaturePipeline.defaults() + ".")
        .contains("Default:" + Learner.defaults() + ".")
        .contains("min-df=key:dropn-gramsfoundinfewerthanNtrainingtexts;Natleast1.Default:"
            + FeaturePipeline.defaults().minDf() + ".");
    assertThat(help.replaceAll("\\s+", " "))
        .contains("--ngrams=MIN-MAX The features' ngrams= key")
        .contains("--stemming=STEMMER The features' stemming= key: none, porter, english,");
  }

  @Test
  void foldsAreCheckedBeforeAnyInputIsReadOrModelTrained(@TempDir Path dir) {
    String out = dir.resolve("m.bin").toString();
    // standard input is never read: the usage error comes first
    Cli.Result one = Cli.runWithStdin("not even a digest", "train", "--out", out, "--cv", "1", "-");
    // more folds than examples: the library says so before any fold or the model is trained
    Cli.Result tooMany = Cli.run("train", "--out", out, "--cv", "49", Cli.LABELED.toString());

    assertThat(one.exitCode()).isEqualTo(2);
    assertThat(one.errLines())
        .containsExactly(
            "Invalid value for option '--cv': " + libraryError(() -> Evaluation.checkFolds(1)),
            "Try 'newsdesk train --help' for more information.");
    assertThat(tooMany.exitCode()).isEqualTo(2);
    assertThat(tooMany.err()).contains("Invalid value for option '--cv': need at least k=49");
    assertThat(tooMany.err()).doesNotContain("training on", "fold 1");
    assertThat(Files.exists(dir.resolve("m.bin"))).isFalse();
  }

  @Test
  void unlabeledArticlesAreDiagnosticsCountedInTheSummary(@TempDir Path dir) throws IOException {
    Path model = dir.resolve("m.bin");
    String unlabeled = "Lonely title\n\nLonely title\n\nA body without a label.\n\n";
    Cli.Result r =
        Cli.runWithStdin(
            unlabeled, "train", "--out", model.toString(), "-", Cli.LABELED.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.errLines()).containsOnlyOnce("<stdin>:1: no category to learn from; skipped");
    assertThat(r.summary()).isEqualTo("49 articles, 1 diagnostic");
  }

  /**
   * {@code --strict} stops at the first malformed record (counted in the summary), not at a
   * well-formed article that merely has no label: that stays a diagnostic, as without it.
   */
  @Test
  void strictStopsAtAMalformedRecordButNotAtAnUnlabeledArticle(@TempDir Path dir) {
    Path model = dir.resolve("m.bin");
    String unlabeled = "Lonely title\n\nLonely title\n\nA body without a label.\n\n";
    Cli.Result r =
        Cli.runWithStdin(
            unlabeled, "train", "--strict", "--out", model.toString(), "-",
            Cli.LABELED.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.errLines()).containsOnlyOnce("<stdin>:1: no category to learn from; skipped");
    assertThat(r.summary()).isEqualTo("49 articles, 1 diagnostic");
    assertThat(Files.exists(model)).isTrue();

    String malformed = "Broken title\n\nOther title\n\nBody.\n\n";
    Path none = dir.resolve("none.bin");
    Cli.Result failed =
        Cli.runWithStdin(
            malformed, "train", "--strict", "--out", none.toString(), "-",
            Cli.LABELED.toString());

    assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
    assertThat(failed.errLines()).filteredOn(l -> l.startsWith("<stdin>:1: ")).hasSize(1);
    assertThat(failed.summary()).isEqualTo("0 articles, 1 diagnostic");
    assertThat(Files.exists(none)).isFalse();
  }

  @Test
  void nothingLabeledIsBadInput(@TempDir Path dir) {
    Path model = dir.resolve("m.bin");
    Cli.Result r =
        Cli.runWithStdin("Title\n\nTitle\n\nBody.\n", "train", "--out", model.toString(), "-");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("no labeled articles");
    assertThat(r.summary()).isEqualTo("1 article, 1 diagnostic"); // the unlabeled article
    assertThat(Files.exists(model)).isFalse();
  }

  @Test
  void aSingleLabelIsBadInput(@TempDir Path dir) {
    // The samples carry exactly one label (Logistics): nothing to tell apart.
    Path model = dir.resolve("m.bin");
    Cli.Result r = Cli.run("train", "--out", model.toString(), Cli.SAMPLES.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    // the library's own check, as bad input
    assertThat(r.errLines())
        .contains("cannot train: training needs examples of at least two labels, got [Logistics]");
    // the 48 articles without a category are each said and counted
    assertThat(r.errLines()).filteredOn(l -> l.endsWith(": no category to learn from; skipped"))
        .hasSize(48);
    assertThat(r.summary()).isEqualTo("49 articles, 48 diagnostics");
    assertThat(Files.exists(model)).isFalse();
    // the same with --cv: bad input, not a bad --cv (the samples have only one labeled article)
    Cli.Result cv =
        Cli.runWithStdin(
            "A\n\nA\n\nOne.\n\n01/02/2024 x\nB\n\nB\n\nTwo.\n\n01/02/2024 x\n",
            "train", "--cv", "2", "--out", model.toString(), "-");
    assertThat(cv.exitCode()).as(cv.toString()).isEqualTo(1);
    assertThat(cv.errLines())
        .contains("cannot train: training needs examples of at least two labels, got [x]");
  }

  @Test
  void usageErrors(@TempDir Path dir) {
    String out = dir.resolve("m.bin").toString();
    String data = Cli.LABELED.toString();
    assertThat(Cli.run("train", data).exitCode()).isEqualTo(2); // --out is required
    assertThat(Cli.run("train", "--out", out, "--cv", "1", data).exitCode()).isEqualTo(2);
    assertThat(Cli.run("train", "--out", out, "--ngrams", "two", data).exitCode()).isEqualTo(2);
    assertThat(Cli.run("train", "--out", out, "--algorithm", "magic", data).exitCode())
        .isEqualTo(2);
    assertThat(Cli.run("train", "--out", out, "--stop-words", "french", data).exitCode())
        .isEqualTo(2);
    assertThat(Cli.run("train", "--out", out, "--iterations", "0", data).exitCode()).isEqualTo(2);
    assertThat(Files.exists(dir.resolve("m.bin"))).isFalse();
  }

  @Test
  void threadsBelowOneIsAUsageErrorLikeClassify(@TempDir Path dir) {
    String out = dir.resolve("m.bin").toString();
    Cli.Result train = Cli.run("train", "--out", out, "--threads", "0", Cli.LABELED.toString());
    Cli.Result classify = Cli.run("classify", "--threads", "0", Cli.LABELED.toString());

    assertThat(train.exitCode()).as(train.toString()).isEqualTo(2);
    assertThat(train.errLines().get(0))
        .isEqualTo("Invalid value for option '--threads': must be from 1 to 64, was 0");
    assertThat(train.err()).doesNotContain("Exception").doesNotContain("\tat ");
    // The same message as classify gives for the same option.
    assertThat(classify.exitCode()).isEqualTo(2);
    assertThat(classify.errLines().get(0)).isEqualTo(train.errLines().get(0));
    assertThat(Files.exists(dir.resolve("m.bin"))).isFalse();
  }

  /**
   * Without --threads the library default applies (available processors, at most 4). The test
   * machine may have 4 cores or fewer, where that equals "all cores", so the CLI runs in a JVM
   * that sees 8 processors.
   */
  @Test
  void unsetThreadsKeepTheLibraryDefault(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("default-threads.bin");
    Cli.Result train = CliProcess.run(dir, List.of("-XX:ActiveProcessorCount=8"), null,
        "train", "--out", model.toString(), Cli.LABELED.toString());
    assertThat(train.exitCode()).as(train.err()).isZero();

    ModelProvenance used = TopicClassifier.load(model).provenance().orElseThrow();
    assertThat(used.threads()).isEqualTo(4);
    // Every other setting is the library default too.
    assertThat(used.pipeline()).isEqualTo(FeaturePipeline.defaults());
    assertThat(used.learner()).isEqualTo(Learner.defaults());
  }

  /**
   * Training reads its examples once per pass: standard input is copied first, and what reading
   * reports (diagnostics, unlabeled articles, the article count) is said once, not per pass.
   */
  @Test
  void standardInputIsReadOnEveryPassButReportedOnce(@TempDir Path dir) throws IOException {
    Path model = dir.resolve("stdin.bin");
    String malformed = "Broken title\n\nOther title\n\nBody.\n\n";
    String unlabeled = "Lonely title\n\nLonely title\n\nA body without a label.\n\n";
    String stdin = malformed + unlabeled + Files.readString(Cli.LABELED);

    Cli.Result r = Cli.runWithStdin(stdin, "train", "--out", model.toString(), "-");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.errLines().stream().filter(l -> l.startsWith("<stdin>:1: title 'Broken title'")))
        .hasSize(1);
    assertThat(r.errLines())
        .containsOnlyOnce("<stdin>:7: no category to learn from; skipped")
        .contains("reading: pass 1 of 3 read 48 examples", "reading: pass 3 of 3 read 48 examples")
        .contains("saved " + model + ": 48 examples, 8 labels");
    // the malformed record and the unlabeled article
    assertThat(r.summary()).isEqualTo("49 articles, 2 diagnostics");
    // the same model as from the file itself
    ModelProvenance fromStdin = TopicClassifier.load(model).provenance().orElseThrow();
    Path direct = dir.resolve("file.bin");
    assertThat(Cli.run("train", "--out", direct.toString(), Cli.LABELED.toString()).exitCode())
        .isZero();
    assertThat(fromStdin.dataSha256())
        .isEqualTo(TopicClassifier.load(direct).provenance().orElseThrow().dataSha256());
  }
}
