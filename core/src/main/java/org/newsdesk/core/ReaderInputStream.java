package org.newsdesk.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Re-encodes characters as UTF-8 so that {@code Reader} input (and charsets that are not
 * ASCII-compatible) can go through the byte-level {@link LineScanner}. Unpaired surrogates become
 * U+FFFD.
 */
final class ReaderInputStream extends InputStream {

  private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

  private final Reader reader;
  private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
      .onMalformedInput(CodingErrorAction.REPLACE)
      .onUnmappableCharacter(CodingErrorAction.REPLACE)
      .replaceWith(REPLACEMENT);
  private final CharBuffer chars = CharBuffer.allocate(1 << 14);
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
  private boolean endOfInput;
  private boolean done;

  ReaderInputStream(Reader reader) {
    this.reader = reader;
    chars.flip();
    bytes.flip();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (!bytes.hasRemaining()) {
      if (done) {
        return -1;
      }
      encodeMore();
    }
    int n = Math.min(len, bytes.remaining());
    bytes.get(b, off, n);
    return n;
  }

  private void encodeMore() throws IOException {
    bytes.clear();
    while (bytes.position() == 0 && !done) {
      if (!endOfInput) {
        chars.compact();
        int n = reader.read(chars);
        chars.flip();
        if (n < 0) {
          endOfInput = true;
        }
      }
      CoderResult result = encoder.encode(chars, bytes, endOfInput);
      if (result.isOverflow()) {
        break;
      }
      if (endOfInput) {
        if (encoder.flush(bytes).isOverflow()) {
          break;
        }
        done = true;
      }
    }
    bytes.flip();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
