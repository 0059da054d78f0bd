package org.newsdesk.core;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Splits bytes into lines for an ASCII-compatible encoding: finds LF, CR and CRLF breaks in a
 * large reusable buffer, skips blank lines without allocating, and copies each non-blank line,
 * trimmed of spaces and tabs, into a {@link Line} slot. Lines longer than the limit are skipped
 * in constant memory and returned with only a prefix.
 */
final class LineScanner implements Closeable {

  private static final int DEFAULT_BUFFER = 1 << 18;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final int PREFIX = 240;
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  private final InputStream in;
  private final int maxLineLength;
  private byte[] buf;
  private int pos;
  private int limit;
  /** Absolute offset of {@code buf[0]}. */
  private long base;
  private boolean eof;
  /** The previous line ended with CR, so a LF that follows belongs to it. */
  private boolean skipLf;
  private long lineNumber;
  /** Whether a UTF-8 byte order mark at the start still has to be looked for. */
  private boolean bomPending;

  // The raw line found by nextRawLine(): [lineStart, lineEnd) in buf, unless overLong.
  private int lineStart;
  private int lineEnd;
  private boolean overLong;
  private long overLongLength;
  private final byte[] prefix = new byte[PREFIX];
  private int prefixLength;
  private long overLongOffset;

  /** Reads nothing yet, so that opening never blocks or fails; the first line does. */
  LineScanner(InputStream in, int maxLineLength, long sizeHint, boolean skipUtf8Bom) {
    this(in, maxLineLength, sizeHint, skipUtf8Bom, 0, 0);
  }

  /**
   * Scans input that starts at byte {@code offset} of a larger digest, after {@code linesBefore}
   * lines, so that offsets and line numbers are those of the whole digest.
   */
  LineScanner(InputStream in, int maxLineLength, long sizeHint, boolean skipUtf8Bom, long offset,
      long linesBefore) {
    this.in = in;
    this.base = offset;
    this.lineNumber = linesBefore;
    this.maxLineLength = maxLineLength;
    long size = sizeHint > 0 ? Math.min(DEFAULT_BUFFER, sizeHint + 1) : DEFAULT_BUFFER;
    this.buf = new byte[(int) Math.max(size, 64)];
    this.bomPending = skipUtf8Bom;
  }

  private void skipBom() throws IOException {
    bomPending = false;
    while (limit < 3 && !eof) {
      fill();
    }
    if (limit >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
      pos = 3;
    }
  }

  /** Number of lines read so far, blank ones included. */
  long lineNumber() {
    return lineNumber;
  }

  /**
   * Reads the next non-blank (or over-long) line into {@code out}.
   *
   * @return false at the end of input
   */
  boolean next(Line out) throws IOException {
    return next(out, Long.MAX_VALUE);
  }

  /**
   * Reads the next non-blank (or over-long) line into {@code out}, unless it starts after byte
   * offset {@code bound}: then stops at the first raw line (blank or not) that starts after
   * {@code bound}, without reading it.
   *
   * @return false at the end of input, or if the next non-blank line starts after the bound
   */
  boolean next(Line out, long bound) throws IOException {
    boolean blankBefore = false;
    while (rawLineStartsBy(bound) && nextRawLine()) {
      if (overLong) {
        out.set(lineNumber, overLongOffset, overLongOffset, 1, blankBefore, prefix, 0,
            prefixLength);
        out.tooLong = true;
        out.rawLength = overLongLength;
        return true;
      }
      int s = lineStart;
      int e = lineEnd;
      while (s < e && LineText.isSpace(buf[s])) {
        s++;
      }
      if (s == e) {
        blankBefore = true;
        continue;
      }
      while (LineText.isSpace(buf[e - 1])) {
        e--;
      }
      out.set(lineNumber, base + lineStart, base + s, s - lineStart + 1, blankBefore, buf, s,
          e - s);
      return true;
    }
    return false;
  }

