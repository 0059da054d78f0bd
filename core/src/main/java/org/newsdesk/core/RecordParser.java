package org.newsdesk.core;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Turns the non-blank lines of one source into articles, following docs/FORMAT.md. It looks at
 * most four lines ahead, so it holds about one record at a time. Every problem goes to the
 * {@link Sink}, which throws in strict mode; the recovery code below therefore only runs in
 * lenient mode, or before the strict throw.
 */
final class RecordParser implements Closeable {

  /** Receives diagnostics; in strict mode it throws {@link NewsParseException}. */
  interface Sink {
    void report(Diagnostic diagnostic);
  }

  private static final int RING = 8;

  private final LineScanner scanner;
  private final String source;
  private final Charset charset;
  private final MetadataParser metadata;
  private final boolean strict;
  private final int maxRecordLength;
  private final Sink sink;

  private final Line[] ring = new Line[RING];
  private int head;
  private int count;
  private boolean eof;

  RecordParser(LineScanner scanner, String source, Charset charset, NewsFormat format, Sink sink) {
    this.scanner = scanner;
    this.source = source;
    this.charset = charset;
    this.metadata = format.metadata();
    this.strict = format.strict();
    this.maxRecordLength = format.maxRecordLength();
    this.sink = sink;
    for (int i = 0; i < RING; i++) {
      ring[i] = new Line();
    }
  }

  /** Returns the next article, or null at the end of the source. */
  Article next() throws IOException {
    try {
      return readRecord();
    } catch (CharacterCodingException e) {
      // Only from the Reader-based path of non-ASCII-compatible charsets, in strict mode.
      long line = scanner.lineNumber() + 1;
      report(line, 1, Diagnostic.Kind.INVALID_ENCODING,
          "input is not valid " + charset.name() + " near line " + line + ": " + e, line, line);
      throw e;
    }
  }

  private Article readRecord() throws IOException {
    while (true) {
      Line x = peek(0);
      if (x == null) {
        return null;
      }
      if (x.tooLong) {
        reportTooLong(x, x.number);
        consume(1);
        continue;
      }
      if (isMetadata(x)) {
        report(x.number, x.column, Diagnostic.Kind.STRAY_LINE, "metadata line " + quote(x)
            + " outside a record; expected a title", x.number, x.number);
        consume(1);
        continue;
      }
      Line y = peek(1);
      if (y == null || !pairs(x, y)) {
        skipToNextPair(x, y);
        continue;
      }
      Article article = readPairedRecord(x, y);
      if (article != null) {
        return article;
      }
    }
  }

  /** Reads a record whose title pair is at ring positions 0 and 1; null if it was dropped. */
  private Article readPairedRecord(Line x, Line y) throws IOException {
    long titleLine = x.number;
    String title = text(x);
    if (!x.sameBytes(y)) {
      report(y.number, y.column, Diagnostic.Kind.TITLE_MISMATCH, "title repeat " + quote(y)
          + " differs from the title " + quote(x) + "; kept the first", y.number, y.number);
    }
    if (!y.blankBefore) {
      report(y.number, 1, Diagnostic.Kind.MISSING_BLANK_LINE,
          "expected a blank line between the title and its repeat", 0, 0);
    }
    Line b = peek(2);
    if (b == null || b.tooLong || isMetadata(b) || startsExactPair(2)) {
      dropRecordWithoutBody(x, y, b);
      return null;
    }
    if (!b.blankBefore) {
      report(b.number, 1, Diagnostic.Kind.MISSING_BLANK_LINE,
          "expected a blank line between the title repeat and the body", 0, 0);
    }
    long recordLength = (long) x.length + b.length;
    if (recordLength > maxRecordLength) {
      report(x.number, 1, Diagnostic.Kind.RECORD_TOO_LONG, "record " + quote(x) + " is "
          + recordLength + " bytes, more than maxRecordLength " + maxRecordLength + "; skipped",
          x.number, b.number);
      consume(3);
      return null;
    }
    String body = text(b);
    consume(3);
    body = joinContinuationLines(body, recordLength);

    LocalDate date = null;
    String category = null;
    boolean hadMetadata = false;
    Line m = peek(0);
    if (m != null && !m.tooLong) {
      MetadataParser.DateLine dateLine = metadata.parseDate(text(m));
      if (dateLine != null) {
        if (dateLine.date() == null) {
          report(m.number, m.column, Diagnostic.Kind.INVALID_DATE, "invalid date "
              + LineText.quote(dateLine.dateText()) + ": " + dateLine.error() + "; date left out",
              m.number, m.number);
        }
        date = dateLine.date();
        category = dateLine.category();
        hadMetadata = true;
        consume(1);
        m = peek(0);
      }
      if (m != null && !m.tooLong && MetadataParser.isReadMore(text(m))) {
        hadMetadata = true;
        consume(1);
        m = peek(0);
      }
    }
    if (!hadMetadata && m != null && !m.blankBefore) {
      report(m.number, 1, Diagnostic.Kind.MISSING_BLANK_LINE,
          "expected a blank line between the body and the next title", 0, 0);
    }
    return new Article(title, body, Optional.ofNullable(date), Optional.ofNullable(category),
        source, titleLine);
  }

