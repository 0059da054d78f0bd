package org.newsdesk.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --format} option of the commands that print one record per article. */
final class FormatOption {
  @Option(
      names = "--format",
      paramLabel = "FMT",
      defaultValue = "table",
      description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  OutputFormat format;

  /**
   * A printer in the chosen format, of text through {@code out} and of JSON Lines as bytes to
   * {@code utf8}, the stream {@code out} writes UTF-8 to; {@code tableColumns} are used by the
   * table format only.
   */
  RecordPrinter printer(PrintWriter out, Output utf8, List<RecordPrinter.Column> tableColumns) {
    return new RecordPrinter(format, out, utf8, tableColumns);
  }
}
