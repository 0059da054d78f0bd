package org.newsdesk.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import org.apache.commons.text.translate.AggregateTranslator;
import org.apache.commons.text.translate.CharSequenceTranslator;
import org.apache.commons.text.translate.JavaUnicodeEscaper;
import org.apache.commons.text.translate.LookupTranslator;
import org.newsdesk.core.Diagnostic;

/** The one place that formats what the CLI says on standard error. */
final class Messages {
  private Messages() {}

  /**
   * Control characters (C0, DEL, C1) as Java-style Unicode escapes (ESC becomes backslash, u,
   * 001B), so that data cannot move the cursor, recolour or clear a terminal; a tab becomes a
   * space, which keeps table columns aligned.
   */
  private static final CharSequenceTranslator CONTROLS =
      new AggregateTranslator(
          new LookupTranslator(Map.of("\t", " ")),
          JavaUnicodeEscaper.between(0x00, 0x1F),
          JavaUnicodeEscaper.between(0x7F, 0x9F));

  /** The text with control characters escaped, for whatever goes to a terminal. */
  static String escape(String text) {
    return CONTROLS.translate(text);
  }

  /** {@code source:line: message}, the form editors and CI logs link to. */
  static String at(String source, long line, String message) {
    return escape(source + ":" + line + ": " + message);
  }

  /** {@code path: warning: message} for something worth knowing that is not an error. */
  static String warning(String path, String message) {
    return escape(path + ": warning: " + message);
  }

  /** {@code path: note: message} for something the user should know that is not a problem. */
  static String note(String path, String message) {
    return escape(path + ": note: " + message);
  }

  static String at(Diagnostic d) {
    return at(d.source(), d.line(), d.message());
  }

  /** {@code path: reason} for a failure that concerns a whole file rather than one line. */
  static String ioError(IOException e) {
    if (e instanceof NoSuchFileException n) {
      return escape(
          n.getFile() + ": " + (n.getReason() != null ? n.getReason() : "no such file or directory"));
    }
    if (e instanceof AccessDeniedException a) {
      return escape(a.getFile() + ": permission denied");
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : escape(message);
  }

  static String summary(long articles, long diagnostics) {
    return articles
        + (articles == 1 ? " article, " : " articles, ")
        + diagnostics
        + (diagnostics == 1 ? " diagnostic" : " diagnostics");
  }
}
