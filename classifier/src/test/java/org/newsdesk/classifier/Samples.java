package org.newsdesk.classifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test data: a small slice of the BSD-licensed fortunes corpus (see the resources README). */
final class Samples {

  private static List<LabeledText> train;
  private static List<LabeledText> test;
  private static TopicClassifier trained;

  private Samples() {}

  static synchronized List<LabeledText> train() {
    if (train == null) {
      train = read("fortunes-train.tsv");
    }
    return train;
  }

  static synchronized List<LabeledText> test() {
    if (test == null) {
      test = read("fortunes-test.tsv");
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

  static List<LabeledText> read(String resource) {
    List<LabeledText> out = new ArrayList<>();
    try (InputStream in = Samples.class.getResourceAsStream(resource);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        int tab = line.indexOf('\t');
        out.add(LabeledText.of(line.substring(tab + 1), line.substring(0, tab)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
