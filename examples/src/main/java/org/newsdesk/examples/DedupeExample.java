package org.newsdesk.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.newsdesk.core.Article;
import org.newsdesk.core.DuplicateFinder;
import org.newsdesk.core.DuplicateGroup;
import org.newsdesk.core.NewsFormat;
import org.newsdesk.core.NewsReader;

/**
 * Finds articles that appear more than once across digests, exactly or reworded.
 *
 * <p>Run: {@code java -cp examples/target/newsdesk-examples.jar org.newsdesk.examples.DedupeExample DIR}
 */
public final class DedupeExample {
  private DedupeExample() {}

  /**
   * Entry point.
   *
   * @param args a directory or file (default: the bundled samples)
   * @throws IOException if a file cannot be read
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "examples/samples");
    List<Article> articles;
    try (NewsReader reader = NewsReader.openAll(List.of(dir), NewsFormat.DEFAULT)) {
      articles = reader.stream().toList();
    }
    // DEFAULT compares title and body; tune it with withThreshold(...) and comparing(...).
    for (DuplicateGroup group : DuplicateFinder.DEFAULT.find(articles)) {
      System.out.printf(
          "%s duplicates (similarity %.2f):%n", group.exact() ? "exact" : "near", group.score());
      for (Article a : group.articles()) {
        System.out.println("  " + a.location() + "  " + a.title());
      }
    }
  }
}
