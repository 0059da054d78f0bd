package org.newsdesk.cli;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
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
import java.util.NoSuchElementException;
import org.newsdesk.core.Article;
import org.newsdesk.core.Diagnostic;
import org.newsdesk.core.NewsFormat;
import org.newsdesk.core.NewsParseException;

/**
 * Reads a one-record-per-line format ({@link LineFormats}) as articles, with the digest reader's
 * rules for bad input: each problem is a {@link Diagnostic} naming the source and line; strict mode
 * throws it as {@link NewsParseException}, lenient mode passes it to {@link
 * NewsFormat#onDiagnostic()} and skips the line. Blank lines are skipped silently.
 *
 * <p>Lines end with LF or CRLF. A leading UTF-8 byte-order mark is skipped. A line longer than
 * {@link NewsFormat#maxLineLength()} bytes is a problem and is skipped without being held in
 * memory. In charsets that write a line feed as the single byte 0x0A (UTF-8, ISO-8859-*, windows-*,
 * the East Asian multi-byte sets), lines are split in the bytes and bytes that are not valid in the
 * charset are a problem (the line is still read, with U+FFFD in their place, as digests are); in
 * other charsets (UTF-16, UTF-32) the text is decoded first and such bytes silently become U+FFFD.
 *
 * <p>Memory is bounded by one line; time is linear in the input.
 */
final class LineReader implements Iterator<Article>, Closeable {
  private final InputStream in;
  private final Reader chars;
  private final String source;
  private final NewsFormat format;
  private final LineFormats.LineParser parser;
  private final CharsetDecoder decoder;
  private final byte[] buffer = new byte[1 << 16];
  private int pos;
  private int limit;
  private boolean eof;
  private long lineNumber;
  private byte[] line = new byte[256];
  private int lineLength;
  private Article next;
  private boolean closed;

  LineReader(InputStream in, String source, NewsFormat format, InputFormat inputFormat) {
    this.source = source;
    this.format = format;
    this.parser = LineFormats.parser(inputFormat);
    Charset charset = format.charset();
    if (Arrays.equals("\n".getBytes(charset), new byte[] {'\n'})) {
      this.in = in;
      this.chars = null;
      this.decoder =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
    } else {
      this.in = in;
      this.chars = new BufferedReader(new InputStreamReader(in, charset));
      this.decoder = null;
    }
  }

  @Override
  public boolean hasNext() {
    if (closed) {
      return false;
    }
    try {
      while (next == null) {
        String text = chars == null ? nextByteLine() : nextCharLine();
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
        } catch (LineFormats.MultipleLabels e) {
          report(e);
          next = e.firstLabel; // reached only in lenient mode
        } catch (LineFormats.LineProblem e) {
          report(e);
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  private void report(LineFormats.LineProblem e) {
    report(new Diagnostic(source, lineNumber, e.column, e.kind, e.getMessage()));
  }

  /** Strict: throw. Lenient: pass on, and the caller skips the line. */
  /** The line just read was over the limit, counted in {@code unit}, and is skipped. */
  private void reportTooLong(String unit) {
    report(new Diagnostic(source, lineNumber, 1, Diagnostic.Kind.LINE_TOO_LONG,
        "line longer than " + format.maxLineLength() + " " + unit + "; skipped"));
  }

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
      if (eof && pos == limit) {
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
        while (pos < limit && buffer[pos] != '\n') {
          pos++;
        }
        int n = pos - start;
        if (pos < limit) {
          pos++; // the line feed
          ended = true;
        }
        if (!tooLong) {
          if ((long) lineLength + n > format.maxLineLength()) {
            tooLong = true; // keep reading to the line feed, but keep nothing
          } else {
            append(start, n);
          }
        }
      }
      if (!ended && lineLength == 0 && !tooLong) {
        return null; // nothing after the last line feed
      }
      if (tooLong) {
        reportTooLong("bytes");
        continue;
      }
      int length = lineLength;
      if (length > 0 && line[length - 1] == '\r') {
        length--;
      }
      return decode(length);
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
      report(
          new Diagnostic(
              source,
              lineNumber,
              column,
              Diagnostic.Kind.INVALID_ENCODING,
              "invalid "
                  + decoder.charset().name()
                  + " byte sequence at byte column "
                  + column
                  + "; replaced with U+FFFD"));
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

  /** The 0-based offset of the first byte that does not decode (binary search on prefixes). */
  private int firstBadByte(int length) {
    CharsetDecoder d =
        decoder
            .charset()
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
    CharBuffer out = CharBuffer.allocate(length * 2 + 16);
    CoderResult r = d.decode(bytes, out, true);
    return r.isError() ? bytes.position() : 0;
  }

  // ---- lines in decoded text (charsets that do not write a line feed as one byte)

  private String nextCharLine() throws IOException {
    while (true) {
      StringBuilder s = new StringBuilder();
      boolean tooLong = false;
      int c;
      while ((c = chars.read()) != -1 && c != '\n') {
        if (!tooLong) {
          if (s.length() >= format.maxLineLength()) {
            tooLong = true;
            s.setLength(0);
          } else {
            s.append((char) c);
          }
        }
      }
      if (c == -1 && s.length() == 0 && !tooLong) {
        return null;
      }
      lineNumber++;
      if (tooLong) {
        reportTooLong("characters");
        continue;
      }
      if (s.length() > 0 && s.charAt(s.length() - 1) == '\r') {
        s.setLength(s.length() - 1);
      }
      return s.toString();
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    next = null;
    try {
      if (chars != null) {
        chars.close();
      } else {
        in.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
