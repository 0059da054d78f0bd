package org.newsdesk.benchmarks.classifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;
import org.newsdesk.classifier.Evaluation;
import org.newsdesk.classifier.LabeledText;
import org.newsdesk.classifier.TopicClassifier;
import org.newsdesk.classifier.TopicTrainer;
import org.newsdesk.classifier.TrainingConfig;

/**
 * Quality and speed of the Newsdesk classifier (and of plain OpenNLP doccat) on a data set's
 * train/test split, for docs/BENCHMARKS.md.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.newsdesk.benchmarks.classifier.ClassifierComparison
 * DATASET_DIR [ours|opennlp-gis] [setting=value ...]} where DATASET_DIR holds {@code train.txt} and
 * {@code test.txt} (article format, as written by {@code shared/datasets/get_*.sh}; with {@code
 * -Dtsv=true} the {@code .tsv} files are read instead) and
 * the settings override {@link TrainingConfig#defaults()} (e.g. {@code regularization=0.05
 * ngramMax=3 stemming=NONE stopWords=english threads=2 algorithm=NAIVEBAYES}). Prints one Markdown
 * table row: accuracy, macro-F1, training seconds, prediction docs/s on one thread and on all
 * cores.
 */
public final class ClassifierComparison {

  private ClassifierComparison() {}

