package org.newsdesk.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
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
   * space, which keeps table columns aligned. Line and paragraph separators and the
   * bidirectional-text controls (U+061C, U+200E-U+200F, U+2028-U+202E, U+2066-U+2069) are escaped
   * too, so that data cannot start a line or reorder the rest of one ("Trojan Source").
   */
  private static final CharSequenceTranslator CONTROLS =
      new AggregateTranslator(
          new LookupTranslator(Map.of("\t", " ")),
          JavaUnicodeEscaper.between(0x00, 0x1F),
          JavaUnicodeEscaper.between(0x7F, 0x9F),
          JavaUnicodeEscaper.between(0x061C, 0x061C),
          JavaUnicodeEscaper.between(0x200E, 0x200F),
          JavaUnicodeEscaper.between(0x2028, 0x202E),
          JavaUnicodeEscaper.between(0x2066, 0x2069));

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

  /**
   * What to say when the heap ran out, on one line: the library's message, which says what to
   * raise or which setting shrinks the model, or, for a bare {@code OutOfMemoryError}, the heap
   * size and what to raise; then {@code hint}, how to do that with this command.
   */
  static String outOfMemory(String what, OutOfMemoryError e, String hint) {
    String message = e.getMessage();
    String reason;
    if (message != null && message.contains("-Xmx")) {
      reason = message; // the library's: it already says what to change
    } else {
      long max = Runtime.getRuntime().maxMemory();
      reason =
          "out of memory ("
              + (message == null ? "" : message + ", ")
              + (max == Long.MAX_VALUE
                  ? "no heap limit"
                  : String.format(Locale.ROOT, "maximum heap %,d MB", max >> 20))
              + "): raise the heap (java -Xmx)";
    }
    return what + ": " + reason + "; " + hint;
  }
}
