package org.newsdesk.examples;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.newsdesk.classifier.Evaluation;
import org.newsdesk.classifier.FeaturePipeline;
import org.newsdesk.classifier.LabeledText;
import org.newsdesk.classifier.Learner;
import org.newsdesk.classifier.Prediction;
import org.newsdesk.classifier.TopicClassifier;
import org.newsdesk.classifier.TopicTrainer;
import org.newsdesk.core.NewsFormat;
import org.newsdesk.core.NewsReader;

/**
 * Trains a topic model on labeled digests (the label is each article's category) with a feature
 * pipeline and learner given in their text form, estimates its quality with cross-validation,
 * saves it, loads it back and predicts with it.
 *
 * <p>Run: {@code java -cp examples/target/newsdesk-examples.jar org.newsdesk.examples.TrainExample
 * MODEL_FILE LABELED_FILE...}
 */
public final class TrainExample {
  private TrainExample() {}

  /**
   * Entry point.
   *
   * @param args where to save the model (default: {@code my-topics.bin}), then the labeled digests
   *     (default: the built-in model's corpus, {@code classifier/corpus/*.txt})
   * @throws IOException if a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    Path modelFile = Path.of(args.length > 0 ? args[0] : "my-topics.bin");
    List<Path> labeled = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      labeled.add(Path.of(args[i]));
    }
    if (labeled.isEmpty()) {
      try (DirectoryStream<Path> corpus =
          Files.newDirectoryStream(Path.of("classifier/corpus"), "*.txt")) {
        corpus.forEach(labeled::add);
      }
    }
    // tag::train[]
    List<LabeledText> examples;
    try (NewsReader reader = NewsReader.openAll(labeled, NewsFormat.DEFAULT)) {
      examples = reader.stream().map(LabeledText::from).toList();
    }
    // the defaults, spelled out: how text becomes features, and the learning algorithm
    TopicTrainer trainer =
        new TopicTrainer(
            FeaturePipeline.parse("ngrams=1-2,stemming=english,min-df=2"),
            Learner.parse("algorithm=maxent,iterations=100,l2=0.1"));

    Evaluation cv = Evaluation.crossValidate(trainer, examples, 3, 42L);
    System.out.printf(
        "3-fold cross-validation: accuracy %.3f, macro-F1 %.3f%n", cv.accuracy(), cv.macroF1());

    trainer.train(examples).save(modelFile);
    TopicClassifier model = TopicClassifier.load(modelFile);
    Prediction p =
        model.predict(
            "Customs seize counterfeit watches at the port",
            "Officers found 4,000 fake watches in a container during a joint operation.");
    System.out.println("predicted: " + p.label() + " " + p.topK(3));
    // end::train[]
  }
}
