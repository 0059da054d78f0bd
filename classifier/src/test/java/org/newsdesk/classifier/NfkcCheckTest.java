package org.newsdesk.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NfkcCheckTest {

  @Test
  void nfkcCheckOfTheNonAsciiStretchesAgreesWithTheWholeTextCheck() {
    // ASCII next to combining marks, compatibility characters, Hangul jamo that compose,
    // surrogates, curly quotes, and text that is already normalized
    String alphabet = "ae C1 .'\u0301\u0327\u00E9\u00A0\uFB01\uFF37\u2019\u201C\u1100\u1161\u11A8"
        + "\uAC00\u00C5\u212B\u0041\u030A\uD835\uDC00\uD800\u2460\u00BD";
    java.util.Random random = new java.util.Random(42);
    NfkcCheck memo = new NfkcCheck();
    int notNormalized = 0;
    for (int n = 0; n < 50_000; n++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(12);
      for (int i = 0; i < length; i++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = sb.toString();
      boolean expected = java.text.Normalizer.isNormalized(text, java.text.Normalizer.Form.NFKC);
      assertThat(NfkcCheck.isNfkcOnce(text)).as("%s", text).isEqualTo(expected);
      // the same answers from the stretches remembered so far (short ones repeat a lot here)
      assertThat(memo.isNfkc(text)).as("remembered: %s", text).isEqualTo(expected);
      notNormalized += expected ? 0 : 1;
    }
    assertThat(notNormalized).isBetween(10_000, 45_000);
  }

  @Test
  void aRememberedAnswerIsNeverReusedForOtherChars() {
    NfkcCheck memo = new NfkcCheck();
    // same length, same slot or not: each stretch is keyed by its exact chars
    assertThat(memo.isNfkc("e\u00E9")).isTrue();
    assertThat(memo.isNfkc("e\u0301")).isFalse(); // composes with the e before it
    assertThat(memo.isNfkc("\u0000\u00E9")).isTrue();
    assertThat(memo.isNfkc("\u00A0")).isFalse(); // no-break space folds to a space
    assertThat(memo.isNfkc("x\u00A0")).isFalse();
    assertThat(memo.isNfkc("e\u00E9")).isTrue();
    assertThat(memo.isNfkc("e\u0301")).isFalse();
  }

  @Test
  void aLongRunOfCombiningMarksIsAnsweredInLinearTime() {
    // 500k marks in the wrong canonical order: the JDK's check alone took minutes
    String unsorted = "a" + "\u0301\u0316".repeat(250_000);
    assertThat(assertTimeoutPreemptively(Duration.ofSeconds(30), () -> NfkcCheck.isNfkcOnce(unsorted)))
        .isFalse();
    // NFKC already, but not stream-safe: the extractor rewrites it, so the answer is no
    String sorted = "x" + "\u0316".repeat(31);
    assertThat(java.text.Normalizer.isNormalized(sorted, java.text.Normalizer.Form.NFKC)).isTrue();
    assertThat(new NfkcCheck().isNfkc(sorted)).isFalse();
    assertThat(new NfkcCheck().isNfkc("x" + "\u0316".repeat(30))).isTrue();
  }
}
