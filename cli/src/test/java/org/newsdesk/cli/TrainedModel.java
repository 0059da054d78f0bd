package org.newsdesk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.newsdesk.classifier.LabeledText;
import org.newsdesk.classifier.TopicTrainer;
import org.newsdesk.core.NewsReader;

/** A small model trained once per test run on the labeled seed articles, saved to a file. */
final class TrainedModel {
  private static Path file;

  private TrainedModel() {}

  static synchronized Path file() {
    if (file == null) {
      try {
        List<LabeledText> data =
            NewsReader.readAll(Cli.LABELED).stream().map(LabeledText::from).toList();
        Path dir = Files.createTempDirectory("newsdesk-test-model");
        file = dir.resolve("seeds.bin");
        TopicTrainer.withDefaults().train(data).save(file);
        file.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return file;
  }
}
