package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.classifier.Evaluation;
import org.newsdesk.classifier.LabeledText;
import org.newsdesk.classifier.TopicClassifier;
import org.newsdesk.core.Article;
import org.newsdesk.core.NewsFormat;
import org.newsdesk.core.NewsReader;
import org.newsdesk.core.NewsWriter;

class EvaluateCommandTest {

  @Test
  void printsTheLibrarysEvaluationOfTheModel() throws IOException {
    Path model = TrainedModel.file();
    Cli.Result r = Cli.run("evaluate", "--model", model.toString(), Cli.LABELED.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    Evaluation expected =
        Evaluation.evaluate(
            TopicClassifier.load(model),
            NewsReader.readAll(Cli.LABELED).stream().map(LabeledText::from).toList());
    assertThat(r.out()).isEqualTo(expected.toString());
    assertThat(r.summary()).isEqualTo("48 articles, 0 diagnostics");
  }

  @Test
  void evaluatesTheBuiltInModelByDefault() throws IOException {
    Cli.Result r = Cli.run("evaluate", Cli.LABELED.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    Evaluation expected =
        Evaluation.evaluate(
            TopicClassifier.builtIn(),
            NewsReader.readAll(Cli.LABELED).stream().map(LabeledText::from).toList());
    assertThat(r.out()).isEqualTo(expected.toString());
  }

  @Test
  void labelsTheModelDoesNotKnowAreWarnedAbout() {
    // the samples are labelled "Logistics", which the built-in model's topics do not include
    Cli.Result r = Cli.run("evaluate", Cli.SAMPLES.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.errLines())
        .contains("built-in model: warning: label 'Logistics' (1 article) is not one the model"
            + " predicts");
    assertThat(Cli.run("evaluate", Cli.LABELED.toString()).err()).doesNotContain("warning");
  }

  @Test
  void htmlReportIsWrittenAndSelfContained(@TempDir Path dir) throws IOException {
    Path report = dir.resolve("report.html");
    Cli.Result r =
        Cli.run(
            "evaluate",
            "--model",
            TrainedModel.file().toString(),
            "--html",
            report.toString(),
            Cli.LABELED.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.errLines()).contains("wrote " + report);
    String html = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(html).startsWith("<!DOCTYPE html>").doesNotContainIgnoringCase("http");
    assertThat(html).contains("aria-label=\"confusion matrix\"", "aria-label=\"F1 per label\"");
    assertThat(html).contains("enforcement", "trade-facilitation", "capacity-building");
    assertThat(html).contains("<b>48</b>"); // examples evaluated
  }

  @Test
  void unreadableDataIsBadInput(@TempDir Path dir) {
    Cli.Result r =
        Cli.run(
            "evaluate",
            "--model",
            TrainedModel.file().toString(),
            dir.resolve("missing.txt").toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("missing.txt: no such file or directory");
  }

  @Test
  void aCorruptModelIsBadInputAndMissingArgumentsAUsageError(@TempDir Path dir) throws IOException {
    Path corrupt = dir.resolve("corrupt.bin");
    byte[] model = Files.readAllBytes(TrainedModel.file());
    Files.write(corrupt, Arrays.copyOf(model, model.length / 2)); // truncated

    Cli.Result bad = Cli.run("evaluate", "--model", corrupt.toString(), Cli.LABELED.toString());
    Cli.Result usage = Cli.run("evaluate", "--model", TrainedModel.file().toString());

    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.errLines().get(0)).startsWith(corrupt + ": not a usable model: ");
    assertThat(usage.exitCode()).isEqualTo(2);
    assertThat(usage.err()).contains("Missing required parameter", "PATH");
  }

  /** A shell glob of hundreds of files used to become a subtitle of thousands of characters. */
  @Test
  void theReportStaysReadableWithHundredsOfInputFiles(@TempDir Path dir) throws IOException {
    List<Article> seeds = NewsReader.readAll(Cli.LABELED);
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    List<String> args = new ArrayList<>(List.of("evaluate", "--html", dir.resolve("r.html").toString()));
    for (int i = 0; i < 360; i++) {
      Path file = corpus.resolve(String.format("digest-%03d-with-a-long-descriptive-name.txt", i));
      try (NewsWriter w = NewsWriter.open(file, NewsFormat.DEFAULT)) {
        w.write(seeds.get(i % seeds.size()));
      }
      args.add(file.toString());
    }

    Cli.Result r = Cli.run(args.toArray(String[]::new));

    assertThat(r.exitCode()).as(r.toString()).isZero();
    String html = Files.readString(dir.resolve("r.html"), StandardCharsets.UTF_8);
    String subtitle = html.substring(html.indexOf("<p class=\"sub\">"), html.indexOf("</p>"));
    assertThat(subtitle).hasSizeLessThan(200).contains("360 labeled articles from 360 files in ");
    assertThat(html).contains("<h2>Model</h2>");
  }

  @Test
  void fewInputsAreListedAndManyAreCounted() {
    assertThat(Inputs.describe(List.of("a.txt", "-"))).isEqualTo("a.txt, standard input");
    assertThat(Inputs.describe(List.of("x/a.txt", "y/b.txt", "z/c.txt", "w/d.txt")))
        .isEqualTo("x/a.txt, y/b.txt and 2 more");
  }
}
