package org.newsdesk.cli;

import java.util.ArrayList;
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
    description = {
      "Tag each article with a topic.",
      "With the built-in customs and trade model, or a model saved by `newsdesk train`."
    })
final class ClassifyCommand extends InputCommand {
  /** Articles per unit of work handed to a worker thread. */
  private static final int BATCH = 64;

  /**
   * Chars of title and body per unit of work, at most (or one larger article): with huge
   * articles a batch holds fewer, so the batches in flight stay within a few MB per thread.
   */
  private static final long BATCH_CHARS = 1 << 20;

  @Mixin ModelOption model;

  @Option(
      names = "--top",
      paramLabel = "K",
      defaultValue = "3",
      description =
          "How many labels to list in `scores`: at least 1 (more than the model has lists them"
              + " all). Default: ${DEFAULT-VALUE}.")
  int top;

  @Option(
      names = "--min-score",
      paramLabel = "S",
      defaultValue = "0",
      description =
          "Leave the topic empty (null) when the best score is below S, a number from 0 to 1."
              + " Default: ${DEFAULT-VALUE}.")
  double minScore;

  @Mixin FormatOption output;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Classification threads, from 1 to "
              + Usage.MAX_THREADS
              + ". Default: all cores (at most "
              + Usage.MAX_THREADS
              + ").")
  Integer threads;

  @Override
  String outOfMemoryHint() {
    return super.outOfMemoryHint() + ", or fewer --threads";
  }

  @Override
  void configure() {
    Usage.range(spec, "--top", top, 1, Integer.MAX_VALUE);
    Usage.range(spec, "--min-score", minScore, 0, 1);
    if (threads != null) {
      Usage.range(spec, "--threads", threads, 1, Usage.MAX_THREADS);
      if (threads > 1 && output.lineBuffered) {
        throw Usage.invalid(spec, "--threads", "--line-buffered classifies on one thread");
      }
    }
  }

  @Override
  int run(Inputs inputs) {
    TopicClassifier classifier = model.load();
    RecordPrinter printer =
        output.printer(
            out(),
            stdout(),
            List.of(
                Records.location(),
                RecordPrinter.Column.field("TOPIC", "topic", 32),
                Records.score(),
                Records.title()));
    int n =
        threads != null
            ? threads
            : Math.min(Runtime.getRuntime().availableProcessors(), Usage.MAX_THREADS);
    try {
      if (output.lineBuffered) {
        // each article printed as soon as it is read: a worker's result could not be printed
        // while this thread waits for the next input
        for (Article a : inputs) {
          printer.print(record(a, classifier.predict(a)));
        }
        return 0;
      }
      // workers classify, build and (for JSON Lines) serialize whole batches; this thread reads
      // and writes
      OrderedParallel.mapBatches(
          inputs.iterator(),
          batch -> {
            List<RecordPrinter.Record> records = new ArrayList<>(batch.size());
            for (Article a : batch) {
              records.add(record(a, classifier.predict(a)));
            }
            return printer.prepare(records);
          },
          printer::print,
          n,
          BATCH,
          a -> (long) a.title().length() + a.body().length(),
          BATCH_CHARS);
    } finally {
      printer.finish();
    }
    return 0;
  }

  /** The article's fields, then {@code topic} (or null), {@code score} and the top scores. */
  private RecordPrinter.Record record(Article a, Prediction p) {
    boolean confident = !p.unknown() && p.score() >= minScore;
    List<LabelScore> scores = p.topK(top);
    return g -> {
      Records.writeArticle(g, a);
      g.writeStringField("topic", confident ? p.label() : null);
      g.writeNumberField("score", p.score());
      g.writeObjectFieldStart("scores");
      for (LabelScore s : scores) {
        g.writeNumberField(s.label(), s.score());
      }
      g.writeEndObject();
    };
  }
}
