package org.newsdesk.cli;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.newsdesk.core.Article;
import org.newsdesk.core.Diagnostic;
import org.newsdesk.core.NewsFormat;
import org.newsdesk.core.NewsParseException;
import org.newsdesk.core.NewsReader;

/**
 * Reads a one-record-per-line format ({@link LineFormats}) as articles, with the digest reader's
 * rules for bad input: each problem is a {@link Diagnostic} naming the source and line; strict mode
 * throws it as {@link NewsParseException}, lenient mode passes it to {@link
 * NewsFormat#onDiagnostic()} and skips the line (or, for a problem that leaves a usable record,
 * keeps it). Blank lines are skipped silently.
 *
 * <p>Lines end with LF, CR or CRLF, as in digests. A leading byte-order mark of the charset is
 * skipped; input that starts with a UTF-16 or UTF-32 byte-order mark while the charset is neither
 * is handed to the digest reader, which reports it exactly as it does for digests (no articles).
 * A line longer than {@link NewsFormat#maxLineLength()} bytes (characters, in decoded text) is a
 * problem and is skipped without being held in memory. In charsets that write CR and LF as the
 * single bytes 0x0D and 0x0A (UTF-8, ISO-8859-*, windows-*, the East Asian multi-byte sets), lines
 * are split in the bytes; in the others (UTF-16, UTF-32, and charsets that can only decode, such as
 * x-JISAutoDetect) the text is decoded first. Either way, input that is not valid in the charset
 * is a problem at its line (lenient mode reads the line with U+FFFD in its place, as digests do).
 *
 * <p>Memory is bounded by one line; time is linear in the input.
 */
final class LineReader implements Iterator<Article>, Closeable {
  private static final int END = -1;
  private static final int MALFORMED = -2;

  private final InputStream in;
  private final String source;
  private final NewsFormat format;
  private final LineFormats.LineParser parser;
  private final CharsetDecoder decoder;
  private final boolean linesInBytes;
  private boolean started;
  private Iterator<Article> digest;
  private NewsReader digestReader;
  private long lineNumber;
  private boolean skipLf;
  private Article next;
  private boolean closed;

  // lines in the bytes
  private final byte[] buffer;
  private int pos;
  private int limit;
  private boolean eof;
  private byte[] line = new byte[256];
  private int lineLength;

  // lines in decoded text
  private final ByteBuffer undecoded;
  private final CharBuffer decoded;
  private boolean bytesEnded;
  private boolean flushing;
  private boolean decodeDone;
  private boolean malformedPending;

  LineReader(InputStream in, String source, NewsFormat format, InputFormat inputFormat) {
    this.in = in;
    this.source = source;
    this.format = format;
    this.parser = LineFormats.parser(inputFormat);
    Charset charset = format.charset();
    this.decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    this.linesInBytes = breaksAreSingleBytes(charset);
    if (linesInBytes) {
      buffer = new byte[1 << 16];
      undecoded = null;
      decoded = null;
    } else {
      buffer = null;
      undecoded = ByteBuffer.allocate(1 << 14).flip();
      decoded = CharBuffer.allocate(1 << 14).flip();
    }
  }

  /** Whether CR and LF are the single bytes 0x0D and 0x0A; false for decode-only charsets. */
  private static boolean breaksAreSingleBytes(Charset charset) {
    return charset.canEncode()
        && Arrays.equals("\n".getBytes(charset), new byte[] {'\n'})
        && Arrays.equals("\r".getBytes(charset), new byte[] {'\r'});
  }

