package org.newsdesk.examples;

import java.io.IOException;
import java.nio.file.Path;
import org.newsdesk.classifier.Prediction;
import org.newsdesk.classifier.TopicClassifier;
import org.newsdesk.core.Article;
import org.newsdesk.core.NewsReader;

/**
 * Tags each article of a digest with a topic using the built-in customs/trade model: nothing to
 * download or train.
 *
 * <p>Run: {@code java -cp examples/target/newsdesk-examples.jar org.newsdesk.examples.ClassifyExample FILE}
 */
public final class ClassifyExample {
  private ClassifyExample() {}

  /**
   * Entry point.
   *
   * @param args the digest file (default: a bundled sample)
   * @throws IOException if the file cannot be read
   */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args.length > 0 ? args[0] : "examples/samples/004_cf43153b14bbf254.txt");
    // tag::classify[]
    TopicClassifier classifier = TopicClassifier.builtIn(); // thread-safe, load once
    for (Article article : NewsReader.readAll(file)) {
      Prediction prediction = classifier.predict(article);
      String topic = prediction.unknown() ? "(unknown)" : prediction.label();
      System.out.printf("%-27s %.2f  %s%n", topic, prediction.score(), article.title());
    }
    // end::classify[]
  }
}
