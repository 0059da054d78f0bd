package org.newsdesk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.newsdesk.classifier.TopicClassifier;
import picocli.CommandLine.Option;

/** The {@code --model} option of classify and evaluate: a saved model, or the built-in one. */
final class ModelOption {
  @Option(
      names = "--model",
      paramLabel = "FILE",
      description =
          "Model saved by `newsdesk train`, or an OpenNLP doccat model. Default: the built-in"
              + " model.")
  Path file;

  /** A name for reports: the file name, or "built-in model". */
  String name() {
    return file == null ? "built-in model" : file.getFileName().toString();
  }

  /** Loads the model; a missing or unusable one is bad input. */
  TopicClassifier load() {
    if (file == null) {
      try {
        return TopicClassifier.builtIn();
      } catch (IOException e) {
        // The library's message already names the built-in model and what is wrong.
        throw new InputException(e.getMessage(), e);
      }
    }
    if (!Files.isRegularFile(file)) {
      throw new InputException(
          file
              + (Files.exists(file)
                  ? ": not a model file (a directory, device or pipe)"
                  : ": no such model file"));
    }
    try {
      return TopicClassifier.load(file);
    } catch (IOException e) {
      String message = String.valueOf(e.getMessage());
      String named = file + ": ";
      // the library's messages name the file already: once is enough
      throw new InputException(
          named
              + "not a usable model: "
              + (message.startsWith(named) ? message.substring(named.length()) : message),
          e);
    }
  }
}
