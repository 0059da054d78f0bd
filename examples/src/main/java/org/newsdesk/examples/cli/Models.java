package org.newsdesk.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.newsdesk.classifier.TopicClassifier;

/** Loads the model a command was given, or the built-in one. */
final class Models {
  private Models() {}

  /** The model at {@code file}, or the built-in model when {@code file} is null. */
  static TopicClassifier load(Path file) {
    if (file == null) {
      try {
        return TopicClassifier.builtIn();
      } catch (RuntimeException e) {
        // The library's messages already name the built-in model; add the underlying cause.
        Throwable cause = e.getCause();
        throw new InputException(
            e.getMessage() + (cause == null ? "" : ": " + cause.getMessage()), e);
      }
    }
    if (!Files.isRegularFile(file)) {
      throw new InputException(file + ": no such model file");
    }
    try {
      return TopicClassifier.load(file);
    } catch (IOException e) {
      throw new InputException(file + ": not a usable model: " + e.getMessage(), e);
    }
  }
}
