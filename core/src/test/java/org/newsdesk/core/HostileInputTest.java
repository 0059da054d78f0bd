package org.newsdesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Limits keep memory bounded on hostile input. */
class HostileInputTest {

  static final long HUNDRED_MB = 100L << 20;

  /** Endless-looking input generated on the fly: {@code n} copies of one byte, no line break. */
  static InputStream repeated(byte b, long n) {
    return new InputStream() {
      long left = n;

      @Override
      public int read() {
        return left-- > 0 ? b : -1;
      }

      @Override
      public int read(byte[] buf, int off, int len) {
        if (left <= 0) {
          return -1;
        }
        int k = (int) Math.min(len, left);
        java.util.Arrays.fill(buf, off, off + k, b);
        left -= k;
        return k;
      }
    };
  }

  static InputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  static InputStream hostile() {
    return new SequenceInputStream(java.util.Collections.enumeration(List.of(
        text("A\n\nA\n\nBody a.\n\n"), repeated((byte) 'x', HUNDRED_MB),
        text("\r\nB\n\nB\n\nBody b."))));
  }

  @Test
  void controlCharactersFromTheInputAreEscapedInMessages() {
    String title = "\u001B[2J\u001B]0;pwned\u0007 Title\u0000";
    NewsParseException e = assertThrows(NewsParseException.class, () -> {
      try (NewsReader r = NewsReader.ofString(title + "\n\nOther \u009B\n")) {
        r.iterator().hasNext();
      }
    });
    assertThat(e.getMessage()).contains("'\\u001B[2J\\u001B]0;pwned\\u0007 Title\\u0000'")
        .contains("'Other \\u009B'");
    assertThat(e.getMessage().chars()).noneMatch(Character::isISOControl);
    IllegalArgumentException w = assertThrows(IllegalArgumentException.class,
        () -> NewsWriter.toString(List.of(Article.of(title, "11/07/2023"))));
    assertThat(w.getMessage()).contains("\\u001B[2J");
    assertThat(w.getMessage().chars()).noneMatch(Character::isISOControl);
  }

  @Test
  void hundredMegabyteLineIsSkippedInLenientMode() {
    try (NewsReader reader = NewsReader.open(hostile(), "hostile", NewsFormat.LENIENT)) {
      assertThat(reader.stream().map(Article::title)).containsExactly("A", "B");
      assertThat(reader.diagnostics()).singleElement().satisfies(d -> {
        assertThat(d.kind()).isEqualTo(Diagnostic.Kind.LINE_TOO_LONG);
        assertThat(d.line()).isEqualTo(7);
        assertThat(d.message()).contains(HUNDRED_MB + " bytes").contains("'xxxx");
      });
    }
  }

  @Test
  void hundredMegabyteLineFailsFastInStrictMode() {
    try (NewsReader reader = NewsReader.open(hostile(), "hostile", NewsFormat.DEFAULT)) {
      var it = reader.iterator();
      assertThat(it.next().title()).isEqualTo("A");
      NewsParseException e = assertThrows(NewsParseException.class, it::hasNext);
      assertThat(e.kind()).isEqualTo(Diagnostic.Kind.LINE_TOO_LONG);
      assertThat(e.line()).isEqualTo(7);
    }
  }

  /** {@code count} lines made by {@code line.apply(i)}, generated on the fly. */
  static InputStream lines(long count, java.util.function.LongFunction<String> line) {
    return new InputStream() {
      long next;
      byte[] current = new byte[0];
      int pos;

      @Override
      public int read() {
        if (pos == current.length) {
          if (next == count) {
            return -1;
          }
          current = line.apply(next++).getBytes(StandardCharsets.UTF_8);
          pos = 0;
        }
        return current[pos++];
      }
    };
  }

  @Test
  void millionsOfBadRecordsKeepOnlyBoundedDiagnostics() {
    // "T\n\nT\n\n" repeated: a million title pairs without bodies.
    NewsFormat format = NewsFormat.LENIENT.toBuilder().maxDiagnostics(10).build();
    try (NewsReader reader = NewsReader.open(new java.io.BufferedInputStream(
        lines(2_000_000, i -> "T\n\n"), 1 << 16), "pairs", format)) {
      assertThat(reader.stream()).isEmpty();
      assertThat(reader.diagnostics()).hasSize(10)
          .allSatisfy(d -> assertThat(d.kind()).isEqualTo(Diagnostic.Kind.MISSING_BODY));
      assertThat(reader.diagnosticCount()).isEqualTo(1_000_000L);
    }
  }

  @Test
  void aLongRunOfGarbageIsOneDiagnostic() {
    try (NewsReader reader = NewsReader.open(new java.io.BufferedInputStream(
        lines(1_000_001, i -> i < 1_000_000 ? "garbage " + i + "\n" : "T\n\nT\n\nBody"),
        1 << 16), "garbage", NewsFormat.LENIENT)) {
      assertThat(reader.stream().map(Article::title)).containsExactly("T");
      assertThat(reader.diagnostics()).singleElement().satisfies(d -> {
        assertThat(d.kind()).isEqualTo(Diagnostic.Kind.TITLE_NOT_REPEATED);
        assertThat(d.firstLine()).isEqualTo(1);
        assertThat(d.lastLine()).isEqualTo(1_000_000);
      });
    }
  }

  /** Runs the 100 MB case in a child JVM with a 24 MB heap: an OOM would fail it. */
  @Test
  void hugeLineParsesInATinyHeap() throws IOException, InterruptedException {
    ChildProcess.Result child = ChildProcess.withHeap("24m", TinyHeapMain.class);
    assertThat(child.exitCode()).as(child.stderr()).isZero();
    assertThat(child.stdout()).contains("articles=2 diagnostics=1 LINE_TOO_LONG");
  }

  /** Entry point of the child JVM. */
  static final class TinyHeapMain {
    public static void main(String[] args) {
      try (NewsReader reader = NewsReader.open(hostile(), "hostile", NewsFormat.LENIENT)) {
        long articles = reader.stream().count();
        System.out.println("articles=" + articles + " diagnostics=" + reader.diagnosticCount()
            + " " + reader.diagnostics().get(0).kind());
      }
    }
  }
}
