package org.newsdesk.benchmarks.builtin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.newsdesk.classifier.Evaluation;
import org.newsdesk.classifier.LabeledText;
import org.newsdesk.classifier.TopicClassifier;
import org.newsdesk.classifier.TopicTrainer;
import org.newsdesk.classifier.ModelProvenance;
import org.newsdesk.core.NewsFormat;
import org.newsdesk.core.NewsReader;

/**
 * Reports on the built-in topic model: cold load time (first {@code builtIn()} call in this JVM),
 * the cached second call, and 10-fold stratified cross-validation on the corpus with the exact
 * feature pipeline and learner recorded in the shipped model's provenance.
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
    // Read once; the seeds are the only real news in the corpus (see below).
    List<LabeledText> data = new ArrayList<>();
    List<LabeledText> seeds = new ArrayList<>();
    List<LabeledText> written = new ArrayList<>();
    try (NewsReader r = NewsReader.openAll(List.of(dir), NewsFormat.DEFAULT)) {
      r.forEach(
          a -> {
            LabeledText t = LabeledText.from(a);
            data.add(t);
            (a.source().endsWith("seeds.txt") ? seeds : written).add(t);
          });
    }
    ModelProvenance shipped = model.provenance().orElseThrow();
    TopicTrainer trainer = new TopicTrainer(shipped.pipeline(), shipped.learner());
    long c0 = System.nanoTime();
    Evaluation cv = Evaluation.crossValidate(trainer, data, folds, 42L);
    System.out.printf("%d-fold stratified CV on %d corpus articles (seed 42), %.1f s:%n",
        folds, data.size(), (System.nanoTime() - c0) / 1e9);
    System.out.println(cv);

    // Train on the team-written articles alone and test on the real seeds: a proxy for how the
    // model does on real published items.
    Evaluation real = Evaluation.evaluate(trainer.train(written), seeds);
    System.out.printf("trained on %d written articles, tested on the %d real seed articles:%n",
        written.size(), seeds.size());
    System.out.println(real);

    confidenceTable(data, trainer, folds);
  }

  /**
   * Out-of-fold predictions (the same stratified split idea as {@link Evaluation#crossValidate}):
   * for each score threshold, the share of articles whose top score reaches it (coverage) and
   * the accuracy on those. Tells users where to put {@code --min-score}.
   */
  private static void confidenceTable(List<LabeledText> data, TopicTrainer trainer, int folds) {
    List<LabeledText> shuffled = new ArrayList<>(data);
    java.util.Collections.shuffle(shuffled, new java.util.Random(42L));
    shuffled.sort(java.util.Comparator.comparing(LabeledText::label)); // stable: random within label
    double[] scores = new double[shuffled.size()];
    boolean[] correct = new boolean[shuffled.size()];
    for (int f = 0; f < folds; f++) {
      List<LabeledText> train = new ArrayList<>();
      List<Integer> test = new ArrayList<>();
      for (int i = 0; i < shuffled.size(); i++) {
        if (i % folds == f) {
          test.add(i);
        } else {
          train.add(shuffled.get(i));
        }
      }
      TopicClassifier m = trainer.train(train);
      for (int i : test) {
        LabeledText t = shuffled.get(i);
        var p = m.predict(t.title(), t.body());
        scores[i] = p.score();
        correct[i] = p.label().equals(t.label());
      }
    }
    System.out.println("out-of-fold top score vs accuracy (" + folds + " folds):");
    System.out.println("min score  coverage  accuracy");
    for (double th : new double[] {0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8}) {
      int n = 0;
      int ok = 0;
      for (int i = 0; i < scores.length; i++) {
        if (scores[i] >= th) {
          n++;
          ok += correct[i] ? 1 : 0;
        }
      }
      System.out.printf("%9.2f  %8.3f  %8.3f%n", th, (double) n / scores.length,
          n == 0 ? Double.NaN : (double) ok / n);
    }
  }
}
