package org.newsdesk.benchmarks.classifier;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.TrainingParameters;
import org.newsdesk.classifier.Evaluation;
import org.newsdesk.classifier.LabeledText;
import org.newsdesk.classifier.TopicClassifier;
import org.newsdesk.classifier.TopicTrainer;

/**
 * Prediction throughput of the Newsdesk classifier (default pipeline and learner) against plain
 * OpenNLP doccat defaults ({@code DoccatFactory()} + {@code TrainingParameters.defaultParams()}:
 * bag of words, GIS) in the same JVM, all trained on the data set's train split and run over its
 * test split, title and body. OpenNLP runs twice: on whitespace tokens, as its own {@code Doccat}
 * tool tokenizes (the cheapest baseline), and on the tokens of its {@code SimpleTokenizer} (the
 * token boundaries Newsdesk uses), each model trained on the tokens it is then given. Every
 * system's time includes its tokenizing. The systems take turns in short rounds, so that all see
 * the same machine; the figures that matter are the medians of the per-round ratios.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.newsdesk.benchmarks.classifier.PredictionSpeed
 * DATASET_DIR [ROUNDS [SECONDS]]} (defaults 7 rounds of 2 s per system, after one untimed round
 * each), on 1 thread and then on all cores. It first prints Newsdesk's test accuracy and macro-F1,
 * so a run shows that the speed did not cost accuracy.
 */
public final class PredictionSpeed {

  private PredictionSpeed() {}

  /** One system under test: a name and a function from a text to its best label. */
  private record Contender(String name, Function<LabeledText, String> predict) {}

  /**
   * Runs the comparison and prints one Markdown table row per thread count.
   *
   * @param args the data set directory, optionally the number of rounds and seconds per round
   * @throws Exception if the data cannot be read or a prediction thread fails
   */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 2;
    List<LabeledText> train = ClassifierComparison.readArticles(dir.resolve("train.txt"));
    List<LabeledText> test = ClassifierComparison.readArticles(dir.resolve("test.txt"));

    TopicClassifier ours = TopicTrainer.withDefaults().train(train);
    Evaluation e = Evaluation.evaluate(ours, test);
    System.out.printf(
        Locale.ROOT,
        "%s: newsdesk accuracy %.4f, macro-F1 %.4f on %d test texts%n",
        dir.getFileName(),
        e.accuracy(),
        e.macroF1(),
        test.size());

    List<Contender> systems = new ArrayList<>();
    systems.add(new Contender("newsdesk", t -> ours.predict(t.title(), t.body()).label()));
    systems.add(
        openNlp("OpenNLP, whitespace tokens", train, ClassifierComparison::tokens));
    systems.add(
        openNlp(
            "OpenNLP, SimpleTokenizer tokens",
            train,
            t -> SimpleTokenizer.INSTANCE.tokenize(joined(t))));

    StringBuilder header = new StringBuilder("| threads | newsdesk docs/s (per CPU-s), median [min-max]");
    StringBuilder rule = new StringBuilder("|---|---");
    for (Contender s : systems.subList(1, systems.size())) {
      header.append(" | ").append(s.name()).append(" docs/s | newsdesk / it, median of round ratios [min-max]");
      rule.append("|---|---");
    }
    System.out.println(header.append(" |"));
    System.out.println(rule.append("|"));
    int cores = Runtime.getRuntime().availableProcessors();
    for (int threads : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
      int n = systems.size();
      double[][] wall = new double[n][rounds];
      double[][] cpu = new double[n][rounds];
      for (int r = -1; r < rounds; r++) {
        for (int i = 0; i < n; i++) {
          Throughput.Rate rate = Throughput.measure(test, threads, 0, seconds, systems.get(i).predict());
          if (r >= 0) { // round -1 warms up the JIT and the per-thread caches
            wall[i][r] = rate.perSecond();
            cpu[i][r] = rate.perCpuSecond();
          }
        }
      }
      StringBuilder row =
          new StringBuilder(String.format(Locale.ROOT, "| %d | %s", threads, summary(wall[0], cpu[0])));
      for (int i = 1; i < n; i++) {
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          ratios[r] = wall[0][r] / wall[i][r];
        }
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        row.append(" | ").append(summary(wall[i], cpu[i]));
        row.append(
            String.format(
                Locale.ROOT, " | **%.2f** [%.2f-%.2f]", median(ratios), sorted[0], sorted[rounds - 1]));
      }
      System.out.println(row.append(" |"));
    }
  }

  /** Plain OpenNLP doccat defaults trained and run on the tokens {@code tokenizer} gives. */
  private static Contender openNlp(
      String name, List<LabeledText> train, Function<LabeledText, String[]> tokenizer)
      throws java.io.IOException {
    DoccatModel model =
        ClassifierComparison.trainOpenNlp(
            train, TrainingParameters.defaultParams(), new DoccatFactory(), tokenizer);
    // DocumentCategorizerME is not documented as thread-safe: one per thread
    ThreadLocal<DocumentCategorizerME> me =
        ThreadLocal.withInitial(() -> new DocumentCategorizerME(model));
    return new Contender(
        name,
        t -> {
          DocumentCategorizerME c = me.get();
          return c.getBestCategory(c.categorize(tokenizer.apply(t)));
        });
  }

  private static String joined(LabeledText t) {
    return t.title().isEmpty() ? t.body() : t.title() + " " + t.body();
  }

  private static String summary(double[] wall, double[] cpu) {
    double[] w = wall.clone();
    Arrays.sort(w);
    return String.format(
        Locale.ROOT, "%.0f (%.0f) [%.0f-%.0f]", median(wall), median(cpu), w[0], w[w.length - 1]);
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
