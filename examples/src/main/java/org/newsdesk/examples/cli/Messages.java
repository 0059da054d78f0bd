package org.newsdesk.examples.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.newsdesk.core.Diagnostic;

/** The one place that formats what the CLI says on standard error. */
final class Messages {
  private Messages() {}

  /** {@code source:line: message}, the form editors and CI logs link to. */
  static String at(String source, long line, String message) {
    return source + ":" + line + ": " + message;
  }

  static String at(Diagnostic d) {
    return at(d.source(), d.line(), d.message());
  }

  /** {@code path: reason} for a failure that concerns a whole file rather than one line. */
  static String ioError(IOException e) {
    if (e instanceof NoSuchFileException n) {
      return n.getFile() + ": no such file or directory";
    }
    if (e instanceof AccessDeniedException a) {
      return a.getFile() + ": permission denied";
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }

  static String summary(long articles, long diagnostics) {
    return articles
        + (articles == 1 ? " article, " : " articles, ")
        + diagnostics
        + (diagnostics == 1 ? " diagnostic" : " diagnostics");
  }
}
