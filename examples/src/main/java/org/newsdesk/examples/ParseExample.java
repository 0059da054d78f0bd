package org.newsdesk.examples;

import java.io.IOException;
import java.nio.file.Path;
import org.newsdesk.core.Article;
import org.newsdesk.core.NewsReader;

/**
 * Parses one digest file and prints its articles: where each starts, its title, and the date and
 * category when the metadata line has them.
 *
 * <p>Run: {@code java -cp examples/target/newsdesk-examples.jar org.newsdesk.examples.ParseExample FILE}
 */
public final class ParseExample {
  private ParseExample() {}

  /**
   * Entry point.
   *
   * @param args the digest file (default: a bundled sample)
   * @throws IOException if the file cannot be read
   */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args.length > 0 ? args[0] : "examples/samples/001_c1db3e24d400ffe6.txt");
    // tag::parse[]
    try (NewsReader reader = NewsReader.open(file)) {
      for (Article article : reader) {
        System.out.println(article.location() + "  " + article.title());
        article.date().ifPresent(date -> System.out.println("    date: " + date));
        article.category().ifPresent(category -> System.out.println("    category: " + category));
      }
    }
    // end::parse[]
  }
}
