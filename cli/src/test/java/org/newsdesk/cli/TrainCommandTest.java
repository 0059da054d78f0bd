package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.classifier.LabeledText;
import org.newsdesk.classifier.TopicClassifier;
import org.newsdesk.classifier.FeaturePipeline;
import org.newsdesk.classifier.Learner;
import org.newsdesk.classifier.ModelProvenance;
import org.newsdesk.core.NewsReader;

class TrainCommandTest {

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
    assertThat(r.errLines())
        .anySatisfy(l -> assertThat(l).matches("training on 48 examples, \\d+ features, 8 labels"))
        .anySatisfy(l -> assertThat(l).matches("training: \\d+% \\(\\d+/\\d+\\) log-likelihood .+"))
        .anySatisfy(l -> assertThat(l).matches("training: done after \\d+ iterations"));
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
  void trainingOptionsReachTheTrainer(@TempDir Path dir) {
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
    assertThat(Files.exists(model)).isTrue();
  }

  @Test
  void unlabeledArticlesAreReportedAndSkipped(@TempDir Path dir) throws IOException {
    Path model = dir.resolve("m.bin");
    String unlabeled = "Lonely title\n\nLonely title\n\nA body without a label.\n\n";
    Cli.Result r =
        Cli.runWithStdin(
            unlabeled, "train", "--out", model.toString(), "-", Cli.LABELED.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.errLines()).contains("<stdin>:1: no category to learn from; skipped");
    assertThat(r.summary()).isEqualTo("49 articles, 0 diagnostics");
  }

  @Test
  void nothingLabeledIsBadInput(@TempDir Path dir) {
    Path model = dir.resolve("m.bin");
    Cli.Result r =
        Cli.runWithStdin("Title\n\nTitle\n\nBody.\n", "train", "--out", model.toString(), "-");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("no labeled articles");
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
    assertThat(r.summary()).isEqualTo("49 articles, 0 diagnostics");
    assertThat(Files.exists(model)).isFalse();
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
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                java.toString(),
                "-XX:ActiveProcessorCount=8",
                "-cp",
                System.getProperty("java.class.path"),
                NewsdeskCli.class.getName(),
                "train",
                "--out",
                model.toString(),
                Cli.LABELED.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("train.log").toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("train.log"))).isZero();

    ModelProvenance used = TopicClassifier.load(model).provenance().orElseThrow();
    assertThat(used.threads()).isEqualTo(4);
    // Every other setting is the library default too.
    assertThat(used.pipeline()).isEqualTo(FeaturePipeline.defaults());
    assertThat(used.learner()).isEqualTo(Learner.defaults());
  }
}
