package org.newsdesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.lang3.StringUtils;
import org.newsdesk.core.Article;
import org.newsdesk.core.Diagnostic;

/**
 * The one-record-per-line input formats: how one line (already decoded, without its line break)
 * becomes an {@link Article}, or why it cannot.
 */
final class LineFormats {
  private LineFormats() {}

  /** The prefix that marks a fastText label. */
  static final String FASTTEXT_LABEL = "__label__";

  /** One JSON value per line: anything after it on the line is an error, not ignored. */
  private static final ObjectReader JSON =
      new ObjectMapper()
          .readerFor(JsonNode.class)
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** How much of a line's text a message quotes, as the digest reader's messages do. */
  private static final int EXCERPT = 60;

  /**
   * Why a line is not a record, or not all of one; the reader reports it as a diagnostic at the
   * line. In lenient mode the reader then uses {@link #kept}, if the line still gives an article.
   */
  static class LineProblem extends Exception {
    private static final long serialVersionUID = 1L;
    final Diagnostic.Kind kind;
    final int column;
    final transient Article kept;

    LineProblem(String message) {
      this(message, Diagnostic.Kind.STRAY_LINE, 1);
    }

    LineProblem(String message, Diagnostic.Kind kind, int column) {
      this(message, kind, column, null);
    }

    LineProblem(String message, Diagnostic.Kind kind, int column, Article kept) {
      super(message, null, false, false);
      this.kind = kind;
      this.column = column;
      this.kept = kept;
    }
  }

  /** A short quoted excerpt of {@code s} for messages (a line may be megabytes long). */
  static String quote(String s) {
    return "'" + StringUtils.abbreviate(s, EXCERPT) + "'";
  }

  /** Turns one non-blank line into an article with the given origin. */
  @FunctionalInterface
  interface LineParser {
    Article parse(String line, String source, long lineNumber) throws LineProblem;
  }

  static LineParser parser(InputFormat format) {
    return switch (format) {
      case LINES -> LineFormats::lines;
      case TSV -> LineFormats::tsv;
      case DOCCAT -> LineFormats::doccat;
      case FASTTEXT -> LineFormats::fasttext;
      case JSONL -> LineFormats::jsonl;
      case DIGEST -> throw new IllegalArgumentException("digests are not read line by line");
    };
  }

  private static Article article(
      String title, String body, LocalDate date, String label, String source, long line) {
    return new Article(
        title,
        body,
        Optional.ofNullable(date),
        // stripped in every format, so that " A" and "A" are one label
        Optional.ofNullable(label).map(String::strip).filter(l -> !l.isEmpty()),
        source,
        line);
  }

  /** The whole line is the document. */
  static Article lines(String line, String source, long n) {
    return article("", line.strip(), null, null, source, n);
  }

  /** {@code label<TAB>text}; an empty label means none. The text may contain more tabs. */
  static Article tsv(String line, String source, long n) throws LineProblem {
    int tab = line.indexOf('\t');
    if (tab < 0) {
      throw new LineProblem("expected label<TAB>text, found no tab");
    }
    String text = line.substring(tab + 1).strip();
    if (text.isEmpty()) {
      throw new LineProblem("no text after the label", Diagnostic.Kind.MISSING_BODY, tab + 2);
    }
    return article("", text, null, line.substring(0, tab).strip(), source, n);
  }

  /** OpenNLP doccat: the first whitespace-separated token is the label, the rest the text. */
  static Article doccat(String line, String source, long n) throws LineProblem {
    String stripped = line.strip();
    int space = indexOfWhitespace(stripped);
    if (space < 0) {
      throw new LineProblem(
          "expected 'label text...', found only " + quote(stripped),
          Diagnostic.Kind.MISSING_BODY,
          1);
    }
    return article(
        "", stripped.substring(space + 1).strip(), null, stripped.substring(0, space), source, n);
  }

