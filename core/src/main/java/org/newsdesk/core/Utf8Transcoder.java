package org.newsdesk.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Re-encodes characters as UTF-8 so that {@code Reader} and {@code String} input, and bytes in
 * charsets that are not ASCII-compatible, go through the byte-level {@link LineScanner}.
 *
 * <p>Input that cannot be decoded (bytes invalid in the source charset, unpaired surrogates)
 * becomes a single {@code 0xFF} byte, which is never valid UTF-8: the parser then reports it as
 * {@link Diagnostic.Kind#INVALID_ENCODING} at its line, exactly like invalid UTF-8 input.
 */
final class Utf8Transcoder extends InputStream {

  static final byte MARKER = (byte) 0xFF;

  private final Reader reader;
  private final InputStream bytesIn;
  private final CharsetDecoder decoder;
  /** Whether the decoder is one of the JDK's UTF-16 decoders (see {@link #readChars}). */
  private final boolean utf16;
  private final ByteBuffer inBytes;
  private boolean bytesEof;

  private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final CharBuffer chars = CharBuffer.allocate(1 << 14);
  private final ByteBuffer out = ByteBuffer.allocate(1 << 16);
  private boolean endOfInput;
  private boolean markerPending;
  private boolean done;

  private Utf8Transcoder(Reader reader, InputStream bytesIn, Charset charset) {
    this.reader = reader;
    this.bytesIn = bytesIn;
    this.decoder = charset == null ? null : charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    this.utf16 = charset != null && charset.name().toUpperCase(Locale.ROOT).contains("UTF-16");
    this.inBytes = bytesIn == null ? null : ByteBuffer.allocate(1 << 14).flip();
    chars.flip();
    out.flip();
  }

  static Utf8Transcoder of(Reader reader) {
    return new Utf8Transcoder(reader, null, null);
  }

  static Utf8Transcoder of(InputStream in, Charset charset) {
    return new Utf8Transcoder(null, in, charset);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (!out.hasRemaining()) {
      if (done) {
        return -1;
      }
      produce();
    }
    int n = Math.min(len, out.remaining());
    out.get(b, off, n);
    return n;
  }

  /** Fills {@code out} with at least one byte, unless the input is exhausted. */
  private void produce() throws IOException {
    out.clear();
    while (!done) {
      CoderResult result = encoder.encode(chars, out, endOfInput);
      if (result.isOverflow()) {
        break;
      }
      if (result.isError()) { // an unpaired surrogate
        chars.position(chars.position() + result.length());
        markerPending = true;
      }
      if (markerPending) {
        if (!out.hasRemaining()) {
          break;
        }
        out.put(MARKER);
        markerPending = false;
        continue;
      }
      if (endOfInput) {
        if (encoder.flush(out).isOverflow()) {
          break;
        }
        done = true;
      } else if (out.position() > 0) {
        break;
      } else {
        readChars();
      }
    }
    out.flip();
  }

  /** Reads or decodes more characters; sets endOfInput or markerPending when due. */
  private void readChars() throws IOException {
    chars.compact();
    try {
      if (reader != null) {
        if (reader.read(chars) < 0) {
          endOfInput = true;
        }
        return;
      }
      int before = chars.position();
      while (true) {
        CoderResult result = decoder.decode(inBytes, chars, bytesEof);
        if (result.isError()) {
          int skip = result.length();
          // A UTF-16 decoder reports a high surrogate followed by anything but a low surrogate
          // as one 4-byte error: skipping all of it would swallow the unit after the surrogate
          // (a line break, merging two lines). Only the surrogate is invalid.
          if (utf16 && skip == 4) {
            skip = 2;
          }
          inBytes.position(inBytes.position() + skip);
          markerPending = true;
          return;
        }
        if (chars.position() > before || result.isOverflow()) {
          return;
        }
        if (bytesEof) {
          decoder.flush(chars);
          endOfInput = true;
          return;
        }
        inBytes.compact();
        int n = bytesIn.read(inBytes.array(), inBytes.position(), inBytes.remaining());
        if (n < 0) {
          bytesEof = true;
        } else {
          inBytes.position(inBytes.position() + n);
        }
        inBytes.flip();
      }
    } finally {
      chars.flip();
    }
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
    } else {
      bytesIn.close();
    }
  }
}
