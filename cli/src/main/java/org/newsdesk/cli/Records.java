package org.newsdesk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.newsdesk.core.Article;

/** The JSON shape of an article, shared by every command's output. */
final class Records {
  private Records() {}

  /** Fields {@code source, line, title, body, date (ISO or null), category (or null)}. */
  static ObjectNode article(Article a) {
    ObjectNode node = RecordPrinter.JSON.createObjectNode();
    node.put("source", a.source());
    node.put("line", a.line());
    node.put("title", a.title());
    node.put("body", a.body());
    node.put("date", a.date().map(LocalDate::toString).orElse(null));
    node.put("category", a.category().orElse(null));
    return node;
  }

  static RecordPrinter.Column location() {
    return new RecordPrinter.Column(
        "LOCATION", r -> r.get("source").asText() + ":" + r.get("line").asLong(), 60, true);
  }

  /** A {@code score} field with three decimals. */
  static RecordPrinter.Column score() {
    return new RecordPrinter.Column(
        "SCORE", r -> String.format(Locale.ROOT, "%.3f", r.get("score").asDouble()), 5);
  }

  /** The title, or the body for a text without one (the line formats). */
  static RecordPrinter.Column title() {
    return new RecordPrinter.Column(
        "TITLE",
        r -> {
          String title = RecordPrinter.text(r.get("title"));
          return title.isEmpty() ? RecordPrinter.text(r.get("body")) : title;
        },
        100);
  }

  static List<RecordPrinter.Column> articleColumns() {
    return List.of(
        location(),
        RecordPrinter.Column.field("DATE", "date", 10),
        RecordPrinter.Column.field("CATEGORY", "category", 24),
        title());
  }
}
