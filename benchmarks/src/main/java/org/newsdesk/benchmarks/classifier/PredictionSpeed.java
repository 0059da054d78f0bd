package org.newsdesk.benchmarks.classifier;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.util.TrainingParameters;
import org.newsdesk.classifier.LabeledText;
import org.newsdesk.classifier.TopicClassifier;
import org.newsdesk.classifier.TopicTrainer;

/**
 * Prediction throughput of the Newsdesk classifier (default configuration) against plain OpenNLP
 * doccat ({@code DoccatFactory()} + {@code TrainingParameters.defaultParams()}: bag of words, GIS)
 * in the same JVM, both trained on the data set's train split and run over its test split. The two
 * systems take turns in short rounds, so that both see the same machine; the figure that matters
 * is the ratio of their medians.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.newsdesk.benchmarks.classifier.PredictionSpeed
 * DATASET_DIR [ROUNDS [SECONDS]]} (defaults 7 rounds of 2 s per system, after one untimed round
 * each), on 1 thread and then on all cores.
 */
public final class PredictionSpeed {

  private PredictionSpeed() {}

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
    DoccatModel plain =
        ClassifierComparison.trainOpenNlp(
            train, TrainingParameters.defaultParams(), new DoccatFactory());
    // DocumentCategorizerME is not documented as thread-safe: one per thread
    ThreadLocal<DocumentCategorizerME> me =
        ThreadLocal.withInitial(() -> new DocumentCategorizerME(plain));
    Function<LabeledText, String> newsdesk = t -> ours.predict(t.title(), t.body()).label();
    Function<LabeledText, String> opennlp =
        t -> {
          DocumentCategorizerME c = me.get();
          return c.getBestCategory(c.categorize(ClassifierComparison.tokens(t)));
        };

    System.out.println(
        "| threads | newsdesk docs/s (per CPU-s), median [min-max] | plain OpenNLP docs/s (per"
            + " CPU-s), median [min-max] | newsdesk / OpenNLP, median of round ratios |");
    System.out.println("|---|---|---|---|");
    int cores = Runtime.getRuntime().availableProcessors();
    for (int threads : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
      double[][] wall = new double[2][rounds];
      double[][] cpu = new double[2][rounds];
      double[] ratios = new double[rounds];
      for (int r = -1; r < rounds; r++) {
        Throughput.Rate a = Throughput.measure(test, threads, 0, seconds, newsdesk);
        Throughput.Rate b = Throughput.measure(test, threads, 0, seconds, opennlp);
        if (r >= 0) { // round -1 warms up the JIT and the per-thread caches
          wall[0][r] = a.perSecond();
          cpu[0][r] = a.perCpuSecond();
          wall[1][r] = b.perSecond();
          cpu[1][r] = b.perCpuSecond();
          ratios[r] = a.perSecond() / b.perSecond();
        }
      }
      System.out.printf(
          Locale.ROOT,
          "| %d | %s | %s | %.2f |%n",
          threads,
          summary(wall[0], cpu[0]),
          summary(wall[1], cpu[1]),
          median(ratios));
    }
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
