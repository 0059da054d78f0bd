package org.newsdesk.examples.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.newsdesk.classifier.Evaluation;
import org.newsdesk.classifier.LabeledText;
import org.newsdesk.classifier.TopicClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsdesk evaluate}: measure a model on labeled digests. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    versionProvider = NewsdeskCli.Version.class,
    description = {
      "Measure a model on labeled digests: accuracy, macro-F1, per-label figures and the",
      "confusion matrix; --html also writes them as a self-contained page with charts."
    })
final class EvaluateCommand extends InputCommand {
  @Mixin ModelOption model;

  @Option(
      names = "--html",
      paramLabel = "REPORT.html",
      description = "Also write the evaluation as an HTML page (no network needed to view it).")
  Path html;

  @Override
  int run(Inputs inputs) throws IOException {
    TopicClassifier classifier = model.load();
    List<LabeledText> data = Labeled.collect(inputs, err());
    Evaluation evaluation = Evaluation.evaluate(classifier, data);
    printBlock(evaluation);
    if (html != null) {
      Files.writeString(
          html,
          HtmlReport.render(
              evaluation,
              "Newsdesk evaluation: " + model.name(),
              data.size() + " labeled articles from " + String.join(", ", read.paths)),
          StandardCharsets.UTF_8);
      err().println("wrote " + html);
    }
    return 0;
  }
}