  /** Joins body lines that follow the body without a blank line (MULTILINE_BODY). */
  private String joinContinuationLines(String body, long recordLength) throws IOException {
    Line c = peek(0);
    if (!continuesBody(c)) {
      return body;
    }
    long first = c.number;
    if (strict) {
      report(first, 1, Diagnostic.Kind.MULTILINE_BODY, "body continues on line " + first
          + "; expected one body line followed by a blank line", first, first);
    }
    StringBuilder joined = new StringBuilder(body);
    long length = recordLength;
    long last = first;
    long cutFrom = 0;
    do {
      if (cutFrom == 0 && length + 1 + c.length <= maxRecordLength) {
        joined.append(' ').append(text(c));
        length += 1 + c.length;
      } else if (cutFrom == 0) {
        cutFrom = c.number;
      }
      last = c.number;
      consume(1);
      c = peek(0);
    } while (continuesBody(c));
    report(first, 1, Diagnostic.Kind.MULTILINE_BODY, "body continues on lines " + first + "-"
        + last + "; joined with spaces", first, last);
    if (cutFrom != 0) {
      report(cutFrom, 1, Diagnostic.Kind.RECORD_TOO_LONG, "record is longer than maxRecordLength "
          + maxRecordLength + "; body lines " + cutFrom + "-" + last + " left out", cutFrom, last);
    }
    return joined.toString();
  }

  private boolean continuesBody(Line c) throws IOException {
    return c != null && !c.blankBefore && !c.tooLong && !isMetadata(c) && !startsExactPair(0);
  }

  /** Title pair without a body: drops it together with any metadata lines that follow. */
  private void dropRecordWithoutBody(Line x, Line y, Line b) throws IOException {
    if (b != null && b.tooLong) {
      reportTooLong(b, x.number);
      consume(3);
      return;
    }
    if (strict) {
      report(x.number, 1, Diagnostic.Kind.MISSING_BODY, "title " + quote(x)
          + " is not followed by a body line", x.number, y.number);
    }
    consume(2);
    long last = y.number;
    Line m = peek(0);
    while (m != null && !m.tooLong && isMetadata(m)) {
      last = m.number;
      consume(1);
      m = peek(0);
    }
    report(x.number, 1, Diagnostic.Kind.MISSING_BODY, "title " + quote(x)
        + " is not followed by a body line; skipped lines " + x.number + "-" + last,
        x.number, last);
  }

  /** The line at position 0 does not start a title pair: skip up to the next pair. */
  private void skipToNextPair(Line x, Line y) throws IOException {
    long first = x.number;
    String what = quote(x);
    String found = y == null ? "the end of input" : quote(y);
    consume(1);
    boolean single = y == null || y.tooLong || startsPair(0);
    if (strict) {
      report(first, 1, single ? Diagnostic.Kind.STRAY_LINE : Diagnostic.Kind.TITLE_NOT_REPEATED,
          "expected title " + what + " to be repeated, found " + found, first, first);
    }
    long last = first;
    Line z = peek(0);
    while (z != null && !z.tooLong && !startsPair(0)) {
      last = z.number;
      consume(1);
      z = peek(0);
    }
    if (single) {
      report(first, 1, Diagnostic.Kind.STRAY_LINE, "stray line " + what
          + " is not part of a record; skipped", first, last);
    } else {
      report(first, 1, Diagnostic.Kind.TITLE_NOT_REPEATED, "title " + what
          + " is not repeated (found " + found + "); skipped lines " + first + "-" + last
          + " up to the next title pair", first, last);
    }
  }

