package org.newsdesk.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.newsdesk.core.Article;
import org.newsdesk.core.Diagnostic;
import org.newsdesk.core.NewsFormat;
import org.newsdesk.core.NewsReader;

/** What NewsReader reads from whole files, and Spark rows in the same shape, for comparison. */
final class Expected {

  /** One article (or corrupt-record) row, with the file's local path. */
  record Item(String file, long line, String title, String body, LocalDate date,
      String category, String corrupt) {}

  static final Comparator<Item> ORDER = Comparator.comparing(Item::file)
      .thenComparingLong(Item::line).thenComparing(i -> i.title() == null ? 1 : 0);

  private Expected() {}

  /** The articles NewsReader reads from each file, whole, sorted by file and line. */
  static List<Item> articles(List<Path> files, NewsFormat format) {
    List<Item> items = new ArrayList<>();
    for (Path file : files) {
      for (Article a : read(file, format, new ArrayList<>())) {
        items.add(new Item(file.toString(), a.line(), a.title(), a.body(), a.date().orElse(null),
            a.category().orElse(null), null));
      }
    }
    items.sort(ORDER);
    return items;
  }

  /** Reads a whole file; diagnostics go to {@code diagnostics}. */
  static List<Article> read(Path file, NewsFormat format, List<Diagnostic> diagnostics) {
    NewsFormat listening = format.toBuilder().onDiagnostic(diagnostics::add).build();
    try (NewsReader reader = NewsReader.open(file, listening)) {
      return reader.stream().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Spark's rows as items: {@code source} (a file: URI) becomes the local path. */
  static List<Item> items(Dataset<Row> rows) {
    List<String> columns = List.of(rows.columns());
    List<Item> items = new ArrayList<>();
    for (Row r : rows.collectAsList()) {
      java.sql.Date date = r.getAs("date");
      items.add(new Item(localPath(r.getAs("source")), ((Integer) r.getAs("line")).longValue(),
          r.getAs("title"), r.getAs("body"), date == null ? null : date.toLocalDate(),
          r.getAs("category"),
          columns.contains("_corrupt_record") ? r.getAs("_corrupt_record") : null));
    }
    items.sort(ORDER);
    return items;
  }

  /** Articles only (rows with a title), without the corrupt-record text. */
  static List<Item> articlesOf(List<Item> items) {
    return items.stream().filter(i -> i.title() != null)
        .map(i -> new Item(i.file(), i.line(), i.title(), i.body(), i.date(), i.category(), null))
        .toList();
  }

  static String localPath(String source) {
    return URI.create(source).getPath();
  }

  /** The file's lines, split at LF, CR LF and lone CR, without the breaks. */
  static List<String> lines(Path file, Charset charset) {
    try {
      String text = new String(Files.readAllBytes(file), charset);
      List<String> lines = new ArrayList<>();
      int start = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\n' || c == '\r') {
          lines.add(text.substring(start, i));
          if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
          }
          start = i + 1;
        }
      }
      if (start < text.length()) {
        lines.add(text.substring(start));
      }
      if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
        lines.set(0, lines.get(0).substring(1));
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean blank(String line) {
    return line.chars().allMatch(c -> c == ' ' || c == '\t');
  }
}
