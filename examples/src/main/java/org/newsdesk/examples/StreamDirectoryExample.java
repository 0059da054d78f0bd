package org.newsdesk.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.newsdesk.core.NewsFormat;
import org.newsdesk.core.NewsReader;

/**
 * Streams every digest under a directory, however large, with flat memory: the reader holds one
 * record at a time, so this counts articles per year over gigabytes with a small heap. Lenient
 * parsing reports malformed records instead of stopping.
 *
 * <p>Run: {@code java -Xmx64m -cp examples/target/newsdesk-examples.jar
 * org.newsdesk.examples.StreamDirectoryExample DIR}
 */
public final class StreamDirectoryExample {
  private StreamDirectoryExample() {}

  /**
   * Entry point.
   *
   * @param args the directory (default: the bundled samples)
   * @throws IOException if a file cannot be read
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "examples/samples");
    NewsFormat lenient =
        NewsFormat.LENIENT.toBuilder()
            .onDiagnostic(d -> System.err.println("skipped: " + d))
            .build();
    try (NewsReader reader = NewsReader.openAll(List.of(dir), lenient)) {
      Map<String, Long> perYear =
          reader.stream()
              .collect(
                  Collectors.groupingBy(
                      a -> a.date().map(d -> String.valueOf(d.getYear())).orElse("undated"),
                      TreeMap::new,
                      Collectors.counting()));
      perYear.forEach((year, count) -> System.out.println(year + ": " + count));
    }
  }
}
