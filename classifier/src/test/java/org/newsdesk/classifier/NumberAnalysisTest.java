package org.newsdesk.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import opennlp.tools.stemmer.Stemmer;
import org.junit.jupiter.api.Test;

/**
 * The analyser does not stem or lower-case {@linkplain TokenSpans#number numbers}: that is only
 * right because every stemmer a pipeline can name leaves every run of digits as it is (their
 * rules all end in letters). Checked here on all numbers below 100,000, with leading zeros, and on
 * random runs up to the longest number, so an OpenNLP upgrade that changed it would fail here.
 */
class NumberAnalysisTest {

  @Test
  void everyStemmerLeavesNumbersAsTheyAre() {
    Random random = new Random(20261130);
    List<String> numbers = new ArrayList<>();
    for (int n = 0; n < 100_000; n++) {
      numbers.add(Integer.toString(n));
    }
    for (int n = 0; n < 1_000; n++) {
      numbers.add("0" + n);
      numbers.add("00" + n);
    }
    for (int n = 0; n < 20_000; n++) {
      char[] digits = new char[1 + random.nextInt(TokenSpans.MAX_PACKED)];
      for (int i = 0; i < digits.length; i++) {
        digits[i] = (char) ('0' + random.nextInt(10));
      }
      numbers.add(new String(digits));
    }
    for (FeaturePipeline.Stemming kind : FeaturePipeline.Stemming.values()) {
      Stemmer stemmer = FeatureExtractor.stemmer(kind);
      if (stemmer == null) {
        continue;
      }
      for (String number : numbers) {
        assertThat(stemmer.stem(number).toString())
            .as("%s stems %s", kind, number)
            .isEqualTo(number);
      }
    }
  }

  @Test
  void numbersAreAnalysedAsTheirOwnTermsAndStopWordsStillApply() {
    FeaturePipeline pipeline =
        FeaturePipeline.defaults().toBuilder().stopWords(Set.of("2023", "the")).build();
    FeatureExtractor fx = FeatureExtractor.analyzerOnly(pipeline);
    assertThat(fx.terms("In 2023 the 0042 ports 2024 grew 12345678901234567 7"))
        .containsExactly("in", "0042", "port", "2024", "grew", "12345678901234567", "7");
  }
}
