package org.newsdesk.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.newsdesk.core.Article;

/** The JSON shape of an article, shared by every command's output. */
final class Records {
  private Records() {}

  /** Fields {@code source, line, title, body, date (ISO or null), category (or null)}. */
  static RecordPrinter.Record article(Article a) {
    return g -> writeArticle(g, a);
  }

  /** Writes the fields of {@link #article}, for a record that starts with them. */
  static void writeArticle(JsonGenerator g, Article a) throws IOException {
    g.writeStringField("source", a.source());
    g.writeNumberField("line", a.line());
    g.writeStringField("title", a.title());
    g.writeStringField("body", a.body());
    g.writeStringField("date", a.date().map(LocalDate::toString).orElse(null));
    g.writeStringField("category", a.category().orElse(null));
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
