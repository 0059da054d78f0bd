package org.newsdesk.cli;

import java.util.Locale;

/**
 * The input formats every reading command accepts ({@code --input}). Digests are read by the
 * library; the others are one record per line (see {@link LineFormats}) and give the same {@link
 * org.newsdesk.core.Article}s: the text as the body, a title where the format has one (else
 * empty), the label as the category, and the source and line they came from.
 */
enum InputFormat {
  /** Title-repeated-paragraph digests (the library's {@code NewsReader}). */
  DIGEST,
  /** One document per line, no label: what {@code fasttext predict} and OpenNLP's Doccat read. */
  LINES,
  /** {@code label<TAB>text}. */
  TSV,
  /** OpenNLP doccat training format: {@code label text...}. */
  DOCCAT,
  /** fastText: {@code __label__x text...}. */
  FASTTEXT,
  /** JSON Lines: {@code {"title": ..., "body"|"text": ..., "category"|"label": ...}}. */
  JSONL;

  /** The format a file is read in without {@code --input}: by its extension, else a digest. */
  static InputFormat forFile(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".tsv")) {
      return TSV;
    }
    if (lower.endsWith(".jsonl")) {
      return JSONL;
    }
    return DIGEST;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
