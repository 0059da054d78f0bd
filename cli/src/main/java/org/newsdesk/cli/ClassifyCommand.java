package org.newsdesk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.newsdesk.classifier.LabelScore;
import org.newsdesk.classifier.Prediction;
import org.newsdesk.classifier.TopicClassifier;
import org.newsdesk.core.Article;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsdesk classify}: tag each article with a topic, streaming, on all cores. */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    versionProvider = NewsdeskCli.Version.class,
    description = "Tag each article with its topic (built-in customs/trade model by default).")
final class ClassifyCommand extends InputCommand {
  @Mixin ModelOption model;

  @Option(
      names = "--top",
      paramLabel = "K",
      defaultValue = "3",
      description = "How many labels to list in `scores`. Default: ${DEFAULT-VALUE}.")
  int top;

  @Option(
      names = "--min-score",
      paramLabel = "S",
      defaultValue = "0",
      description =
          "Leave the topic empty (null) when the best score is below S. Default: ${DEFAULT-VALUE}.")
  double minScore;

  @Mixin FormatOption output;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Classification threads. Default: all cores.")
  Integer threads;

  @Override
  void validate() {
    if (top < 1) {
      throw usage("Invalid value for option '--top': must be at least 1, was " + top);
    }
    if (threads != null && threads < 1) {
      throw usage("Invalid value for option '--threads': must be at least 1, was " + threads);
    }
  }

  @Override
  int run(Inputs inputs) {
    TopicClassifier classifier = model.load();
    RecordPrinter printer =
        output.printer(
            out(),
            List.of(
                Records.location(),
                RecordPrinter.Column.field("TOPIC", "topic", 32),
                Records.score(),
                Records.title()));
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    try {
      OrderedParallel.map(
          inputs.iterator(), a -> record(a, classifier.predict(a)), printer::print, n, 64);
    } finally {
      printer.finish();
    }
    return 0;
  }

  private ObjectNode record(Article a, Prediction p) {
    ObjectNode node = Records.article(a);
    boolean confident = !p.unknown() && p.score() >= minScore;
    node.put("topic", confident ? p.label() : null);
    node.put("score", p.score());
    ObjectNode scores = node.putObject("scores");
    for (LabelScore s : p.topK(top)) {
      scores.put(s.label(), s.score());
    }
    return node;
  }
}
