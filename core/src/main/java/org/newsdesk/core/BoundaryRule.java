package org.newsdesk.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Optional;

/**
 * The record-boundary rule of docs/FORMAT.md section 6, over the same lines (LineScanner) and
 * with the same notions of metadata line, too-long line and title pair as {@link RecordParser}.
 */
final class BoundaryRule {

  private final int maxLineLength;
  private final Charset charset;
  private final MetadataParser metadata;

  BoundaryRule(NewsFormat format) {
    this.maxLineLength = format.maxLineLength();
    this.charset = format.charset();
    this.metadata = format.metadata();
  }

  Optional<RecordBoundary> find(InputStream in, long offset, long line, long limit)
      throws IOException {
    // a small first buffer: a boundary is usually a few lines away (it grows for long lines)
    LineScanner scanner = new LineScanner(in, maxLineLength, 8192, false, offset, line - 1);
    // The line that byte offset is in may have started before it: skip it, so that every line
    // looked at below is whole and its predecessor is known. If that line (or the blank lines
    // after it) runs past the limit, the first non-blank line after the offset is also the
    // first one after the limit, and the boundary comes after it: stop there, so that a split
    // inside a long line reads only its own bytes (as Hadoop's LineRecordReader does).
    if (!scanner.skipRawLine(limit)) {
      return Optional.empty();
    }
    Line p = new Line();
    Line l = new Line();
    Line n = new Line();
    if (!scanner.next(p, limit) || !scanner.next(l)) {
      return Optional.empty();
    }
    while (p.start <= limit && scanner.next(n)) {
      if (isBoundary(p, l, n)) {
        return Optional.of(new RecordBoundary(l.start, l.number));
      }
      Line t = p;
      p = l;
      l = n;
      n = t;
    }
    return Optional.empty();
  }

  /**
   * Whether non-blank line {@code l}, between non-blank lines {@code p} and {@code n}, starts a
   * record in every reading: it starts an exact title pair with {@code n} (so it is never a
   * body, a joined body line, or skipped), and {@code p} cannot take it as its title repeat.
   */
  boolean isBoundary(Line p, Line l, Line n) {
    if (l.tooLong || n.tooLong || !l.sameBytes(n) || isMetadata(l)) {
      return false;
    }
    if (p.tooLong || isMetadata(p)) {
      return true;
    }
    return !p.sameBytes(l) && !RecordParser.nearlyEqual(text(p), text(l));
  }

  private boolean isMetadata(Line line) {
    return metadata.isMetadata(text(line));
  }

  private String text(Line line) {
    if (line.text == null) {
      line.text = new String(line.bytes, 0, line.length, charset);
    }
    return line.text;
  }
}
