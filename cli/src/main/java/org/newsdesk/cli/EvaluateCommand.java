package org.newsdesk.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.newsdesk.classifier.Evaluation;
import org.newsdesk.classifier.LabeledText;
import org.newsdesk.classifier.TopicClassifier;
import org.newsdesk.core.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsdesk evaluate}: measure a model on labeled digests. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    versionProvider = NewsdeskCli.Version.class,
    description = {
      "Measure a model on labeled articles.",
      "Prints accuracy, macro-F1, per-label precision, recall and F1, and the confusion matrix;"
          + " --html also writes them as a self-contained page with charts."
    })
final class EvaluateCommand extends InputCommand {
  @Mixin ModelOption model;

  @Option(
      names = "--html",
      paramLabel = "REPORT.html",
      description =
          "Also write the evaluation as an HTML page (no network needed to view it; written"
              + " whole or not at all; must not be one of the inputs).")
  Path html;

  @Override
  Map<String, Path> outputs() {
    return html == null ? Map.of() : Map.of("--html", html);
  }

  @Override
  int run(Inputs inputs) throws IOException {
    TopicClassifier classifier = model.load();
    List<LabeledText> data = Labeled.collect(inputs, err());
    // a label the model never learnt can only be wrong: say so rather than just print zeros
    java.util.SortedMap<String, Integer> foreign = new java.util.TreeMap<>();
    for (LabeledText t : data) {
      if (!classifier.labels().contains(t.label())) {
        foreign.merge(t.label(), 1, Integer::sum);
      }
    }
    foreign.forEach(
        (label, n) ->
            err().println(Messages.warning(model.name(),
                "label '" + label + "' (" + n + (n == 1 ? " article" : " articles")
                    + ") is not one the model predicts")));
    Evaluation evaluation = Evaluation.evaluate(classifier, data);
    printBlock(evaluation);
    if (html != null) {
      String page =
          HtmlReport.render(
              evaluation,
              "Newsdesk evaluation: " + model.name(),
              data.size() + " labeled articles from " + Inputs.describe(read.paths),
              classifier.provenance().orElse(null));
      AtomicFiles.write(html, out -> out.write(page.getBytes(StandardCharsets.UTF_8)));
      err().println("wrote " + html);
    }
    return 0;
  }
}
