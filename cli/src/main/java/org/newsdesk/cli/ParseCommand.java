package org.newsdesk.cli;

import org.newsdesk.core.Article;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newsdesk parse}: print the articles of digests. */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    versionProvider = NewsdeskCli.Version.class,
    description = {
      "Print the articles of the inputs.",
      "As a table for people, JSON Lines for programs or CSV for spreadsheets."
    })
final class ParseCommand extends InputCommand {
  @Mixin FormatOption output;

  @Override
  int run(Inputs inputs) {
    RecordPrinter printer = output.printer(out(), stdout(), Records.articleColumns());
    try {
      for (Article a : inputs) {
        printer.print(Records.article(a));
      }
    } finally {
      printer.finish(); // what was parsed before a strict failure is still printed
    }
    return 0;
  }
}
