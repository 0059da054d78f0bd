package org.newsdesk.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed articles for the duplicate tests, read with a deliberately minimal reader so these tests
 * do not depend on the parser under test elsewhere.
 */
final class DuplicateFinderTestSeeds {

  static final List<String> FILES =
      List.of(
          "000_7ea514dff1875352.txt",
          "001_c1db3e24d400ffe6.txt",
          "002_2da8245de02aa76e.txt",
          "003_95692ade1897c29a.txt",
          "004_cf43153b14bbf254.txt");

  private DuplicateFinderTestSeeds() {}

  static List<Article> all() {
    List<Article> articles = new ArrayList<>();
    for (String file : FILES) {
      articles.addAll(read(file));
    }
    return articles;
  }

  private static List<Article> read(String file) {
    String text;
    try (InputStream in =
        DuplicateFinderTestSeeds.class.getResourceAsStream("dedupe-seeds/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource dedupe-seeds/" + file);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String[] lines = text.split("\r\n|\r|\n", -1);
    List<Article> articles = new ArrayList<>();
    int i = nextNonBlank(lines, 0);
    while (i < lines.length) {
      int repeat = nextNonBlank(lines, i + 1);
      int body = nextNonBlank(lines, repeat + 1);
      if (!lines[i].strip().equals(lines[repeat].strip()) || body >= lines.length) {
        throw new IllegalStateException(file + ":" + (i + 1) + ": not a title pair");
      }
      Article article = Article.of(lines[i].strip(), lines[body].strip()).withOrigin(file, i + 1L);
      i = nextNonBlank(lines, body + 1);
      if (i < lines.length && lines[i].matches("\\d\\d/\\d\\d/\\d{4}.*")) {
        String[] meta = lines[i].strip().split(" ", 2);
        article =
            article.withDate(LocalDate.parse(meta[0], DateTimeFormatter.ofPattern("MM/dd/yyyy")));
        if (meta.length > 1) {
          article = article.withCategory(meta[1].strip());
        }
        i = nextNonBlank(lines, i + 1);
      }
      if (i < lines.length && lines[i].strip().equals("Read More")) {
        i = nextNonBlank(lines, i + 1);
      }
      articles.add(article);
    }
    return articles;
  }

  private static int nextNonBlank(String[] lines, int from) {
    int i = from;
    while (i < lines.length && lines[i].isBlank()) {
      i++;
    }
    return i;
  }
}
