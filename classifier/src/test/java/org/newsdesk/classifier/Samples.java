package org.newsdesk.classifier;

import java.nio.file.Path;
import java.util.List;
import org.newsdesk.testing.Fixtures;

/** Test data: a small slice of the BSD-licensed fortunes corpus (see Fixtures). */
final class Samples {

  private static List<LabeledText> train;
  private static List<LabeledText> test;
  private static TopicClassifier trained;

  private Samples() {}

  static synchronized List<LabeledText> train() {
    if (train == null) {
      train = read(Fixtures.fortunesTrain());
    }
    return train;
  }

  static synchronized List<LabeledText> test() {
    if (test == null) {
      test = read(Fixtures.fortunesTest());
    }
    return test;
  }

  /** One classifier trained with the defaults, shared by tests that only read it. */
  static synchronized TopicClassifier trained() {
    if (trained == null) {
      trained = TopicTrainer.withDefaults().train(train());
    }
    return trained;
  }

  private static List<LabeledText> read(Path tsv) {
    return Fixtures.readTsv(tsv).stream().map(r -> LabeledText.of(r.text(), r.label())).toList();
  }
}
