package org.newsdesk.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class StreamSafeTest {

  @Test
  void everyNonStarterIsCounted() {
    // the JDK has no public combining class, but a char with class 1..239 moves before U+0345
    // (class 240) when decomposed: every char whose compatibility decomposition begins with a
    // non-starter must count as one
    int nonStarters = 0;
    for (int cp = 0x80; cp <= Character.MAX_CODE_POINT; cp++) {
      int type = Character.getType(cp);
      if (type == Character.UNASSIGNED || type == Character.SURROGATE) {
        continue;
      }
      String first =
          Character.toString(
              Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKD).codePointAt(0));
      String probe = "a\u0345" + first;
      if (first.equals("\u0345") || !Normalizer.normalize(probe, Normalizer.Form.NFD).equals(probe)) {
        nonStarters++;
        assertThat(StreamSafe.nonStarter(cp)).as("U+%04X", cp).isTrue();
      }
    }
    assertThat(nonStarters).isGreaterThan(800);
    assertThat(StreamSafe.nonStarter('a')).isFalse();
    assertThat(StreamSafe.nonStarter('\u00E9')).isFalse();
  }

  @Test
  void onlyRunsOfMoreThanThirtyNonStartersAreCut() {
    String thirty = "\u0301\u0316".repeat(15);
    String ordinary = "caf\u00E9 cafe\u0301 a" + thirty + " \uD834\uDD65\uD834\uDD65 \u0915\u093F";
    assertThat(StreamSafe.limit(ordinary)).isSameAs(ordinary);
    assertThat(StreamSafe.hasLongRun(ordinary, 0, ordinary.length())).isFalse();
    // the 31st mark on is dropped, up to the next starter; each run counts on its own
    String marks = thirty + "\u0301\u0316\u0301";
    assertThat(StreamSafe.limit("a" + marks + "b" + marks + "\u20DD"))
        .isEqualTo("a" + thirty + "b" + thirty);
    assertThat(StreamSafe.hasLongRun("a" + marks, 0, 1 + marks.length())).isTrue();
    assertThat(StreamSafe.hasLongRun("a" + marks, 0, 31)).isFalse();
    // supplementary marks (U+1D165, two chars each) count once each
    String musical = "\uD834\uDD65".repeat(31);
    assertThat(StreamSafe.limit("x" + musical)).isEqualTo("x" + "\uD834\uDD65".repeat(30));
  }
}
