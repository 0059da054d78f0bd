package org.newsdesk.core;

import java.util.Arrays;

/**
 * A reusable slot holding one non-blank input line as trimmed raw bytes. The text is decoded
 * lazily and cached, so a title repeat that matches byte for byte is never decoded.
 */
final class Line {
  /** 1-based line number. */
  long number;
  /** Absolute byte offset of the first kept (trimmed) byte. */
  long offset;
  /** Absolute byte offset of the line's first byte, before trimming. */
  long start;
  /** 1-based byte column of the first kept byte. */
  int column;
  /** Whether at least one blank line (or a skipped over-long line) precedes this one. */
  boolean blankBefore;
  /** Whether the line exceeded the length limit; then {@code bytes} holds only a prefix. */
  boolean tooLong;
  /** Length of the whole line in bytes when {@link #tooLong}. */
  long rawLength;

  byte[] bytes = new byte[256];
  int length;
  /** Cached decoded text, or null. */
  String text;
  /** Index of the first malformed byte found when decoding, or -1. */
  int malformedAt = -1;

  static final byte META_UNKNOWN = 0;
  static final byte META_NONE = 1;
  static final byte META_READ_MORE = 2;
  static final byte META_DATE = 3;
  /** Cached metadata classification; see {@code RecordParser.classify}. */
  byte meta;
  /** The parsed date line when {@code meta == META_DATE}. */
  MetadataParser.DateLine dateLine;

  void set(long number, long start, long offset, int column, boolean blankBefore, byte[] src,
      int from, int len) {
    this.number = number;
    this.start = start;
    this.offset = offset;
    this.column = column;
    this.blankBefore = blankBefore;
    this.tooLong = false;
    this.rawLength = len;
    if (bytes.length < len) {
      bytes = new byte[Math.max(len, bytes.length * 2)];
    }
    System.arraycopy(src, from, bytes, 0, len);
    this.length = len;
    this.text = null;
    this.malformedAt = -1;
    this.meta = META_UNKNOWN;
    this.dateLine = null;
  }

  boolean sameBytes(Line other) {
    return length == other.length && Arrays.equals(bytes, 0, length, other.bytes, 0, length);
  }
}
