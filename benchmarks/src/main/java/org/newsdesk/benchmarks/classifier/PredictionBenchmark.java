package org.newsdesk.benchmarks.classifier;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.util.TrainingParameters;
import org.newsdesk.classifier.LabelScore;
import org.newsdesk.classifier.LabeledText;
import org.newsdesk.classifier.Prediction;
import org.newsdesk.classifier.TopicClassifier;
import org.newsdesk.classifier.TopicTrainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Time and allocation per prediction, one text per operation, cycling through a data set's test
 * split: the Newsdesk classifier (default pipeline and learner, trained on the train split) asked
 * for the best label, or for the top three labels and scores as {@code newsdesk classify} prints
 * them, and plain OpenNLP doccat defaults ({@code DoccatFactory()}, GIS) on whitespace tokens as
 * OpenNLP's {@code Doccat} tool gives them. Run with JMH's GC profiler for bytes per prediction
 * ({@code gc.alloc.rate.norm}):
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar PredictionBenchmark -p data=/tmp/ds/fortunes -prof gc
 * </pre>
 *
 * <p>{@link PredictionSpeed} compares throughput in one JVM; this benchmark shows what one
 * prediction costs and allocates.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PredictionBenchmark {

  /** Creates the benchmark; JMH calls this. */
  public PredictionBenchmark() {}

  /** The test split, read once per fork. */
  @State(Scope.Benchmark)
  public static class Data {
    /** A data set directory holding {@code train.txt} and {@code test.txt} (article format). */
    @Param("/tmp/ds/fortunes")
    public String data;

    List<LabeledText> train;
    List<LabeledText> test;

    /** Creates the state; JMH calls this. */
    public Data() {}

    /**
     * Reads the splits.
     *
     * @throws IOException if the data cannot be read
     */
    @Setup(Level.Trial)
    public void read() throws IOException {
      Path dir = Path.of(data);
      train = ClassifierComparison.readArticles(dir.resolve("train.txt"));
      test = ClassifierComparison.readArticles(dir.resolve("test.txt"));
    }
  }

  /** The position in the test split, per benchmark thread. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    /** Creates the state; JMH calls this. */
    public Cursor() {}

    LabeledText take(List<LabeledText> texts) {
      LabeledText t = texts.get(next);
      next = next + 1 == texts.size() ? 0 : next + 1;
      return t;
    }
  }

  /** The Newsdesk classifier, trained with the defaults. */
  @State(Scope.Benchmark)
  public static class Newsdesk {
    TopicClassifier classifier;

    /** Creates the state; JMH calls this. */
    public Newsdesk() {}

    /**
     * Trains the classifier.
     *
     * @param data the data set
     */
    @Setup(Level.Trial)
    public void train(Data data) {
      classifier = TopicTrainer.withDefaults().train(data.train);
    }
  }

  /** Plain OpenNLP doccat defaults, one categorizer per thread. */
  @State(Scope.Thread)
  public static class OpenNlp {
    DocumentCategorizerME categorizer;

    /** Creates the state; JMH calls this. */
    public OpenNlp() {}

    /**
     * Trains the model.
     *
     * @param data the data set
     * @throws IOException if training fails
     */
    @Setup(Level.Trial)
    public void train(Data data) throws IOException {
      DoccatModel model =
          ClassifierComparison.trainOpenNlp(
              data.train, TrainingParameters.defaultParams(), new DoccatFactory());
      categorizer = new DocumentCategorizerME(model);
    }
  }

  /**
   * Newsdesk, best label only.
   *
   * @param data the data set
   * @param cursor the next text
   * @param c the classifier
   * @return the label
   */
  @Benchmark
  public String newsdeskLabel(Data data, Cursor cursor, Newsdesk c) {
    LabeledText t = cursor.take(data.test);
    return c.classifier.predict(t.title(), t.body()).label();
  }

  /**
   * Newsdesk, the best three labels with scores, as {@code newsdesk classify --top 3} reads them.
   *
   * @param data the data set
   * @param cursor the next text
   * @param c the classifier
   * @param bh consumes every label and score
   */
  @Benchmark
  public void newsdeskTop3(Data data, Cursor cursor, Newsdesk c, Blackhole bh) {
    LabeledText t = cursor.take(data.test);
    Prediction p = c.classifier.predict(t.title(), t.body());
    bh.consume(p.label());
    bh.consume(p.score());
    for (LabelScore s : p.topK(3)) {
      bh.consume(s.label());
      bh.consume(s.score());
    }
  }

  /**
   * Plain OpenNLP doccat: whitespace tokens of title and body, categorize, best category.
   *
   * @param data the data set
   * @param cursor the next text
   * @param o the categorizer
   * @return the best category
   */
  @Benchmark
  public String openNlpWhitespace(Data data, Cursor cursor, OpenNlp o) {
    LabeledText t = cursor.take(data.test);
    DocumentCategorizerME me = o.categorizer;
    return me.getBestCategory(me.categorize(ClassifierComparison.tokens(t)));
  }
}
