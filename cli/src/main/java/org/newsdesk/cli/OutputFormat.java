package org.newsdesk.cli;

import java.util.Locale;

/** How commands print their records on standard output. */
enum OutputFormat {
  /** Aligned columns for people. */
  TABLE,
  /** JSON Lines: one JSON object per line. */
  JSONL,
  /** RFC 4180 CSV with a header row. */
  CSV;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