  @Override
  public boolean hasNext() {
    if (closed) {
      return false;
    }
    try {
      if (!started) {
        started = true;
        checkForeignByteOrderMark();
      }
      if (digest != null) {
        if (next == null && digest.hasNext()) {
          next = digest.next();
        }
        return next != null;
      }
      while (next == null) {
        String text = linesInBytes ? nextByteLine() : nextCharLine();
        if (text == null) {
          return false;
        }
        if (lineNumber == 1 && text.startsWith("\uFEFF")) {
          text = text.substring(1);
        }
        if (text.isBlank()) {
          continue;
        }
        try {
          next = parser.parse(text, source, lineNumber);
        } catch (LineFormats.LineProblem e) {
          report(e);
          next = e.kept; // reached only in lenient mode; null if the line gives no article
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(located(e));
    }
  }

  /**
   * A read error of this input, its message starting with the input's name: the operating
   * system's ({@code Input/output error}, {@code Is a directory}) says nothing of which input.
   */
  private IOException located(IOException e) {
    String message = e.getMessage();
    // a subclass (FileNotFoundException, a FileSystemException) names its file, and callers may
    // tell by its type what happened (a file gone, say): only the bare operating-system kind
    if (e.getClass() != IOException.class
        || (message != null && message.startsWith(source + ": "))) {
      return e;
    }
    return new IOException(
        source + ": " + (message == null ? e.getClass().getSimpleName() : message), e);
  }

  @Override
  public Article next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Article a = next;
    next = null;
    return a;
  }

  /**
   * Input in UTF-16 or UTF-32 (by its byte-order mark) read with another charset is garbage
   * line by line. The digest reader already knows how to report it (strict: an error; lenient: one
   * diagnostic accounting for every line, no articles), so such input goes to it whole.
   *
   * <p>It reads only while the bytes so far could still begin a mark, so that a short first line
   * from a slow producer (a terminal, {@code tail -f}) is not held back waiting for four bytes:
   * input that does not start with 0xFF, 0xFE or 0x00 is decided by its first byte.
   */
  private void checkForeignByteOrderMark() throws IOException {
    String charset = format.charset().name().toUpperCase(Locale.ROOT);
    if (charset.contains("UTF-16") || charset.contains("UTF-32")) {
      return;
    }
    byte[] head = new byte[MARK_PREFIX];
    int n = readMarkHead(in, head);
    if (startsWithUtf16Or32Mark(head, n)) {
      InputStream whole = new SequenceInputStream(new ByteArrayInputStream(head, 0, n), in);
      digestReader = NewsReader.open(whole, source, format);
      digest = digestReader.iterator();
    } else if (linesInBytes) {
      System.arraycopy(head, 0, buffer, 0, n);
      pos = 0;
      limit = n;
    } else {
      undecoded.clear();
      undecoded.put(head, 0, n);
      undecoded.flip();
    }
  }

  /** The UTF-16 and UTF-32 byte-order marks the digest reader reports in another charset. */
  private static final byte[][] MARKS = {
    {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xFE, (byte) 0xFF}, {0, 0, (byte) 0xFE, (byte) 0xFF}
  };

  /** The most bytes that decide whether input starts with one of {@link #MARKS}. */
  static final int MARK_PREFIX = 4;

  /**
   * Reads the first bytes of {@code in} into {@code head} (at least {@link #MARK_PREFIX} long):
   * as few as decide whether the input starts with one of {@link #MARKS}, one at a time.
   *
   * @return how many bytes were read: 0 for empty input, 1 for most
   */
  static int readMarkHead(InputStream in, byte[] head) throws IOException {
    int n = 0;
    while (n < MARK_PREFIX && couldBecomeMark(head, n)) {
      // one byte at a time: InputStream's own read(byte[], ...) waits to fill what it is given
      int b = in.read();
      if (b < 0) {
        break;
      }
      head[n++] = (byte) b;
    }
    return n;
  }

  /**
   * Whether {@code head[0, n)} is a proper beginning of one of {@link #MARKS}: only then can more
   * bytes change whether the input starts with one.
   */
  private static boolean couldBecomeMark(byte[] head, int n) {
    for (byte[] mark : MARKS) {
      if (n < mark.length && Arrays.equals(head, 0, n, mark, 0, n)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code head[0, n)} starts with a UTF-16 or UTF-32 byte-order mark (FF FE, FE FF, or
   * 00 00 FE FF), the marks the digest reader reports when the charset is another.
   */
  static boolean startsWithUtf16Or32Mark(byte[] head, int n) {
    for (byte[] mark : MARKS) {
      if (n >= mark.length && Arrays.equals(head, 0, mark.length, mark, 0, mark.length)) {
        return true;
      }
    }
    return false;
  }

  private void report(LineFormats.LineProblem e) {
    report(new Diagnostic(source, lineNumber, e.column, e.kind, e.getMessage()));
  }

  /** The line just read was over the limit, counted in {@code unit}, and is skipped. */
  private void reportTooLong(String unit) {
    report(new Diagnostic(source, lineNumber, 1, Diagnostic.Kind.LINE_TOO_LONG,
        "line longer than " + format.maxLineLength() + " " + unit + "; skipped"));
  }

  /** Input at {@code column} of the current line is not valid in the charset. */
  private void reportInvalid(int column, String what) {
    report(new Diagnostic(source, lineNumber, column, Diagnostic.Kind.INVALID_ENCODING,
        format.strict() ? what : what + "; replaced with U+FFFD"));
  }

  /** Strict: throw. Lenient: pass on, and the caller skips the line. */
  private void report(Diagnostic d) {
    format.onDiagnostic().accept(d);
    if (format.strict()) {
      throw new NewsParseException(d);
    }
  }

  // ---- lines in the bytes

  /** The next line decoded, or null at the end; a line too long or badly encoded is reported. */
  private String nextByteLine() throws IOException {
    while (true) {
      if (skipLf) { // the line before ended with CR: a LF right after it belongs to it
        skipLf = false;
        if ((pos < limit || fill()) && buffer[pos] == '\n') {
          pos++;
        }
      }
      if (pos == limit && !fill()) {
        return null;
      }
      lineNumber++;
      lineLength = 0;
      boolean tooLong = false;
      boolean ended = false;
      while (!ended) {
        if (pos == limit && !fill()) {
          break;
        }
        int start = pos;
        while (pos < limit && buffer[pos] != '\n' && buffer[pos] != '\r') {
          pos++;
        }
        int n = pos - start;
        if (pos < limit) {
          skipLf = buffer[pos] == '\r';
          pos++; // the line break
          ended = true;
        }
        if (!tooLong) {
          if ((long) lineLength + n > format.maxLineLength()) {
            tooLong = true; // keep reading to the line break, but keep nothing
          } else {
            append(start, n);
          }
        }
      }
      if (tooLong) {
        reportTooLong("bytes");
        continue;
      }
      return decode(lineLength);
    }
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      eof = true;
      pos = limit = 0;
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }

  private void append(int start, int n) {
    if (lineLength + n > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + n));
    }
    System.arraycopy(buffer, start, line, lineLength, n);
    lineLength += n;
  }

  private String decode(int length) {
    ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
    if (decoder.charset().equals(StandardCharsets.UTF_8) && isAscii(length)) {
      return new String(line, 0, length, StandardCharsets.ISO_8859_1);
    }
    try {
      CharBuffer chars = decoder.reset().decode(bytes);
      return chars.toString();
    } catch (CharacterCodingException e) {
      int column = firstBadByte(length) + 1;
      reportInvalid(
          column,
          "invalid " + decoder.charset().name() + " byte sequence at byte column " + column);
      return new String(line, 0, length, decoder.charset());
    }
  }

  private boolean isAscii(int length) {
    for (int i = 0; i < length; i++) {
      if (line[i] < 0) {
        return false;
      }
    }
    return true;
  }

  /** The 0-based offset of the first byte that does not decode. */
  private int firstBadByte(int length) {
    ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
    CharBuffer out = CharBuffer.allocate(length * 2 + 16);
    CoderResult r = decoder.reset().decode(bytes, out, true);
    return r.isError() ? bytes.position() : 0;
  }

  // ---- lines in decoded text (charsets whose line breaks are not the bytes 0x0D and 0x0A)

  private String nextCharLine() throws IOException {
    while (true) {
      int c = read();
      if (skipLf) {
        skipLf = false;
        if (c == '\n') {
          c = read();
        }
      }
      if (c == END) {
        return null;
      }
      lineNumber++;
      StringBuilder s = new StringBuilder();
      boolean tooLong = false;
      int malformedAt = 0;
      for (; c != END && c != '\n' && c != '\r'; c = read()) {
        if (tooLong) {
          continue;
        }
        if (s.length() >= format.maxLineLength()) {
          tooLong = true;
          s = new StringBuilder();
        } else if (c == MALFORMED) {
          malformedAt = malformedAt == 0 ? s.length() + 1 : malformedAt;
          s.append('\uFFFD');
        } else {
          s.append((char) c);
        }
      }
      skipLf = c == '\r';
      if (tooLong) {
        reportTooLong("characters");
        continue;
      }
      if (malformedAt > 0) {
        reportInvalid(
            malformedAt,
            "input that is not valid " + decoder.charset().name() + " at column " + malformedAt);
      }
      return s.toString();
    }
  }

  /** The next decoded character, {@link #MALFORMED} for input that does not decode, or END. */
  private int read() throws IOException {
    while (true) {
      if (decoded.hasRemaining()) {
        return decoded.get();
      }
      if (malformedPending) {
        malformedPending = false;
        return MALFORMED;
      }
      if (decodeDone) {
        return END;
      }
      decodeMore();
    }
  }

  /** Decodes some characters, or stops at input that does not decode, or at the end. */
  private void decodeMore() throws IOException {
    decoded.clear();
    try {
      while (decoded.position() == 0 && !malformedPending && !decodeDone) {
        if (flushing) {
          if (decoder.flush(decoded).isOverflow()) {
            return;
          }
          decodeDone = true;
          return;
        }
        CoderResult r = decoder.decode(undecoded, decoded, bytesEnded);
        if (r.isError()) {
          undecoded.position(undecoded.position() + malformedLength(r));
          malformedPending = true;
        } else if (r.isOverflow() || decoded.position() > 0) {
          return; // characters to hand out: more input is read only when they are used up
        } else if (bytesEnded) {
          flushing = true;
        } else {
          readBytes();
        }
      }
    } finally {
      decoded.flip();
    }
  }

  /**
   * How many bytes a decoding error skips. The JDK's UTF-16 decoders report a high surrogate
   * followed by something else as 4 bytes long, which would swallow that next character (a line
   * break, say); only the surrogate's 2 bytes are bad.
   */
  private int malformedLength(CoderResult r) {
    boolean utf16 = decoder.charset().name().toUpperCase(Locale.ROOT).contains("UTF-16");
    return utf16 && r.isMalformed() && r.length() == 4 ? 2 : r.length();
  }

  private void readBytes() throws IOException {
    undecoded.compact();
    int n =
        in.read(
            undecoded.array(),
            undecoded.arrayOffset() + undecoded.position(),
            undecoded.remaining());
    if (n < 0) {
      bytesEnded = true;
    } else {
      undecoded.position(undecoded.position() + n);
    }
    undecoded.flip();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    next = null;
    try {
      if (digestReader != null) {
        digestReader.close();
      } else {
        in.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
