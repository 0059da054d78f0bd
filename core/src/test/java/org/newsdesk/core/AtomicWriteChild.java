package org.newsdesk.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child of {@link ChildProcess} tests: writes a file of about {@code bytes} bytes with
 * {@link AtomicFiles} ({@code atomic}) or {@link NewsWriter} ({@code writer}); exits 3 with the
 * error message on standard error if writing fails.
 */
final class AtomicWriteChild {

  private AtomicWriteChild() {}

  public static void main(String[] args) {
    Path target = Path.of(args[1]);
    int bytes = Integer.parseInt(args[2]);
    try {
      if (args[0].equals("atomic")) {
        AtomicFiles.write(target, out -> out.write(new byte[bytes]));
      } else {
        List<Article> articles = new ArrayList<>();
        for (int i = 0; articles.size() * 100 < bytes; i++) {
          articles.add(Article.of("Title " + i, "Body " + i + " " + "x".repeat(80)));
        }
        try (NewsWriter writer = NewsWriter.open(target)) {
          writer.writeAll(articles);
        }
      }
    } catch (IOException e) {
      System.err.println(e.getMessage());
      System.exit(3);
    }
  }
}
