package org.newsdesk.core;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
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

  /**
   * The most Levenshtein edits a near title pair may have, whatever its length: it keeps the
   * comparison linear in the line length (docs/FORMAT.md, section 3).
   */
  static final int MAX_EDITS = 10;

  private final LineScanner scanner;
  private final String source;
  private final Charset charset;
  private final String transcodedFrom;
  private final MetadataParser metadata;
  private final boolean strict;
  private final int maxRecordLength;
  private final Sink sink;
  /** Looks for UTF-16/32 input (by its mark or its pattern) before the first line; or null. */
  private BomSniffer bomSniffer;

  private final Line[] ring = new Line[RING];
  private int head;
  private int count;
  private boolean eof;
  /** A problem between this record and the next, reported once the record has been returned. */
  private Diagnostic pending;
  /** Records whose first line starts at or after this byte offset are not read. */
  private long end = Long.MAX_VALUE;
  /** Whether the end of the source (or of its range) has been reached. */
  private boolean ended;

  /** The name of the input, as diagnostics give it. */
  String source() {
    return source;
  }

  /**
   * Creates a parser.
   *
   * @param charset the charset of the scanned bytes
   * @param transcodedFrom null for direct byte input, else what was re-encoded as UTF-8 (for
   *     messages: positions then refer to the re-encoding)
   */
  RecordParser(LineScanner scanner, String source, Charset charset, String transcodedFrom,
      NewsFormat format, Sink sink) {
    this.scanner = scanner;
    this.source = source;
    this.charset = charset;
    this.transcodedFrom = transcodedFrom;
    this.metadata = format.metadata();
    this.strict = format.strict();
    this.maxRecordLength = format.maxRecordLength();
    this.sink = sink;
    for (int i = 0; i < RING; i++) {
      ring[i] = new Line();
    }
  }

  /**
   * Makes the parser check, before the first line, whether the bytes start with a UTF-16 or
   * UTF-32 byte order mark (or like UTF-16 text without one, if the sniffer looks for that), and
   * report such input instead of reading it.
   */
  void checkForeignBom(BomSniffer sniffer) {
    this.bomSniffer = sniffer;
  }

  /**
   * Makes the parser stop before the first record (or skipped line) whose first line starts at
   * or after byte offset {@code end}, a record boundary (see {@link RecordBoundary}).
   */
  void stopAt(long end) {
    this.end = end;
  }

  /** Returns the next article, or null at the end of the source. */
  Article next() throws IOException {
    Article article;
    do {
      article = nextUnit();
    } while (article == null && !ended);
    return article;
  }

  /**
   * Reads one unit of input (docs/FORMAT.md section 6): a record (kept or dropped), a run of
   * skipped lines, or a single stray, metadata or over-long line, and reports its diagnostics.
   * Returns its article, or null if the unit gave none or the source has ended ({@link #ended()}
   * tells which).
   */
  Article nextUnit() throws IOException {
    if (bomSniffer != null) {
      BomSniffer sniffer = bomSniffer;
      bomSniffer = null;
      String encoding = sniffer.foreignEncoding();
      if (encoding != null) {
        skipForeignEncoding(sniffer, encoding);
        ended = true;
        return null;
      }
    }
    if (pending != null) {
      Diagnostic diagnostic = pending;
      pending = null;
      sink.report(diagnostic);
    }
    Line x = peek(0);
    if (x == null || x.start >= end) {
      ended = true;
      return null;
    }
    if (x.tooLong) {
      reportTooLong(x);
      consume(1);
      return null;
    }
    if (isMetadata(x)) {
      report(x.number, x.column, Diagnostic.Kind.STRAY_LINE, "metadata line " + quote(x)
          + " outside a record; expected a title", x.number, x.number);
      consume(1);
      return null;
    }
    Line y = peek(1);
    if (y == null || !pairs(x, y)) {
      skipToNextPair(x, y);
      return null;
    }
    return readPairedRecord(x, y);
  }

  /** Whether the source has ended: {@link #nextUnit()} returned null for that reason. */
  boolean ended() {
    return ended;
  }

  /** Reads a record whose title pair is at ring positions 0 and 1; null if it was dropped. */
  private Article readPairedRecord(Line x, Line y) throws IOException {
    long titleLine = x.number;
    String title = keep(x);
    if (!x.sameBytes(y)) {
      report(y.number, y.column, Diagnostic.Kind.TITLE_MISMATCH, "title repeat " + quote(y)
          + " differs from the title " + quote(x) + "; kept the first", y.number, y.number);
    }
    if (!y.blankBefore) {
      report(y.number, 1, Diagnostic.Kind.MISSING_BLANK_LINE,
          "expected a blank line between the title and its repeat", 0, 0);
    }
    Line b = peek(2);
    if (b != null && b.tooLong) {
      dropRecord(Diagnostic.Kind.LINE_TOO_LONG, b.number, tooLongMessage(b), x.number, 3);
      return null;
    }
    if (b == null || isMetadata(b) || startsExactPair(2)) {
      dropRecord(Diagnostic.Kind.MISSING_BODY, x.number, "title " + quote(x)
          + " is not followed by a body line", x.number, 2);
      return null;
    }
    if (!b.blankBefore) {
      report(b.number, 1, Diagnostic.Kind.MISSING_BLANK_LINE,
          "expected a blank line between the title repeat and the body", 0, 0);
    }
    long recordLength = (long) x.length + b.length;
    if (recordLength > maxRecordLength) {
      dropRecord(Diagnostic.Kind.RECORD_TOO_LONG, x.number, "record " + quote(x) + " is "
          + recordLength + " bytes, more than maxRecordLength " + maxRecordLength, x.number, 3);
      return null;
    }
    String body = keep(b);
    consume(3);
    body = joinContinuationLines(body, recordLength);

    LocalDate date = null;
    String category = null;
    boolean hadMetadata = false;
    Line m = peek(0);
    if (m != null && !m.tooLong) {
      MetadataParser.DateLine dateLine = classify(m) == Line.META_DATE ? m.dateLine : null;
      if (dateLine != null) {
        keep(m);
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
      if (m != null && !m.tooLong && classify(m) == Line.META_READ_MORE) {
        hadMetadata = true;
        consume(1);
        m = peek(0);
      }
    }
    if (!hadMetadata && m != null && !m.blankBefore && !m.tooLong) {
      pending = new Diagnostic(source, m.number, 1, Diagnostic.Kind.MISSING_BLANK_LINE,
          "expected a blank line between the body and the next title");
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
    // Invalid bytes in joined lines are reported after MULTILINE_BODY, as strict mode sees it.
    Diagnostic badBytes = null;
    long lastBad = 0;
    int badLines = 0;
    do {
      if (cutFrom == 0 && length + 1 + c.length <= maxRecordLength) {
        joined.append(' ').append(text(c));
        length += 1 + c.length;
        if (c.malformedAt >= 0) {
          badLines++;
          lastBad = c.number;
          if (badBytes == null) {
            badBytes = encodingDiagnostic(c);
          }
        }
      } else if (cutFrom == 0) {
        cutFrom = c.number;
      }
      last = c.number;
      consume(1);
      c = peek(0);
    } while (continuesBody(c));
    String lines = first == last ? "line " + first : "lines " + first + "-" + last;
    report(first, 1, Diagnostic.Kind.MULTILINE_BODY, "body continues on " + lines
        + "; joined with spaces", first, last);
    if (badBytes != null) {
      String more = badLines > 1 ? " (and in " + (badLines - 1) + " more joined lines)" : "";
      report(badBytes.line(), badBytes.column(), badBytes.kind(), badBytes.message() + more,
          badBytes.firstLine(), lastBad);
    }
    if (cutFrom != 0) {
      report(cutFrom, 1, Diagnostic.Kind.RECORD_TOO_LONG, "record is longer than maxRecordLength "
          + maxRecordLength + "; body lines " + cutFrom + "-" + last + " left out", cutFrom, last);
    }
    return joined.toString();
  }

  private boolean continuesBody(Line c) throws IOException {
    return c != null && !c.blankBefore && !c.tooLong && !isMetadata(c) && !startsExactPair(0);
  }

  /**
   * Drops the record whose first {@code lines} lines are at the front of the ring, together with
   * any metadata lines that follow it, in one diagnostic.
   */
  private void dropRecord(Diagnostic.Kind kind, long line, String message, long first, int lines)
      throws IOException {
    long last = peek(lines - 1).number;
    if (strict) {
      report(line, 1, kind, message, first, last);
    }
    consume(lines);
    Line m = peek(0);
    while (m != null && !m.tooLong && isMetadata(m)) {
      last = m.number;
      consume(1);
      m = peek(0);
    }
    report(line, 1, kind, message + "; skipped lines " + first + "-" + last, first, last);
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

  /** Input in UTF-16/32 read with another charset: report it, and in lenient mode skip it all. */
  private void skipForeignEncoding(BomSniffer sniffer, String encoding) throws IOException {
    String readAs = transcodedFrom != null ? transcodedFrom : charset.name();
    // With a mark, the family's charset ("UTF-16") reads the mark; without one, only the
    // charset of the right byte order reads the text ("UTF-16" alone assumes big-endian).
    String message = sniffer.marked()
        ? "input starts with a " + encoding + " byte-order mark ("
            + BomSniffer.markBytes(encoding) + ") but is read as " + readAs
            + "; read it with charset " + encoding.substring(0, 6)
        : "input starts like " + encoding + " text without a byte-order mark ("
            + sniffer.headBytes() + ") but is read as " + readAs + "; read it with charset "
            + encoding;
    if (strict) {
      report(1, 1, Diagnostic.Kind.INVALID_ENCODING, message, 1, 1);
    }
    long last = 1;
    for (Line x = peek(0); x != null; x = peek(0)) {
      last = x.number;
      consume(1);
    }
    report(1, 1, Diagnostic.Kind.INVALID_ENCODING, message + "; skipped lines 1-" + last, 1,
        last);
  }

  private void reportTooLong(Line line) {
    report(line.number, 1, Diagnostic.Kind.LINE_TOO_LONG, tooLongMessage(line) + "; skipped",
        line.number, line.number);
  }

  private String tooLongMessage(Line line) {
    return "line is " + line.rawLength + " bytes, more than maxLineLength (starts with "
        + quote(line) + ")";
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
   * Near-equal titles (docs/FORMAT.md, section 3): equal ignoring case and runs of spaces, or at
   * most {@code min(n / 20, MAX_EDITS)} Levenshtein edits apart, where {@code n} is the shorter
   * normalised length. Linear in the length of the lines: the common prefix and suffix are
   * skipped (they do not change the distance), and commons-text's banded Levenshtein costs
   * {@code O(m * k)} on the {@code m} characters left, with {@code k <= MAX_EDITS}.
   */
  static boolean nearlyEqual(String a, String b) {
    String na = normalize(a);
    String nb = normalize(b);
    if (na.equals(nb)) {
      return true;
    }
    int threshold = Math.min(Math.min(na.length(), nb.length()) / 20, MAX_EDITS);
    if (threshold == 0 || Math.abs(na.length() - nb.length()) > threshold) {
      return false;
    }
    int start = 0;
    int endA = na.length();
    int endB = nb.length();
    while (start < endA && start < endB && na.charAt(start) == nb.charAt(start)) {
      start++;
    }
    while (endA > start && endB > start && na.charAt(endA - 1) == nb.charAt(endB - 1)) {
      endA--;
      endB--;
    }
    if (endA == start || endB == start) {
      return true; // only insertions or deletions are left: the length check bounded them
    }
    return new LevenshteinDistance(threshold)
        .apply(na.subSequence(start, endA), nb.subSequence(start, endB)) >= 0;
  }

  /** Lower-cases ({@link Locale#ROOT}) and collapses runs of spaces and tabs to one space. */
  static String normalize(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (LineText.isSpace(c) && (c == '\t' || (i + 1 < s.length()
          && LineText.isSpace(s.charAt(i + 1))))) {
        if (out == null) {
          out = new StringBuilder(s.length()).append(s, 0, i);
        }
        out.append(' ');
        while (i + 1 < s.length() && LineText.isSpace(s.charAt(i + 1))) {
          i++;
        }
      } else if (out != null) {
        out.append(c);
      }
    }
    return (out == null ? s : out.toString()).toLowerCase(Locale.ROOT);
  }

  private boolean isMetadata(Line line) {
    return classify(line) != Line.META_NONE;
  }

  /** Classifies a line as metadata or not, once per line. */
  private byte classify(Line line) {
    if (line.meta == Line.META_UNKNOWN) {
      String text = text(line);
      if (MetadataParser.isReadMore(text)) {
        line.meta = Line.META_READ_MORE;
      } else {
        line.dateLine = metadata.parseDate(text);
        line.meta = line.dateLine != null ? Line.META_DATE : Line.META_NONE;
      }
    }
    return line.meta;
  }

  /** Decodes a line once; malformed bytes become U+FFFD and are noted in the line. */
  private String text(Line line) {
    if (line.text == null) {
      line.text = new String(line.bytes, 0, line.length, charset);
      if (line.text.indexOf('\uFFFD') >= 0) {
        line.malformedAt = findMalformed(line);
      }
    }
    return line.text;
  }

  /**
   * Decodes a line whose text goes into an article, reporting malformed bytes. Reporting here,
   * not in {@link #text}, keeps diagnostics in line order although lines are decoded ahead.
   */
  private String keep(Line line) {
    String text = text(line);
    if (line.malformedAt >= 0) {
      sink.report(encodingDiagnostic(line));
    }
    return text;
  }

  private Diagnostic encodingDiagnostic(Line line) {
    long offset = line.offset + line.malformedAt;
    int column = line.column + line.malformedAt;
    String what = transcodedFrom == null
        ? "invalid " + charset.name() + " byte sequence at byte offset " + offset + " (line "
            + line.number + ", byte column " + column + ")"
        : "input that is not valid " + transcodedFrom + " (line " + line.number + ", byte column "
            + column + " of its UTF-8 re-encoding)";
    return new Diagnostic(source, line.number, column, Diagnostic.Kind.INVALID_ENCODING,
        strict ? what : what + "; replaced with U+FFFD", line.number, line.number);
  }

  /** The replacement character may be genuine; a reporting decoder tells. */
  private int findMalformed(Line line) {
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(line.bytes, 0, line.length);
    CharBuffer out = CharBuffer.allocate(line.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    return result.isError() ? in.position() : -1;
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

  /** The input the scanner reads: closing it is closing this parser, without its buffers. */
  Closeable input() {
    return scanner.input();
  }

  @Override
  public void close() throws IOException {
    scanner.close();
  }
}
