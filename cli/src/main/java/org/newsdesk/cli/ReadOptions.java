package org.newsdesk.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The input options every subcommand shares: what to read and how strictly. */
final class ReadOptions {
  @Option(
      names = "--strict",
      description =
          "Stop at the first malformed record (exit code 1) instead of reporting it and"
              + " carrying on. Default: off (lenient).")
  boolean strict;

  @Option(
      names = "--date-pattern",
      paramLabel = "P",
      description =
          "Date pattern of the metadata line (java.time syntax; not empty). Default: MM/dd/yyyy.")
  String datePattern;

  @Option(
      names = "--charset",
      paramLabel = "NAME",
      description = "Charset of the digests, files and standard input alike. Default: UTF-8.")
  String charset;

  @Option(
      names = "--input",
      paramLabel = "FORMAT",
      description =
          "Input format of every PATH: ${COMPLETION-CANDIDATES}. Default: by file extension"
              + " (.tsv tsv, .jsonl jsonl, anything else digest); digest for stdin.")
  InputFormat input;

  @Parameters(
      paramLabel = "PATH",
      arity = "1..*",
      description =
          "Input file, directory (its *.txt files, recursively, in sorted order; a warning if"
              + " it has none) or - for stdin (once).")
  List<String> paths = new ArrayList<>();
}
