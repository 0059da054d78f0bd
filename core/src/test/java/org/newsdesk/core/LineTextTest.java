package org.newsdesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineTextTest {

  @Test
  void quoteEscapesC0DelAndC1ControlsAndKeepsOtherText() {
    assertThat(LineText.quote("\u001B[2J\u001B]0;pwned\u0007 x\u0000y\tz\u007F\u0085\u009B"))
        .isEqualTo("'\\u001B[2J\\u001B]0;pwned\\u0007 x\\u0000y\\u0009z\\u007F\\u0085\\u009B'");
    // every other character stays as it is: scripts, symbols, U+00A0, U+2028, a backslash
    String kept = "Zoll \u6d77\u5173 \u0416 caf\u00e9 \u00a0\u2028\uFEFF \uD83D\uDE80 a\\b";
    assertThat(LineText.quote(kept)).isEqualTo("'" + kept + "'");
  }

  @Test
  void quoteShortensBeforeEscaping() {
    String quoted = LineText.quote("\u0007".repeat(100));
    assertThat(quoted).startsWith("'\\u0007").endsWith("...'")
        .hasSize(2 + 57 * "\\u0007".length() + 3);
  }

  @Test
  void utf8LengthCountsTheBytesOfTheEncoding() {
    for (String s : List.of("", "abc", "caf\u00e9", "\u6d77\u5173", "\uD83D\uDE80 x",
        "\u0000\u007F\u0080\u07FF\u0800\uFFFF")) {
      assertThat(LineText.utf8Length(s)).as(s)
          .isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
    }
    // an unpaired surrogate counts as the U+FFFD the reader's re-encoding writes for it
    assertThat(LineText.utf8Length("a\uD800b")).isEqualTo(5);
  }
}