  /**
   * Skips the rest of the current raw line, blank or not, up to and including its line break,
   * if that break starts before byte offset {@code bound}. Looks at no byte past the bound
   * (reading at most one buffer beyond it), and keeps none of the skipped bytes, so the buffer
   * does not grow however long the line is.
   *
   * @return false if no line break starts before the bound (or the input ends first)
   */
  boolean skipRawLine(long bound) throws IOException {
    if (bomPending) {
      skipBom();
    }
    finishBreak();
    while (true) {
      int to = (int) Math.min(limit, Math.max(pos, bound - base));
      int i = indexOfBreak(buf, pos, to);
      if (i >= 0) {
        skipLf = buf[i] == '\r';
        pos = i + 1;
        lineNumber++;
        return true;
      }
      pos = to;
      if (to < limit || eof) {
        return false;
      }
      fill();
    }
  }

  /** Whether the next raw line starts at or before byte offset {@code bound}. */
  private boolean rawLineStartsBy(long bound) throws IOException {
    if (bound == Long.MAX_VALUE) {
      return true;
    }
    finishBreak();
    return base + pos <= bound;
  }

  /** Steps over the LF of a CR LF break whose CR ended the previous line. */
  private void finishBreak() throws IOException {
    if (skipLf) {
      if (pos == limit && !eof) {
        fill();
      }
      if (pos < limit && buf[pos] == '\n') {
        pos++;
      }
      skipLf = false;
    }
  }

  /** Finds the next raw line and advances past its break; false at the end of input. */
  private boolean nextRawLine() throws IOException {
    overLong = false;
    if (bomPending) {
      skipBom();
    }
    finishBreak();
    int scan = pos;
    while (true) {
      int i = indexOfBreak(buf, scan, limit);
      if (i >= 0) {
        lineStart = pos;
        lineEnd = i;
        skipLf = buf[i] == '\r';
        pos = i + 1;
        lineNumber++;
        if (lineEnd - lineStart > maxLineLength) {
          markOverLong(lineStart, lineEnd - lineStart);
          overLongLength = lineEnd - lineStart;
        }
        return true;
      }
      if (limit - pos > maxLineLength) {
        lineNumber++;
        skipOverLongLine();
        return true;
      }
      if (eof) {
        if (pos == limit) {
          return false;
        }
        lineStart = pos;
        lineEnd = limit;
        pos = limit;
        lineNumber++;
        return true;
      }
      int scanned = limit - pos;
      fill();
      scan = pos + scanned;
    }
  }

  private void markOverLong(int start, int available) {
    overLong = true;
    overLongOffset = base + start;
    prefixLength = Math.min(PREFIX, available);
    System.arraycopy(buf, start, prefix, 0, prefixLength);
  }

  /** Discards the rest of a line that exceeds the limit, without buffering it. */
  private void skipOverLongLine() throws IOException {
    markOverLong(pos, limit - pos);
    long length = 0;
    while (true) {
      int i = indexOfBreak(buf, pos, limit);
      if (i >= 0) {
        length += i - pos;
        skipLf = buf[i] == '\r';
        pos = i + 1;
        break;
      }
      length += limit - pos;
      pos = limit;
      if (eof) {
        break;
      }
      fill();
    }
    overLongLength = length;
  }

  /** Moves unread bytes to the front, grows the buffer if a line needs it, and reads more. */
  private void fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      base += pos;
      limit -= pos;
      pos = 0;
    }
    if (limit == buf.length) {
      long grown = Math.min((long) buf.length * 2, (long) maxLineLength + 1);
      byte[] bigger = new byte[(int) Math.min(Math.max(grown, buf.length + 1L), MAX_ARRAY)];
      System.arraycopy(buf, 0, bigger, 0, limit);
      buf = bigger;
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
  }

  /**
   * Finds the first CR or LF in {@code b[from, to)}, eight bytes at a time: XOR turns the
   * wanted byte into zero, and the classic has-zero-byte test finds it. The lowest flagged byte
   * is always a true match (false positives can only appear above it).
   */
  static int indexOfBreak(byte[] b, int from, int to) {
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long word = (long) LONGS.get(b, i);
      long lf = word ^ 0x0A0A0A0A0A0A0A0AL;
      long cr = word ^ 0x0D0D0D0D0D0D0D0DL;
      long found = ((lf - 0x0101010101010101L) & ~lf | (cr - 0x0101010101010101L) & ~cr)
          & 0x8080808080808080L;
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      byte c = b[i];
      if (c == '\n' || c == '\r') {
        return i;
      }
    }
    return -1;
  }

  /** The input this scanner reads, which {@link #close()} closes. */
  InputStream input() {
    return in;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
