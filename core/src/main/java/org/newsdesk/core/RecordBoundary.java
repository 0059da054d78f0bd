package org.newsdesk.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * A record boundary: a byte offset in a digest, with the number of the line that starts there,
 * from which a reader that knows nothing of the bytes before it reads exactly the records,
 * diagnostics and line numbers that a reader of the whole digest reads from there on. Boundaries
 * let a large digest be read in independent byte ranges (one per task or thread), each record
 * exactly once; docs/FORMAT.md section 6 gives the rule and why it holds on any input.
 *
 * <pre>{@code
 * // split j covers bytes [s(j), s(j+1)); line(j) = 1 + line breaks before s(j)
 * Optional<RecordBoundary> from = j == 0 ? Optional.of(RecordBoundary.START)
 *     : RecordBoundary.find(streamAt(s(j)), s(j), line(j), s(j + 1), format);
 * long to = last ? Long.MAX_VALUE : RecordBoundary.find(streamAt(s(j + 1)), s(j + 1),
 *     line(j + 1), Long.MAX_VALUE, format).map(RecordBoundary::offset).orElse(Long.MAX_VALUE);
 * if (from.isPresent()) {
 *   try (NewsReader reader = NewsReader.open(streamAt(from.get().offset()), name, format,
 *       from.get(), to)) {
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>Only digests whose charset is ASCII-compatible (UTF-8, US-ASCII, ISO-8859-1) and that do
 * not start with a UTF-16 or UTF-32 byte order mark, or like UTF-16 text without one, can be
 * read in ranges; see {@link #splittable(InputStream, NewsFormat)}.
 *
 * @param offset the byte offset of the first byte of the line where a record starts
 * @param line the 1-based number of that line in the whole digest
 */
public record RecordBoundary(long offset, long line) {

  /** The start of a digest, which is always a boundary. */
  public static final RecordBoundary START = new RecordBoundary(0, 1);

  /**
   * Validates the components.
   *
   * @param offset the byte offset, at least 0
   * @param line the 1-based line number; 1 at offset 0
   * @throws IllegalArgumentException if a component is out of range
   */
  public RecordBoundary {
    if (offset < 0 || line < 1 || (offset == 0 && line != 1) || line - 1 > offset) {
      throw new IllegalArgumentException("not a digest position: offset " + offset + ", line "
          + line);
    }
  }

  /**
   * Tells whether a digest can be read in byte ranges: its charset is ASCII-compatible
   * (UTF-8, US-ASCII or ISO-8859-1: line breaks, spaces and tabs are single bytes that are never
   * part of another character) and it does not start with a UTF-16 or UTF-32 byte order mark,
   * or like ASCII text in UTF-16 without one (both of which the reader reports for the whole
   * input, see docs/FORMAT.md section 1). Reads at most four bytes and does not close the
   * stream.
   *
   * @param digestStart the digest's bytes from its first byte
   * @param format the format the digest is read with
   * @return {@code true} if byte ranges of the digest can be read independently
   * @throws IOException if reading fails
   */
  public static boolean splittable(InputStream digestStart, NewsFormat format)
      throws IOException {
    Objects.requireNonNull(digestStart, "digestStart");
    if (!NewsReader.isAsciiCompatible(format.charset())) {
      return false;
    }
    byte[] head = digestStart.readNBytes(BomSniffer.HEAD);
    return BomSniffer.detect(head, head.length) == null
        && BomSniffer.detectUnmarkedUtf16(head, head.length) == null;
  }

  /**
   * Finds the first boundary after a byte offset, by the rule of docs/FORMAT.md section 6: the
   * first line after the first non-blank line that starts after {@code offset} that is repeated
   * exactly by the next non-blank line, is not a metadata line, and does not pair (exactly or
   * nearly) with the non-blank line before it. The result depends only on the digest's bytes,
   * not on where reading started, so two readers that call it with the same offset agree.
   * Offset 0 gives {@link #START}. Reads only as far as needed and does not close the stream:
   * with a limit, no further than the limit (plus one small read buffer) if the line that
   * {@code offset} is in, or the blank lines after it, reach past the limit, and otherwise to the
   * end of the second non-blank line after the last one that starts by the limit; without one,
   * up to the boundary (the end of input when there is none).
   *
   * @param in the digest's bytes from byte {@code offset} on
   * @param offset the byte offset in the digest of the first byte of {@code in}
   * @param line the 1-based line that byte is in: 1 plus the number of line breaks that end
   *     before it (see {@link #countLineBreaks(InputStream, long)}); only used for the line
   *     number of the result
   * @param limit look no further than this byte offset: the result is empty if the boundary
   *     comes after the first non-blank line that starts after {@code limit}; use
   *     {@link Long#MAX_VALUE} for no limit
   * @param format the format the digest is read with; its charset must be ASCII-compatible
   * @return the boundary, or empty if there is none within the limit or before the end of input
   * @throws IOException if reading fails
   * @throws IllegalArgumentException if the format's charset is not ASCII-compatible, or the
   *     offset or line is out of range
   */
  public static Optional<RecordBoundary> find(InputStream in, long offset, long line, long limit,
      NewsFormat format) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(format, "format");
    if (!NewsReader.isAsciiCompatible(format.charset())) {
      throw new IllegalArgumentException("digests in " + format.charset().name()
          + " cannot be read in byte ranges; only UTF-8, US-ASCII and ISO-8859-1 can");
    }
    if (offset < 0 || line < 1 || line - 1 > offset) {
      throw new IllegalArgumentException("not a digest position: offset " + offset + ", line "
          + line);
    }
    if (offset == 0) {
      return Optional.of(START);
    }
    return new BoundaryRule(format).find(in, offset, line, limit);
  }

  /**
   * Counts the line breaks (LF, CR LF or a lone CR, see docs/FORMAT.md section 1) that end in
   * the next {@code length} bytes of a stream. A CR LF pair counts where its LF is, so a CR that
   * is the last of those bytes is counted only if the byte after it (read for that purpose) is
   * not LF. Summed over consecutive byte ranges this gives, for each range start, the number of
   * line breaks before it. Does not close the stream.
   *
   * @param in the bytes; reading starts at its current position
   * @param length how many bytes to count in; fewer are counted if the stream ends first
   * @return the number of line breaks that end in those bytes
   * @throws IOException if reading fails
   */
  public static long countLineBreaks(InputStream in, long length) throws IOException {
    Objects.requireNonNull(in, "in");
    byte[] buf = new byte[1 << 16];
    long remaining = length;
    long count = 0;
    boolean pendingCr = false;
    while (remaining > 0) {
      int n = in.read(buf, 0, (int) Math.min(buf.length, remaining));
      if (n < 0) {
        break;
      }
      if (n == 0) {
        continue;
      }
      remaining -= n;
      if (pendingCr && buf[0] != '\n') {
        count++;
      }
      pendingCr = false;
      for (int i = LineScanner.indexOfBreak(buf, 0, n); i >= 0;
          i = LineScanner.indexOfBreak(buf, i + 1, n)) {
        if (buf[i] == '\n') {
          count++;
        } else if (i + 1 < n) {
          if (buf[i + 1] != '\n') {
            count++;
          }
        } else {
          pendingCr = true;
        }
      }
    }
    if (pendingCr) {
      int next = remaining > 0 ? -1 : in.read();
      if (next != '\n') {
        count++;
      }
    }
    return count;
  }
}
