package org.newsdesk.spark;

import java.io.Serializable;

/**
 * A byte range {@code [start, end)} of one file, read by one task: the whole file, or one of its
 * splits. {@code startLine} and {@code endLine} are the 1-based lines that bytes {@code start}
 * and {@code end} are in (1 plus the line breaks before them), or 1 when line numbers are not
 * needed. {@code hosts} are where most of the range is stored (see {@link Locality}).
 */
record FileChunk(String path, long fileLength, long start, long end, boolean whole,
    long startLine, long endLine, String[] hosts) implements Serializable {

  boolean first() {
    return start == 0;
  }

  boolean last() {
    return end >= fileLength;
  }

  long length() {
    return end - start;
  }

  FileChunk withLines(long startLine, long endLine) {
    return new FileChunk(path, fileLength, start, end, whole, startLine, endLine, hosts);
  }
}
