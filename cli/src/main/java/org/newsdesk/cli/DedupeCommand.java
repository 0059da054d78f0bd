package org.newsdesk.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.newsdesk.core.Article;
import org.newsdesk.core.DuplicateFinder;
import org.newsdesk.core.DuplicateGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsdesk dedupe}: list groups of duplicate and near-duplicate articles. */
@Command(
    name = "dedupe",
    mixinStandardHelpOptions = true,
    versionProvider = NewsdeskCli.Version.class,
    description = {
      "List groups of duplicate and near-duplicate articles.",
      "One row per article, with its group, exact or near, and the similarity.",
      "Reads all articles into memory (comparing needs them all)."
    })
final class DedupeCommand extends InputCommand {
  @Option(
      names = "--threshold",
      paramLabel = "T",
      description =
          "Similarity (above 0, at most 1) from which two articles count as"
              + " near-duplicates. Default: "
              + DuplicateFinder.DEFAULT_THRESHOLD
              + ".")
  Double threshold;

  @Option(
      names = "--compare",
      paramLabel = "FIELD",
      completionCandidates = FieldNames.class,
      description =
          "What near-duplicate detection compares: ${COMPLETION-CANDIDATES}."
              + " Default: title_and_body.")
  DuplicateFinder.Field compare;

  /** The fields as the README and the help write them: lower case (any case is accepted). */
  static final class FieldNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(DuplicateFinder.Field.values())
          .map(f -> f.name().toLowerCase(Locale.ROOT))
          .iterator();
    }
  }

  @Mixin FormatOption output;

  private DuplicateFinder finder = DuplicateFinder.DEFAULT;

  @Override
  void configure() {
    if (threshold != null) {
      finder = library("--threshold", () -> finder.withThreshold(threshold));
    }
    if (compare != null) {
      finder = finder.comparing(compare);
    }
  }

  @Override
  int run(Inputs inputs) {
    List<Article> articles = new ArrayList<>();
    inputs.forEach(articles::add);
    RecordPrinter printer =
        output.printer(
            out(),
            stdout(),
            List.of(
                RecordPrinter.Column.field("GROUP", "group", 10),
                RecordPrinter.Column.field("KIND", "kind", 5),
                Records.score(),
                Records.location(),
                Records.title()));
    int group = 0;
    for (DuplicateGroup g : finder.find(articles)) {
      group++;
      int number = group;
      for (Article a : g.articles()) {
        printer.print(
            json -> {
              json.writeNumberField("group", number);
              json.writeStringField("kind", g.exact() ? "exact" : "near");
              json.writeNumberField("score", g.score());
              Records.writeArticle(json, a);
            });
      }
    }
    printer.finish();
    out().flush();
    if (!stdout().failed()) { // else the failed write is what the command reports
      err().println(group + (group == 1 ? " duplicate group" : " duplicate groups"));
    }
    return 0;
  }
}
