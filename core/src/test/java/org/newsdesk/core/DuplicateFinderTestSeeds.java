package org.newsdesk.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** The 49 seed articles (test resource {@code /seeds}), read with {@link NewsReader}. */
final class DuplicateFinderTestSeeds {

  private DuplicateFinderTestSeeds() {}

  static List<Article> all() {
    try {
      return NewsReader.readAll(
          Path.of(DuplicateFinderTestSeeds.class.getResource("/seeds").toURI()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code file:line} of an article, without the directory the seeds happen to live in. */
  static String where(Article article) {
    return Path.of(article.source()).getFileName() + ":" + article.line();
  }
}
