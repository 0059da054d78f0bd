package org.newsdesk.core;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes bytes through unchanged, noting whether they start with a UTF-16 or UTF-32 byte order
 * mark. Such input read in an 8-bit charset is garbage (every other byte is 0), so the parser
 * reports it instead of reading it; it never switches charsets by itself.
 */
final class BomSniffer extends FilterInputStream {

  private final byte[] head = new byte[4];
  private int headLength;
  private int headPos;
  private boolean sniffed;
  private String found;

  BomSniffer(InputStream in) {
    super(in);
  }

  /**
   * Reads the first bytes, if not done yet, and names the encoding their byte order mark
   * belongs to.
   *
   * @return {@code "UTF-32BE"}, {@code "UTF-32LE"}, {@code "UTF-16BE"}, {@code "UTF-16LE"} or
   *     null if the input starts with none of these marks
   */
  String foreignBom() throws IOException {
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
    }
    return found;
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
    foreignBom();
    return headPos < headLength ? head[headPos++] & 0xFF : in.read();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    foreignBom();
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
    foreignBom();
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
