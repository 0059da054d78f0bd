package org.newsdesk.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.newsdesk.testing.Fixtures;

/** The 49 seed articles (the shared sample digests), read with {@link NewsReader}. */
final class DuplicateFinderTestSeeds {

  private DuplicateFinderTestSeeds() {}

  static List<Article> all() {
    try {
      return NewsReader.readAll(Fixtures.samples());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code file:line} of an article, without the directory the seeds happen to live in. */
  static String where(Article article) {
    return Path.of(article.source()).getFileName() + ":" + article.line();
  }
}