  /**
   * Runs the comparison.
   *
   * @param args the data set directory, the system and settings
   * @throws IOException if the data cannot be read
   * @throws Exception if a prediction thread fails
   */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String system = args.length > 1 ? args[1] : "ours";
    boolean tsv = Boolean.getBoolean("tsv");
    List<LabeledText> train =
        tsv ? readTsv(dir.resolve("train.tsv")) : readArticles(dir.resolve("train.txt"));
    List<LabeledText> test =
        tsv ? readTsv(dir.resolve("test.tsv")) : readArticles(dir.resolve("test.txt"));
    TrainingConfig.Builder b = TrainingConfig.defaults().toBuilder();
    StringBuilder settings = new StringBuilder();
    for (int i = 2; i < args.length; i++) {
      apply(b, args[i]);
      settings.append(' ').append(args[i]);
    }
    TrainingConfig config = b.build();
    String name = dir.getFileName().toString();
    if (system.equals("ours")) {
      long t0 = System.nanoTime();
      TopicClassifier c = new TopicTrainer(config).train(train);
      double trainS = (System.nanoTime() - t0) / 1e9;
      Evaluation e = Evaluation.evaluate(c, test);
      double one = throughput(test, 1, t -> c.predict(t.title(), t.body()).label());
      int cores = Runtime.getRuntime().availableProcessors();
      double all = throughput(test, cores, t -> c.predict(t.title(), t.body()).label());
      System.out.printf(
          Locale.ROOT,
          "| %s | newsdesk%s | %.3f | %.3f | %.1f | %.0f | %.0f (%d threads) | %d features |%n",
          name,
          settings.length() == 0 ? " defaults" : settings,
          e.accuracy(),
          e.macroF1(),
          trainS,
          one,
          all,
          cores,
          c.provenance().featureCount());
    } else if (system.equals("opennlp-gis")) {
      // plain OpenNLP: DoccatFactory() (bag of words, whitespace tokens), defaultParams (GIS, cutoff 5)
      List<DocumentSample> samples = new ArrayList<>();
      for (LabeledText t : train) {
        samples.add(new DocumentSample(t.label(), tokens(t)));
      }
      long t0 = System.nanoTime();
      DoccatModel model =
          DocumentCategorizerME.train(
              "x",
              new CollectionObjectStream<>(samples),
              TrainingParameters.defaultParams(),
              new DoccatFactory());
      double trainS = (System.nanoTime() - t0) / 1e9;
      DocumentCategorizerME me = new DocumentCategorizerME(model);
      List<String> gold = new ArrayList<>();
      List<String> pred = new ArrayList<>();
      for (LabeledText t : test) {
        gold.add(t.label());
        pred.add(me.getBestCategory(me.categorize(tokens(t))));
      }
      Evaluation e = Evaluation.of(gold, pred);
      double one =
          throughput(test, 1, t -> {
            DocumentCategorizerME m = new DocumentCategorizerME(model);
            return m.getBestCategory(m.categorize(tokens(t)));
          });
      System.out.printf(
          Locale.ROOT,
          "| %s | plain OpenNLP doccat, DoccatFactory() + defaultParams (GIS, BoW, cutoff 5) |"
              + " %.3f | %.3f | %.1f | %.0f | - |%n",
          name,
          e.accuracy(),
          e.macroF1(),
          trainS,
          one);
    } else {
      throw new IllegalArgumentException("unknown system " + system);
    }
  }

  private static String[] tokens(LabeledText t) {
    String text = t.title().isEmpty() ? t.body() : t.title() + " " + t.body();
    return opennlp.tools.tokenize.WhitespaceTokenizer.INSTANCE.tokenize(text);
  }

  /** Docs/s over the test texts, repeated for at least ~2 s after a warm-up pass. */
  private static double throughput(
      List<LabeledText> docs, int threads, java.util.function.Function<LabeledText, String> f)
      throws Exception {
    for (int i = 0; i < 3; i++) {
      for (LabeledText t : docs) {
        f.apply(t);
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      int rounds = 5;
      long t0 = System.nanoTime();
      List<Future<Integer>> futures = new ArrayList<>();
      for (int th = 0; th < threads; th++) {
        futures.add(
            pool.submit(
                () -> {
                  int n = 0;
                  for (int r = 0; r < rounds; r++) {
                    for (LabeledText t : docs) {
                      if (f.apply(t) != null) {
                        n++;
                      }
                    }
                  }
                  return n;
                }));
      }
      long n = 0;
      for (Future<Integer> fu : futures) {
        n += fu.get();
      }
      return n / ((System.nanoTime() - t0) / 1e9);
    } finally {
      pool.shutdown();
    }
  }

  private static void apply(TrainingConfig.Builder b, String setting) {
    String[] kv = setting.split("=", 2);
    String v = kv[1];
    switch (kv[0]) {
      case "algorithm" -> b.algorithm(TrainingConfig.Algorithm.valueOf(v));
      case "iterations" -> b.iterations(Integer.parseInt(v));
      case "cutoff" -> b.cutoff(Integer.parseInt(v));
      case "maxFeatures" -> b.maxFeatures(Integer.parseInt(v));
      case "regularization" -> b.regularization(Double.parseDouble(v));
      case "ngramMax" -> b.ngramRange(1, Integer.parseInt(v));
      case "lowercase" -> b.lowercase(Boolean.parseBoolean(v));
      case "unicodeNormalization" -> b.unicodeNormalization(Boolean.parseBoolean(v));
      case "stopWords" ->
          b.stopWords(v.equals("english") ? TrainingConfig.ENGLISH_STOP_WORDS : java.util.Set.of());
      case "stemming" -> b.stemming(TrainingConfig.Stemming.valueOf(v));
      case "titleWeight" -> b.titleWeight(Double.parseDouble(v));
      case "sublinearTf" -> b.sublinearTf(Boolean.parseBoolean(v));
      case "idf" -> b.idf(Boolean.parseBoolean(v));
      case "normalize" -> b.normalize(Boolean.parseBoolean(v));
      case "balanceLabels" -> b.balanceLabels(Boolean.parseBoolean(v));
      case "seed" -> b.seed(Long.parseLong(v));
      case "threads" -> b.threads(Integer.parseInt(v));
      default -> throw new IllegalArgumentException("unknown setting " + kv[0]);
    }
  }

  /**
   * Reads the article-format files the dataset scripts write (title, title, body, "date label",
   * separated by blank lines; fields never contain newlines there). A stop-gap until the core
   * parser is merged.
   */
  static List<LabeledText> readArticles(Path file) throws IOException {
    String all = Files.readString(file, StandardCharsets.UTF_8);
    String[] blocks = all.split("\n\n");
    List<LabeledText> out = new ArrayList<>();
    for (int i = 0; i + 3 < blocks.length; i += 4) {
      String meta = blocks[i + 3];
      String label = meta.substring(meta.indexOf(' ') + 1).trim();
      out.add(new LabeledText(blocks[i], blocks[i + 2], label));
    }
    return out;
  }

  /** Reads {@code label<TAB>text} lines; the text becomes the body (no separate title). */
  static List<LabeledText> readTsv(Path file) throws IOException {
    List<LabeledText> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        out.add(LabeledText.of(line.substring(tab + 1), line.substring(0, tab)));
      }
    }
    return out;
  }
}
