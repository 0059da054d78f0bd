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
import java.util.ArrayList;
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

  @Test
  void anUnpairedSurrogateInUtf16IsOneMarkerAndTheNextCharStays() {
    Random r = new Random(2);
    // a high surrogate before a line break, a space and a letter; a low surrogate alone; and a
    // high surrogate at the very end
    String s = "a\uD800\nb\uD800 c\uD800d\uDC00e\uD800";
    for (Charset cs :
        new Charset[] {
          StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16
        }) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      for (char c : s.toCharArray()) {
        // the code units as they are, surrogates included (an encoder would refuse them)
        int hi = c >>> 8;
        int lo = c & 0xFF;
        boolean little = cs.equals(StandardCharsets.UTF_16LE);
        bytes.write(little ? lo : hi);
        bytes.write(little ? hi : lo);
      }
      byte[] out = drain(Utf8Transcoder.of(new ByteArrayInputStream(bytes.toByteArray()), cs), r);
      assertThat(new String(out, StandardCharsets.ISO_8859_1))
          .as(cs.name())
          .isEqualTo("a\u00FF\nb\u00FF c\u00FFd\u00FFe\u00FF");
    }
  }

  @Test
  void aLoneSurrogateBeforeALineBreakDoesNotMergeTwoLines() throws IOException {
    String text =
        "Title one\n\nTitle one\n\nBody one \uD800\nTitle two\n\nTitle two\n\nBody two.\n";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (char c : text.toCharArray()) {
      bytes.write(c & 0xFF);
      bytes.write(c >>> 8);
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    NewsFormat format =
        NewsFormat.LENIENT.toBuilder()
            .charset(StandardCharsets.UTF_16LE)
            .onDiagnostic(diagnostics::add)
            .build();
    List<Article> articles = new ArrayList<>();
    try (NewsReader reader =
        NewsReader.open(new ByteArrayInputStream(bytes.toByteArray()), "<utf-16>", format)) {
      reader.forEach(articles::add);
    }

    assertThat(articles).extracting(Article::body).containsExactly("Body one \uFFFD", "Body two.");
    // the next title follows the body line directly, which is a diagnostic of its own
    assertThat(diagnostics).extracting(Diagnostic::kind)
        .containsExactly(Diagnostic.Kind.INVALID_ENCODING, Diagnostic.Kind.MISSING_BLANK_LINE);
  }
}
