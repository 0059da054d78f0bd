package org.newsdesk.benchmarks.classifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;
import org.newsdesk.classifier.Evaluation;
import org.newsdesk.classifier.FeaturePipeline;
import org.newsdesk.classifier.LabeledText;
import org.newsdesk.classifier.Learner;
import org.newsdesk.classifier.TopicClassifier;
import org.newsdesk.classifier.TopicTrainer;
import org.newsdesk.core.Article;
import org.newsdesk.core.NewsReader;

/**
 * Quality and speed of the Newsdesk classifier (and of plain OpenNLP doccat) on a data set's
 * train/test split, for docs/BENCHMARKS.md.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.newsdesk.benchmarks.classifier.ClassifierComparison
 * DATASET_DIR [ours|opennlp-gis] [pipeline=SETTINGS] [learner=SETTINGS] [threads=N]} where
 * DATASET_DIR holds {@code train.txt} and {@code test.txt} (article format, as written by {@code
 * shared/datasets/get_*.sh}; with {@code -Dtsv=true} the {@code .tsv} files are read instead) and
 * the settings are the library's text forms, read by {@link FeaturePipeline#parse} and {@link
 * Learner#parse} (e.g. {@code pipeline=ngrams=1-3,stemming=none,stop-words=english
 * learner=algorithm=maxent,l2=0.05,balance-labels=false threads=2}). Systems: {@code
 * ours}, {@code opennlp-gis}, {@code opennlp-qn-bigrams}, {@code opennlp-nb-bigrams}. Prints one
 * Markdown table row: accuracy, macro-F1, training seconds, prediction docs/s on one thread (and
 * per CPU-second) and on all cores. Each throughput figure is timed for {@code -Dseconds=5} after
 * {@code -Dwarmup=3} untimed seconds per thread.
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
    TopicTrainer trainer = TopicTrainer.withDefaults();
    StringBuilder settings = new StringBuilder();
    for (int i = 2; i < args.length; i++) {
      trainer = apply(trainer, args[i]);
      settings.append(' ').append(args[i]);
    }
    String name = dir.getFileName().toString();
    if (system.equals("ours")) {
      long t0 = System.nanoTime();
      long p0 = processCpu();
      TopicClassifier c = trainer.train(train);
      double trainS = (System.nanoTime() - t0) / 1e9;
      double trainCpu = (processCpu() - p0) / 1e9;
      Evaluation e = Evaluation.evaluate(c, test);
      double[] one = throughput(test, 1, t -> c.predict(t.title(), t.body()).label());
      int cores = Runtime.getRuntime().availableProcessors();
      double[] all = throughput(test, cores, t -> c.predict(t.title(), t.body()).label());
      System.out.printf(
          Locale.ROOT,
          "| %s | newsdesk%s | %.4f | %.4f | %.1f (%.1f CPU-s) | %.0f (%.0f per CPU-s) | %.0f (%d"
              + " threads) | %d features |%n",
          name,
          settings.length() == 0 ? " defaults" : settings,
          e.accuracy(),
          e.macroF1(),
          trainS,
          trainCpu,
          one[0],
          one[1],
          all[0],
          cores,
          c.provenance().orElseThrow().featureCount());
    } else if (system.startsWith("opennlp-")) {
      // plain OpenNLP doccat on whitespace tokens:
      //   opennlp-gis: DoccatFactory() (bag of words) + defaultParams (GIS, 100 iterations, cutoff 5)
      //   opennlp-qn-bigrams / opennlp-nb-bigrams: bag of words + NGramFeatureGenerator(2,2), cutoff 1
      TrainingParameters params = TrainingParameters.defaultParams();
      DoccatFactory factory = new DoccatFactory();
      String title = "DoccatFactory() + defaultParams (GIS, BoW, cutoff 5)";
      if (!system.equals("opennlp-gis")) {
        boolean qn = system.equals("opennlp-qn-bigrams");
        params.put(TrainingParameters.ALGORITHM_PARAM, qn ? "MAXENT_QN" : "NAIVEBAYES");
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        factory =
            new DoccatFactory(
                new opennlp.tools.doccat.FeatureGenerator[] {
                  new opennlp.tools.doccat.BagOfWordsFeatureGenerator(),
                  new opennlp.tools.doccat.NGramFeatureGenerator(2, 2)
                });
        title = (qn ? "MAXENT_QN" : "NAIVEBAYES") + ", BoW + bigrams, cutoff 1";
      }
      long t0 = System.nanoTime();
      long p0 = processCpu();
      DoccatModel model = trainOpenNlp(train, params, factory);
      double trainS = (System.nanoTime() - t0) / 1e9;
      double trainCpu = (processCpu() - p0) / 1e9;
      DocumentCategorizerME me = new DocumentCategorizerME(model);
      // the same whitespace tokens and best category as OpenNLP's Doccat tool gives
      Evaluation e = Evaluation.evaluate(TopicClassifier.of(model), test);
      double[] one =
          throughput(test, 1, t -> me.getBestCategory(me.categorize(tokens(t))));
      System.out.printf(
          Locale.ROOT,
          "| %s | plain OpenNLP doccat, %s | %.4f | %.4f | %.1f (%.1f CPU-s) | %.0f (%.0f per CPU-s)"
              + " | - |%n",
          name,
          title,
          e.accuracy(),
          e.macroF1(),
          trainS,
          trainCpu,
          one[0],
          one[1]);
    } else {
      throw new IllegalArgumentException("unknown system " + system);
    }
  }

  /** Trains plain OpenNLP doccat on whitespace tokens of title and body. */
  static DoccatModel trainOpenNlp(
      List<LabeledText> train, TrainingParameters params, DoccatFactory factory)
      throws IOException {
    return trainOpenNlp(train, params, factory, ClassifierComparison::tokens);
  }

  /** Trains plain OpenNLP doccat on the tokens {@code tokenizer} gives for each text. */
  static DoccatModel trainOpenNlp(
      List<LabeledText> train,
      TrainingParameters params,
      DoccatFactory factory,
      java.util.function.Function<LabeledText, String[]> tokenizer)
      throws IOException {
    List<DocumentSample> samples = new ArrayList<>();
    for (LabeledText t : train) {
      samples.add(new DocumentSample(t.label(), tokenizer.apply(t)));
    }
    return DocumentCategorizerME.train("x", new CollectionObjectStream<>(samples), params, factory);
  }

  /** CPU time of the whole JVM (all threads, including JIT and GC), in nanoseconds. */
  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static String[] tokens(LabeledText t) {
    String text = t.title().isEmpty() ? t.body() : t.title() + " " + t.body();
    return opennlp.tools.tokenize.WhitespaceTokenizer.INSTANCE.tokenize(text);
  }

  private static double[] throughput(
      List<LabeledText> docs, int threads, java.util.function.Function<LabeledText, String> f)
      throws Exception {
    Throughput.Rate r =
        Throughput.measure(
            docs,
            threads,
            Double.parseDouble(System.getProperty("warmup", "3")),
            Double.parseDouble(System.getProperty("seconds", "5")),
            f);
    return new double[] {r.perSecond(), r.perCpuSecond()};
  }

  /** One {@code pipeline=...}, {@code learner=...} or {@code threads=N} argument. */
  private static TopicTrainer apply(TopicTrainer trainer, String setting) {
    String[] kv = setting.split("=", 2);
    if (kv.length != 2) {
      throw new IllegalArgumentException("expected pipeline=..., learner=... or threads=N: " + setting);
    }
    return switch (kv[0]) {
      case "pipeline" -> trainer.withPipeline(FeaturePipeline.parse(kv[1]));
      case "learner" -> trainer.withLearner(Learner.parse(kv[1]));
      case "threads" -> trainer.withThreads(Integer.parseInt(kv[1]));
      default -> throw new IllegalArgumentException("unknown argument " + setting);
    };
  }

  /** Reads an article-format file with the core parser; the category is the label. */
  static List<LabeledText> readArticles(Path file) throws IOException {
    List<LabeledText> out = new ArrayList<>();
    for (Article a : NewsReader.readAll(file)) {
      out.add(LabeledText.from(a));
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
