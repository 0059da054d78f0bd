package org.newsdesk.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ThreadSafetyTest {

  @Test
  void concurrentPredictionsEqualSingleThreadedOnes() throws Exception {
    TopicClassifier c = Samples.trained();
    List<LabeledText> docs = new ArrayList<>(Samples.test());
    docs.addAll(Samples.train());
    docs.add(LabeledText.of("words nobody knows: qqzx", "x"));
    List<Prediction> expected = new ArrayList<>();
    for (LabeledText t : docs) {
      expected.add(c.predict(t.title(), t.body()));
    }
    int threads = 8;
    int rounds = 8; // 8 threads x 8 rounds x 456 texts = 29k predictions
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t * 37;
        Callable<Integer> task =
            () -> {
              start.await();
              int checked = 0;
              for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < docs.size(); i++) {
                  // each thread walks the texts in a different order
                  int k = (i + offset + r) % docs.size();
                  LabeledText d = docs.get(k);
                  Prediction p = c.predict(d.title(), d.body());
                  if (!p.equals(expected.get(k))) {
                    throw new AssertionError("thread result differs for text " + k + ": " + p);
                  }
                  checked++;
                }
              }
              return checked;
            };
        futures.add(pool.submit(task));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> f : futures) {
        total += f.get();
      }
      assertThat(total).isEqualTo(threads * rounds * docs.size()).isGreaterThan(20_000);
    } finally {
      pool.shutdownNow();
    }
  }
}
