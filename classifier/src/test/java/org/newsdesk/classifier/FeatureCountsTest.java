package org.newsdesk.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FeatureCountsTest {

  @Test
  void drainsInAscendingIdOrderWithExactSumsAndStartsEmptyAgain() {
    Random random = new Random(13);
    FeatureCounts counts = new FeatureCounts(300_000);
    int[] ids = new int[5000];
    double[] values = new double[5000];
    for (int doc = 0; doc < 200; doc++) {
      TreeMap<Integer, Double> expected = new TreeMap<>();
      int adds = random.nextInt(doc % 10 == 0 ? 4000 : 60);
      for (int i = 0; i < adds; i++) {
        // clustered ids (words of one bitset word) and spread ones, the edges included
        int id =
            switch (random.nextInt(4)) {
              case 0 -> random.nextInt(64);
              case 1 -> 299_936 + random.nextInt(64);
              default -> random.nextInt(300_000);
            };
        double w = random.nextBoolean() ? 1.0 : 2.5;
        counts.add(id, w);
        expected.merge(id, w, Double::sum);
      }
      assertThat(counts.size()).isEqualTo(expected.size());
      int n = counts.drain(ids, values, 1);
      assertThat(n).isEqualTo(expected.size());
      int i = 1;
      for (var e : expected.entrySet()) {
        assertThat(ids[i]).isEqualTo(e.getKey());
        assertThat(values[i]).isEqualTo(e.getValue());
        i++;
      }
      assertThat(counts.size()).isZero();
    }
    assertThat(counts.drain(ids, values, 0)).isZero();
  }
}
