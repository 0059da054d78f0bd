package org.newsdesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineScannerTest {

  @Test
  void wordAtATimeSearchAgreesWithAPlainLoop() {
    Random r = new Random(3);
    for (int n = 0; n < 20_000; n++) {
      byte[] b = new byte[r.nextInt(40)];
      for (int i = 0; i < b.length; i++) {
        int k = r.nextInt(10);
        b[i] = (byte) (k == 0 ? '\n' : k == 1 ? '\r' : k == 2 ? 0x8A : k == 3 ? 0x0B
            : r.nextInt(256));
      }
      int from = b.length == 0 ? 0 : r.nextInt(b.length);
      int expected = -1;
      for (int i = from; i < b.length && expected < 0; i++) {
        if (b[i] == '\n' || b[i] == '\r') {
          expected = i;
        }
      }
      assertThat(LineScanner.indexOfBreak(b, from, b.length)).isEqualTo(expected);
    }
  }

  /** Hands out a few bytes per read, so lines and CR LF pairs straddle buffer refills. */
  static InputStream trickle(byte[] bytes, Random r) {
    return new InputStream() {
      int pos;

      @Override
      public int read() {
        return pos < bytes.length ? bytes[pos++] & 0xFF : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (pos == bytes.length) {
          return -1;
        }
        int n = Math.min(Math.min(len, 1 + r.nextInt(5)), bytes.length - pos);
        System.arraycopy(bytes, pos, b, off, n);
        pos += n;
        return n;
      }
    };
  }

  static List<String> scan(InputStream in, int maxLine) throws IOException {
    List<String> out = new ArrayList<>();
    try (LineScanner s = new LineScanner(in, maxLine, 1, true)) {
      Line line = new Line();
      while (s.next(line)) {
        out.add(line.number + (line.blankBefore ? "+" : "") + ":"
            + (line.tooLong ? "LONG" + line.rawLength : new String(line.bytes, 0, line.length,
                StandardCharsets.UTF_8)));
      }
    }
    return out;
  }

  @Test
  void linesSplitTheSameWhateverTheReadSizes() throws IOException {
    byte[] text = "\uFEFFa\r\n\r\n b \rc\n\n\r\r  \t\nd\r\n0123456789abc\re"
        .getBytes(StandardCharsets.UTF_8);
    List<String> expected = List.of("1:a", "3+:b", "4:c", "9+:d", "10:LONG13", "11:e");
    assertThat(scan(new ByteArrayInputStream(text), 12)).isEqualTo(expected);
    Random r = new Random(5);
    for (int i = 0; i < 200; i++) {
      assertThat(scan(trickle(text, r), 12)).isEqualTo(expected);
    }
  }
}
