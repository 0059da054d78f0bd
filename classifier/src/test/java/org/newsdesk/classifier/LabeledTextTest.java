package org.newsdesk.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabeledTextTest {

  @Test
  void aLabelIsAnyTextButBlankReservedOrOneThatCouldRewriteAReport() {
    for (String good : List.of("trade-facilitation", "Zoll & Handel", "日本の関税", "a b", "x_y.z")) {
      assertThat(new LabeledText("t", "b", good).label()).isEqualTo(good);
    }
    assertThatThrownBy(() -> new LabeledText("t", "b", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("label must not be blank");
    assertThatThrownBy(() -> new LabeledText("t", "b", Evaluation.UNKNOWN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reserved");
    for (String bad :
        List.of("a\nb", "a\tb", "a\u001B[2Jb", "a\u0085b", "a\u2028b", "a\u202Eb", "a\u2066b")) {
      assertThatThrownBy(() -> new LabeledText("t", "b", bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("label must not contain U+")
          .hasMessageEndingWith("found at index 1");
    }
  }
}
