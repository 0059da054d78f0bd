package org.newsdesk.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The output options of the commands that print one record per article: {@code --format}, and
 * {@code --line-buffered} for live input.
 */
final class FormatOption {
  @Option(
      names = "--format",
      paramLabel = "FMT",
      defaultValue = "table",
      description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  OutputFormat format;

  @Option(
      names = "--line-buffered",
      description =
          "Print each record as soon as it is ready, for live input from a pipe or a terminal"
              + " (a digest's article is ready when the next one starts or input ends). Slower on"
              + " large inputs: classify then uses one thread. A table prints its columns at"
              + " their full widths.")
  boolean lineBuffered;

  /**
   * A printer in the chosen format, of text through {@code out} and of JSON Lines as bytes to
   * {@code utf8}, the stream {@code out} writes UTF-8 to; {@code tableColumns} are used by the
   * table format only.
   */
  RecordPrinter printer(PrintWriter out, Output utf8, List<RecordPrinter.Column> tableColumns) {
    return new RecordPrinter(format, out, utf8, tableColumns, lineBuffered);
  }
}