  /**
   * fastText: tokens starting with {@code __label__} are labels, wherever they are (as fastText
   * reads them); the other tokens, in order and separated by single spaces, are the text. Newsdesk
   * is single-label: a line with several labels is a problem (lenient mode keeps the first).
   */
  static Article fasttext(String line, String source, long n) throws LineProblem {
    List<String> labels = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (String token : line.strip().split("\\s+")) {
      if (token.startsWith(FASTTEXT_LABEL)) {
        labels.add(token.substring(FASTTEXT_LABEL.length()));
      } else if (!token.isEmpty()) {
        text.append(text.length() == 0 ? "" : " ").append(token);
      }
    }
    if (text.length() == 0) {
      throw new LineProblem("no text besides the labels", Diagnostic.Kind.MISSING_BODY, 1);
    }
    if (labels.stream().anyMatch(String::isEmpty)) {
      throw new LineProblem("empty label '" + FASTTEXT_LABEL + "'");
    }
    if (labels.size() > 1) {
      throw new LineProblem(
          labels.size()
              + " labels "
              + StringUtils.abbreviate(labels.toString(), EXCERPT)
              + "; Newsdesk assigns one label per text, so only the first, "
              + quote(labels.get(0))
              + ", is used",
          Diagnostic.Kind.STRAY_LINE,
          1,
          article("", text.toString(), null, labels.get(0), source, n));
    }
    return article("", text.toString(), null, labels.isEmpty() ? null : labels.get(0), source, n);
  }

  /**
   * JSON Lines: an object with {@code body} or {@code text} (one of them), optional {@code title},
   * {@code category} or {@code label} (one of them) and {@code date} (ISO {@code YYYY-MM-DD}, as
   * {@code parse --format jsonl} writes it, or an ISO date-time, whose date is taken as written).
   * Other fields are ignored, so the CLI's own JSON Lines output reads back as the same articles. A
   * date that is neither is a problem, as in digests: lenient mode keeps the article without it. A
   * string with an unpaired surrogate (an escaped half of a surrogate pair, alone) is not text:
   * the line is a problem.
   */
  static Article jsonl(String line, String source, long n) throws LineProblem {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      int column = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr());
      throw new LineProblem(
          "not JSON: " + StringUtils.abbreviate(e.getOriginalMessage(), 4 * EXCERPT),
          Diagnostic.Kind.STRAY_LINE,
          column);
    }
    if (node == null || !node.isObject()) {
      throw new LineProblem("expected a JSON object, found " + describe(node));
    }
    String body = oneOf(node, "body", "text");
    if (body == null || body.isBlank()) {
      throw new LineProblem(
          "no text: expected a non-empty \"body\" or \"text\"", Diagnostic.Kind.MISSING_BODY, 1);
    }
    String title = string(node, "title");
    String label = oneOf(node, "category", "label");
    String dateText = string(node, "date");
    LocalDate date = dateText == null ? null : date(dateText);
    Article article =
        article(title == null ? "" : title.strip(), body.strip(), date, label, source, n);
    if (dateText != null && date == null) {
      throw new LineProblem(
          "invalid date "
              + quote(dateText)
              + ": \"date\" is not a date as YYYY-MM-DD or an ISO date-time; date left out",
          Diagnostic.Kind.INVALID_DATE,
          1,
          article);
    }
    return article;
  }

  /** An ISO date, or the date of an ISO date-time as written (no time zone conversion); or null. */
  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.from(DateTimeFormatter.ISO_DATE_TIME.parse(text));
      } catch (DateTimeException e2) {
        return null;
      }
    }
  }

  /** The value of one of two alternative fields; both present is a problem. */
  private static String oneOf(JsonNode node, String a, String b) throws LineProblem {
    String va = string(node, a);
    String vb = string(node, b);
    if (va != null && vb != null) {
      throw new LineProblem("both \"" + a + "\" and \"" + b + "\" are given; give one");
    }
    return va != null ? va : vb;
  }

  /** A string field; absent or null is null, any other type a problem. */
  private static String string(JsonNode node, String field) throws LineProblem {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new LineProblem("\"" + field + "\" must be a string, found " + describe(v));
    }
    String text = v.asText();
    int bad = unpairedSurrogate(text);
    if (bad >= 0) {
      throw new LineProblem(
          "\""
              + field
              + "\" has an unpaired surrogate U+"
              + Integer.toHexString(text.charAt(bad)).toUpperCase(Locale.ROOT)
              + " at character "
              + (bad + 1)
              + ", which is not text",
          Diagnostic.Kind.INVALID_ENCODING,
          1);
    }
    return text;
  }

  /** The index of the first surrogate that is not half of a pair, or -1. */
  static int unpairedSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  private static String describe(JsonNode v) {
    return v == null ? "nothing" : v.getNodeType().toString().toLowerCase(Locale.ROOT);
  }

  private static int indexOfWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
