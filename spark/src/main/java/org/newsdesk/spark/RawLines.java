package org.newsdesk.spark;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;

/**
 * Gives the raw text of numbered lines for corrupt-record rows, reading forward from a record
 * boundary in a second stream, so the parser never has to keep the lines it skips. Line breaks
 * are LF, CR LF or a lone CR, as in docs/FORMAT.md; lines come back without them (and without a
 * UTF-8 byte order mark at the start of a file), joined with LF. Used only for malformed input,
 * so it favours simplicity over speed. Requests must come in increasing line order.
 */
final class RawLines implements Closeable {

  private final Reader in;
  private final char[] buf = new char[8192];
  private int pos;
  private int limit;
  private boolean eof;
  /** The number of the line the next character belongs to. */
  private long line;
  private boolean atFileStart;

  RawLines(InputStream in, Charset charset, long line, boolean atFileStart) {
    this.in = new InputStreamReader(in, charset);
    this.line = line;
    this.atFileStart = atFileStart;
  }

  /**
   * Returns lines {@code first} to {@code last}, at most {@code maxChars} characters of them.
   */
  String lines(long first, long last, int maxChars) throws IOException {
    while (line < first && skipLine()) {
      // skipping lines before the range
    }
    StringBuilder text = new StringBuilder();
    while (line <= last) {
      if (line > first) {
        append(text, '\n', maxChars);
      }
      if (!copyLine(text, maxChars)) {
        break;
      }
    }
    return text.toString();
  }

  private static void append(StringBuilder text, char c, int maxChars) {
    if (text.length() < maxChars) {
      text.append(c);
    }
  }

  private boolean skipLine() throws IOException {
    return copyLine(null, 0);
  }

  /** Copies the rest of the current line (if {@code text} is not null); false at the end. */
  private boolean copyLine(StringBuilder text, int maxChars) throws IOException {
    if (!fill()) {
      return false;
    }
    if (atFileStart) {
      atFileStart = false;
      if (buf[pos] == '\uFEFF') {
        pos++;
      }
    }
    while (fill()) {
      char c = buf[pos++];
      if (c == '\n') {
        line++;
        return true;
      }
      if (c == '\r') {
        if (fill() && buf[pos] == '\n') {
          pos++;
        }
        line++;
        return true;
      }
      if (text != null) {
        append(text, c, maxChars);
      }
    }
    line++;
    return true;
  }

  private boolean fill() throws IOException {
    while (pos == limit) {
      if (eof) {
        return false;
      }
      int n = in.read(buf, 0, buf.length);
      if (n < 0) {
        eof = true;
        return false;
      }
      pos = 0;
      limit = n;
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
