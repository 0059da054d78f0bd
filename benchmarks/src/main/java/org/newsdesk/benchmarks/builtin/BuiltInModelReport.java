package org.newsdesk.benchmarks.builtin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.newsdesk.classifier.Evaluation;
import org.newsdesk.classifier.LabeledText;
import org.newsdesk.classifier.TopicClassifier;
import org.newsdesk.classifier.TopicTrainer;
import org.newsdesk.classifier.TrainingConfig;
import org.newsdesk.core.NewsFormat;
import org.newsdesk.core.NewsReader;

/**
 * Reports on the built-in topic model: cold load time (first {@code builtIn()} call in this JVM),
 * the cached second call, and 10-fold stratified cross-validation on the corpus with the exact
 * configuration recorded in the shipped model's provenance.
 *
 * <pre>
 * mvn -B -q -DskipTests package
 * java -cp benchmarks/target/benchmarks.jar org.newsdesk.benchmarks.builtin.BuiltInModelReport classifier/corpus
 * </pre>
 */
public final class BuiltInModelReport {

  private BuiltInModelReport() {}

  /**
   * Entry point.
   *
   * @param args the corpus directory, and optionally the number of folds (default 10)
   * @throws IOException if the corpus cannot be read
   */
  public static void main(String[] args) throws IOException {
    long t0 = System.nanoTime();
    TopicClassifier model = TopicClassifier.builtIn();
    long t1 = System.nanoTime();
    TopicClassifier.builtIn();
    long t2 = System.nanoTime();
    System.out.printf("builtIn() first call: %.1f ms; cached call: %.3f ms%n",
        (t1 - t0) / 1e6, (t2 - t1) / 1e6);
    System.out.println("model: " + model);

    Path dir = Path.of(args.length > 0 ? args[0] : "classifier/corpus");
    int folds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    List<LabeledText> data = new ArrayList<>();
    try (NewsReader r = NewsReader.openAll(files, NewsFormat.DEFAULT)) {
      r.forEach(a -> data.add(LabeledText.from(a)));
    }
    TrainingConfig config = model.provenance().config();
    long c0 = System.nanoTime();
    Evaluation cv = Evaluation.crossValidate(new TopicTrainer(config), data, folds, 42L);
    System.out.printf("%d-fold stratified CV on %d corpus articles (seed 42), %.1f s:%n",
        folds, data.size(), (System.nanoTime() - c0) / 1e9);
    System.out.println(cv);

    // The seeds are the only real news in the corpus: train on the team-written articles alone
    // and test on the seeds, a proxy for how the model does on real published items.
    List<LabeledText> seeds = new ArrayList<>();
    List<LabeledText> written = new ArrayList<>();
    try (NewsReader r = NewsReader.openAll(files, NewsFormat.DEFAULT)) {
      r.forEach(a -> (a.source().endsWith("seeds.txt") ? seeds : written).add(LabeledText.from(a)));
    }
    Evaluation real = Evaluation.evaluate(new TopicTrainer(config).train(written), seeds);
    System.out.printf("trained on %d written articles, tested on the %d real seed articles:%n",
        written.size(), seeds.size());
    System.out.println(real);
  }
}
