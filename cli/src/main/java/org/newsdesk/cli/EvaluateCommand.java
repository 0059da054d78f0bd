package org.newsdesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.newsdesk.classifier.Evaluation;
import org.newsdesk.classifier.TopicClassifier;
import org.newsdesk.core.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newsdesk evaluate}: measure a model on labeled digests. The figures, the labels the model
 * does not know and the training-data overlap are the library's {@link Evaluation}; this command
 * prints them (text, or one JSON document), warns on standard error about what makes them
 * misleading, and writes the HTML report.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    versionProvider = NewsdeskCli.Version.class,
    description = {
      "Measure a model on labeled articles.",
      "Prints accuracy and top-2/top-3 accuracy, macro, weighted and micro averages, per-label"
          + " precision, recall and F1, and the confusion matrix (at most "
          + Evaluation.MATRIX_LABELS
          + " labels; --format json has all), and warns when the articles"
          + " look like the model's own training data; --html also writes them as a"
          + " self-contained page with charts."
    })
final class EvaluateCommand extends InputCommand {
  /** What {@code evaluate} prints on standard output. */
  enum Format {
    /** The library's readable table. */
    TEXT,
    /** One JSON document. */
    JSON;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Mixin ModelOption model;

  @Option(
      names = "--html",
      paramLabel = "REPORT.html",
      description =
          "Also write the evaluation as an HTML page (no network needed to view it; written"
              + " whole or not at all; a regular file, not one of the inputs or the model).")
  Path html;

  @Option(
      names = "--misclassified",
      description =
          "Also list the wrong predictions (source:line, true label, predicted label, score,"
              + " title) in the text output and the HTML report. Default: off.")
  boolean misclassified;

  @Option(
      names = "--format",
      paramLabel = "FMT",
      defaultValue = "text",
      description =
          "Output format: ${COMPLETION-CANDIDATES} (the whole evaluation as one JSON document,"
              + " misclassified examples included). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Override
  Map<String, Path> outputs() {
    return html == null ? Map.of() : Map.of("--html", html);
  }

  @Override
  Map<String, Path> otherInputs() {
    return model.file == null ? Map.of() : Map.of("--model", model.file);
  }

  @Override
  int run(Inputs inputs) throws IOException {
    TopicClassifier classifier = model.load();
    Labeled examples = new Labeled(inputs);
    Evaluation evaluation = Evaluation.evaluate(classifier, examples);
    if (examples.foundNone()) {
      throw Labeled.noneLabeled();
    }
    String described = Inputs.describe(read.paths);
    if (format == Format.JSON) {
      out().println(json(evaluation, classifier, read.paths));
    } else {
      printBlock(evaluation);
      if (evaluation.matrixLabels().size() < evaluation.labels().size()) {
        // the library's table shows the matrix for some of the labels and says which
        out().println("(--format json has the whole confusion matrix)");
      }
      if (misclassified) {
        out().println();
        printBlock(misclassifiedTable(evaluation.misclassified()));
      }
    }
    out().flush();
    warn(evaluation, classifier);
    if (html != null) {
      String page =
          HtmlReport.render(
              evaluation,
              "Newsdesk evaluation: " + model.name(),
              evaluation.total() + " labeled articles from " + described,
              classifier,
              misclassified);
      AtomicFiles.write(html, out -> out.write(page.getBytes(StandardCharsets.UTF_8)));
      err().println(Messages.escape("wrote " + html));
    }
    return 0;
  }

  private String json(Evaluation e, TopicClassifier classifier, List<String> inputs) {
    try {
      return RecordPrinter.JSON.writeValueAsString(
          EvaluationJson.of(e, classifier, model.name(), inputs));
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("cannot write JSON", ex); // a tree of plain values
    }
  }

  /** On standard error, after the figures: why they may mislead. */
  private void warn(Evaluation e, TopicClassifier classifier) {
    // a label the model never learnt can only be wrong: say so rather than just print zeros
    e.labelsNotPredicted()
        .forEach(
            (label, n) ->
                err().println(
                    Messages.warning(
                        model.name(),
                        "label '" + label + "' (" + n + (n == 1 ? " example" : " examples")
                            + ") is not one the model predicts")));
    TrainingOverlap overlap = TrainingOverlap.of(classifier, e);
    overlap.warning().ifPresent(w -> err().println(Messages.warning(model.name(), w)));
    if (!overlap.checked()) {
      err().println(Messages.note(model.name(), ModelFacts.NO_PROVENANCE));
    }
  }

  /** {@code source:line  true  predicted  score  title}, aligned, with a heading. */
  static String misclassifiedTable(List<Evaluation.Misclassified> wrong) {
    StringBuilder sb = new StringBuilder();
    sb.append("misclassified: ").append(wrong.size()).append('\n');
    if (wrong.isEmpty()) {
      return sb.toString();
    }
    int source = "source".length();
    int label = "true".length();
    int predicted = "predicted".length();
    for (Evaluation.Misclassified m : wrong) {
      source = Math.max(source, where(m).length());
      label = Math.max(label, m.label().length());
      predicted = Math.max(predicted, m.predicted().length());
    }
    String row = "%-" + source + "s  %-" + label + "s  %-" + predicted + "s  %5s  %s%n";
    sb.append(String.format(Locale.ROOT, row, "source", "true", "predicted", "score", "title"));
    for (Evaluation.Misclassified m : wrong) {
      sb.append(
          String.format(
              Locale.ROOT,
              row,
              where(m),
              m.label(),
              m.predicted(),
              String.format(Locale.ROOT, "%.3f", m.score()),
              m.title()));
    }
    return sb.toString();
  }

  /** The example's {@code source:line}, or its position when it has no source. */
  private static String where(Evaluation.Misclassified m) {
    return m.source().isEmpty() ? "#" + (m.index() + 1) : m.source();
  }
}
