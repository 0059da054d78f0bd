package org.newsdesk.core;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Passes bytes through unchanged, noting whether they start with a UTF-16 or UTF-32 byte order
 * mark, or (when asked) like ASCII text in UTF-16 without one. Such input read in an 8-bit
 * charset is garbage (every other byte is 0), so the parser reports it instead of reading it; it
 * never switches charsets by itself.
 */
final class BomSniffer extends FilterInputStream {

  /** The bytes that decide: a UTF-32 mark, or two UTF-16 units of ASCII text. */
  static final int HEAD = 4;

  private final boolean unmarkedUtf16;
  private final byte[] head = new byte[HEAD];
  private int headLength;
  private int headPos;
  private boolean sniffed;
  private String found;
  private boolean marked;

  /**
   * Wraps input read in a charset that is not UTF-16 or UTF-32.
   *
   * @param unmarkedUtf16 whether to look for UTF-16 without a byte order mark too: only right
   *     when the charset writes ASCII as the ASCII bytes, so that such text cannot be meant
   */
  BomSniffer(InputStream in, boolean unmarkedUtf16) {
    super(in);
    this.unmarkedUtf16 = unmarkedUtf16;
  }

  /**
   * Reads the first bytes, if not done yet, and names the encoding they show the input is in:
   * by a byte order mark ({@link #marked()}), or by the pattern of ASCII text in UTF-16 without
   * one ({@link #detectUnmarkedUtf16}).
   *
   * @return {@code "UTF-32BE"}, {@code "UTF-32LE"}, {@code "UTF-16BE"}, {@code "UTF-16LE"} or
   *     null if the input starts like none of these
   */
  String foreignEncoding() throws IOException {
    if (!sniffed) {
      sniffed = true;
      while (headLength < head.length) {
        int n = in.read(head, headLength, head.length - headLength);
        if (n < 0) {
          break;
        }
        headLength += n;
      }
      found = detect(head, headLength);
      marked = found != null;
      if (found == null && unmarkedUtf16) {
        found = detectUnmarkedUtf16(head, headLength);
      }
    }
    return found;
  }

  /** Whether {@link #foreignEncoding()} found a byte order mark, not unmarked UTF-16. */
  boolean marked() {
    return marked;
  }

  /** The first bytes in hex, e.g. {@code "54 00 69 00"}, for messages. */
  String headBytes() {
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < headLength; i++) {
      hex.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%02X", head[i] & 0xFF));
    }
    return hex.toString();
  }

  /** Tells which UTF-16/32 byte order mark {@code b[0, n)} starts with; UTF-32 first. */
  static String detect(byte[] b, int n) {
    if (n >= 4 && b[0] == 0 && b[1] == 0 && b[2] == (byte) 0xFE && b[3] == (byte) 0xFF) {
      return "UTF-32BE";
    }
    if (n >= 4 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE && b[2] == 0 && b[3] == 0) {
      return "UTF-32LE";
    }
    if (n >= 2 && b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) {
      return "UTF-16BE";
    }
    if (n >= 2 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) {
      return "UTF-16LE";
    }
    return null;
  }

  /**
   * Tells whether {@code b[0, n)} is, over at least its first {@value #HEAD} bytes, ASCII text in
   * UTF-16 without a byte order mark: printable ASCII bytes (0x20 to 0x7E) each followed by a
   * 0 byte ({@code "UTF-16LE"}) or each after one ({@code "UTF-16BE"}). No text in a charset that
   * writes ASCII as the ASCII bytes looks like that, since a 0 byte is the NUL character there.
   *
   * @return {@code "UTF-16LE"}, {@code "UTF-16BE"} or null
   */
  static String detectUnmarkedUtf16(byte[] b, int n) {
    if (n < HEAD) {
      return null;
    }
    boolean little = true;
    boolean big = true;
    for (int i = 0; i + 1 < HEAD; i += 2) {
      little &= isPrintableAscii(b[i]) && b[i + 1] == 0;
      big &= b[i] == 0 && isPrintableAscii(b[i + 1]);
    }
    return little ? "UTF-16LE" : big ? "UTF-16BE" : null;
  }

  private static boolean isPrintableAscii(byte c) {
    return c >= 0x20 && c <= 0x7E;
  }

  /** The bytes of the mark, e.g. {@code "FF FE"}, for messages. */
  static String markBytes(String encoding) {
    switch (encoding) {
      case "UTF-32BE":
        return "00 00 FE FF";
      case "UTF-32LE":
        return "FF FE 00 00";
      case "UTF-16BE":
        return "FE FF";
      default:
        return "FF FE";
    }
  }

  @Override
  public int read() throws IOException {
    foreignEncoding();
    return headPos < headLength ? head[headPos++] & 0xFF : in.read();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    foreignEncoding();
    if (headPos < headLength) {
      int n = Math.min(len, headLength - headPos);
      System.arraycopy(head, headPos, b, off, n);
      headPos += n;
      return n;
    }
    return in.read(b, off, len);
  }

  @Override
  public long skip(long n) throws IOException {
    foreignEncoding();
    if (n > 0 && headPos < headLength) {
      int k = (int) Math.min(n, headLength - headPos);
      headPos += k;
      return k;
    }
    return in.skip(n);
  }

  @Override
  public int available() throws IOException {
    return headLength - headPos + in.available();
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
