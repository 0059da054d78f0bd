package org.newsdesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8TranscoderTest {

  static byte[] drain(InputStream in, Random r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    try (in) {
      while (true) {
        int n = in.read(buf, 0, 1 + r.nextInt(buf.length));
        if (n < 0) {
          return out.toByteArray();
        }
        out.write(buf, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Valid text of any length (buffers are 16K chars) comes out as its UTF-8 encoding. */
  @Test
  void validTextIsReencodedExactly() {
    List<Charset> charsets = List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE,
        StandardCharsets.UTF_16BE, StandardCharsets.UTF_8, Charset.forName("UTF-32"));
    PropertyCheck.forAll(11L, 300, r -> {
      StringBuilder sb = new StringBuilder();
      int pieces = r.nextInt(r.nextBoolean() ? 20 : 4000);
      for (int i = 0; i < pieces; i++) {
        sb.append(Generators.line(r)).append(r.nextBoolean() ? "\n" : "\r\n");
      }
      // A leading U+FEFF is a byte order mark to the UTF-32 decoder: not this test's business.
      return sb.toString().replaceFirst("^\uFEFF+", "");
    }, text -> {
      Random r = new Random(text.length());
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      assertThat(drain(Utf8Transcoder.of(new StringReader(text)), r)).isEqualTo(utf8);
      for (Charset cs : charsets) {
        byte[] encoded = text.getBytes(cs);
        assertThat(drain(Utf8Transcoder.of(new ByteArrayInputStream(encoded), cs), r))
            .as(cs.name()).isEqualTo(utf8);
      }
    });
  }

  @Test
  void undecodableInputBecomesOneMarkerByte() {
    Random r = new Random(1);
    String s = "a\uD800b\uDC00c\uD83D\uDE80d\uD83D";
    byte[] out = drain(Utf8Transcoder.of(new StringReader(s)), r);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.writeBytes("a".getBytes(StandardCharsets.UTF_8));
    expected.write(0xFF);
    expected.writeBytes("b".getBytes(StandardCharsets.UTF_8));
    expected.write(0xFF);
    expected.writeBytes("c\uD83D\uDE80d".getBytes(StandardCharsets.UTF_8));
    expected.write(0xFF);
    assertThat(out).isEqualTo(expected.toByteArray());

    byte[] latin = {'x', (byte) 0x81, 'y'};
    assertThat(drain(Utf8Transcoder.of(new ByteArrayInputStream(latin),
        Charset.forName("windows-1252")), r)).containsExactly('x', 0xFF, 'y');
  }
}
