package org.newsdesk.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenNlpScoresTest {

  @Test
  void outcomesThatOverflowedShareTheMassAndTheOthersGetNothing() {
    assertThat(OpenNlpScores.limit(new double[] {Double.NaN, 0, Double.NaN}))
        .containsExactly(0.5, 0, 0.5);
    assertThat(OpenNlpScores.limit(new double[] {0.0, Double.NaN})).containsExactly(0, 1);
  }
}
