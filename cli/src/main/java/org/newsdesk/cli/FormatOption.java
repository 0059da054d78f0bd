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

  /** A printer in the chosen format; {@code tableColumns} are used by the table format only. */
  RecordPrinter printer(PrintWriter out, List<RecordPrinter.Column> tableColumns) {
    return new RecordPrinter(format, out, tableColumns);
  }
}