  private void reportTooLong(Line line, long firstLine) {
    report(line.number, 1, Diagnostic.Kind.LINE_TOO_LONG, "line is " + line.rawLength
        + " bytes, more than maxLineLength; skipped (starts with " + quote(line) + ")",
        firstLine, line.number);
  }

  /** Whether the lines at positions k and k+1 form a title pair (exact or near). */
  private boolean startsPair(int k) throws IOException {
    Line a = peek(k);
    Line b = peek(k + 1);
    return a != null && b != null && !a.tooLong && !isMetadata(a) && pairs(a, b);
  }

  /** Whether the lines at positions k and k+1 are equal non-metadata lines. */
  private boolean startsExactPair(int k) throws IOException {
    Line a = peek(k);
    Line b = peek(k + 1);
    return a != null && b != null && !a.tooLong && !b.tooLong && a.sameBytes(b)
        && !isMetadata(a);
  }

  /** Whether {@code y} repeats title {@code x}, exactly or nearly; {@code x} is a title line. */
  private boolean pairs(Line x, Line y) throws IOException {
    if (y.tooLong) {
      return false;
    }
    if (x.sameBytes(y)) {
      return true;
    }
    return nearlyEqual(text(x), text(y)) && !isMetadata(y);
  }

  /**
   * Near-equal titles: equal ignoring case and runs of spaces, or at most one edit per ten
   * characters (Levenshtein) apart.
   */
  static boolean nearlyEqual(String a, String b) {
    String na = normalize(a);
    String nb = normalize(b);
    if (na.equals(nb)) {
      return true;
    }
    int threshold = Math.min(na.length(), nb.length()) / 10;
    if (threshold == 0 || Math.abs(na.length() - nb.length()) > threshold) {
      return false;
    }
    return new LevenshteinDistance(threshold).apply(na, nb) >= 0;
  }

  private static String normalize(String s) {
    return s.replaceAll("[ \t]+", " ").toLowerCase(Locale.ROOT);
  }

  private boolean isMetadata(Line line) {
    return metadata.isMetadata(text(line));
  }

  /** Decodes a kept line once, reporting invalid bytes as INVALID_ENCODING. */
  private String text(Line line) {
    if (line.text == null) {
      line.text = new String(line.bytes, 0, line.length, charset);
      if (line.text.indexOf('\uFFFD') >= 0) {
        checkEncoding(line);
      }
    }
    return line.text;
  }

  /** The replacement character may be genuine; a reporting decoder tells. */
  private void checkEncoding(Line line) {
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(line.bytes, 0, line.length);
    CharBuffer out = CharBuffer.allocate(line.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int index = in.position();
      long offset = line.offset + index;
      int column = line.column + index;
      report(line.number, column, Diagnostic.Kind.INVALID_ENCODING, "invalid " + charset.name()
          + " byte sequence at byte offset " + offset + " (line " + line.number + ", byte column "
          + column + "); replaced with U+FFFD", line.number, line.number);
    }
  }

  private String quote(Line line) {
    String s = line.text != null ? line.text : new String(line.bytes, 0, line.length, charset);
    return LineText.quote(s);
  }

  private void report(long line, int column, Diagnostic.Kind kind, String message, long first,
      long last) {
    sink.report(new Diagnostic(source, line, column, kind, message, first, last));
  }

  private Line peek(int k) throws IOException {
    while (count <= k) {
      if (eof) {
        return null;
      }
      if (!scanner.next(ring[(head + count) % RING])) {
        eof = true;
        return null;
      }
      count++;
    }
    return ring[(head + k) % RING];
  }

  private void consume(int n) {
    head = (head + n) % RING;
    count -= n;
  }

  @Override
  public void close() throws IOException {
    scanner.close();
  }
}
