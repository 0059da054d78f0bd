package org.newsdesk.classifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.monitoring.StopCriteria;
import opennlp.tools.monitoring.TrainingMeasure;
import opennlp.tools.monitoring.TrainingProgressMonitor;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.TrainingConfiguration;
import opennlp.tools.util.TrainingParameters;

/**
 * One training run of a {@link TopicTrainer}: three passes over the examples (count n-gram
 * document frequencies under 64-bit hashes; name the n-grams kept; build the CSR {@link
 * FeatureMatrix}), then the learner. Nothing per example is kept but its matrix row, label and a
 * 64-bit hash of its text (to check the passes saw the same examples, and for the training-text
 * sketch). Single use.
 */
final class TrainingRun {

  /** Vectors L-BFGS keeps: {@code 2 * memory + 5} (see {@link Lbfgs}), plus the start point. */
  private static final int LBFGS_VECTORS = 2 * Lbfgs.DEFAULT_MEMORY + 6;

  private final TopicTrainer trainer;
  private final TrainingListener listener;
  private final FeaturePipeline pipeline;
  private String stage = "starting";
  /** Whether the run is in pass 1, whose memory depends only on the n-gram range. */
  private boolean counting;
  private int features;
  private int labelCount;

  TrainingRun(TopicTrainer trainer, TrainingListener listener) {
    this.trainer = trainer;
    this.listener = listener;
    this.pipeline = trainer.pipeline();
  }

  TopicClassifier train(Iterable<LabeledText> examples) {
    try {
      return run(examples);
    } catch (Explained e) {
      throw e;
    } catch (OutOfMemoryError e) {
      OutOfMemoryError clear =
          new OutOfMemoryError(
              "training ran out of memory while " + stage + " (maximum heap "
                  + megabytes(Runtime.getRuntime().maxMemory()) + ")" + (features > 0
                      ? " with " + features + " features x " + labelCount + " labels"
                      : "")
                  + ": " + remedy());
      clear.initCause(e);
      throw clear;
    }
  }

  private String remedy() {
    if (counting) {
      // pass 1 holds every distinct n-gram: max-features and min-df only apply after it
      return "raise the heap (java -Xmx), or use fewer n-gram lengths (now " + pipeline.ngramMin()
          + "-" + pipeline.ngramMax() + ") in the feature pipeline: counting n-grams holds every"
          + " distinct n-gram, whatever max-features and min-df";
    }
    return "raise the heap (java -Xmx), or shrink the model: lower max-features (now "
        + pipeline.maxFeatures() + ") or raise min-df (now " + pipeline.minDf()
        + ") of the feature pipeline, or use fewer n-gram lengths (now " + pipeline.ngramMin()
        + "-" + pipeline.ngramMax() + ")";
  }

  private static String megabytes(long bytes) {
    return bytes == Long.MAX_VALUE ? "unlimited" : String.format(Locale.ROOT, "%,d MB", bytes >> 20);
  }

  /** The examples, each checked for {@code null} as it is read. */
  private static Iterator<LabeledText> nonNull(Iterator<LabeledText> examples) {
    return new Iterator<>() {
      private long read;

      @Override
      public boolean hasNext() {
        return examples.hasNext();
      }

      @Override
      public LabeledText next() {
        LabeledText e = examples.next();
        read++;
        return Objects.requireNonNull(
            e, () -> "training example " + read + " is null (examples must not be null)");
      }
    };
  }

  /** An out-of-memory error whose message already says what to change. */
  private static final class Explained extends OutOfMemoryError {
    private static final long serialVersionUID = 1L;

    Explained(String message) {
      super(message);
    }
  }

  /** The texts a batch of pass 1 produced. */
  private record Counted(List<LabeledText> examples, long[][] ngrams, long[] texts) {}

  /** The vectors a batch of pass 3 produced. */
  private record Vectors(List<LabeledText> examples, FeatureExtractor.Vector[] vectors, long[] texts) {}

  private TopicClassifier run(Iterable<LabeledText> examples) {
    FeatureExtractor analyzer = FeatureExtractor.analyzerOnly(pipeline);
    try (Batches batches = new Batches(trainer.threads())) {
      // ---- pass 1: document frequencies, labels, data hash, text hashes
      stage = "counting n-grams (pass 1 of " + TopicTrainer.PASSES + ")";
      counting = true;
      Vocabulary vocabulary = new Vocabulary();
      MessageDigest sha = ModelIO.sha256();
      Map<String, Integer> labelIds = new HashMap<>();
      List<String> labelNames = new ArrayList<>();
      long[][] texts = {new long[1024]};
      int[][] labelOf = {new int[1024]};
      int[] n = {0};
      batches.run(
          nonNull(examples.iterator()),
          batch -> {
            long[][] grams = new long[batch.size()][];
            long[] hashes = new long[batch.size()];
            for (int i = 0; i < batch.size(); i++) {
              LabeledText e = batch.get(i);
              grams[i] = analyzer.ngramHashes(e.title(), e.body());
              hashes[i] = TextSketch.hash(e.title(), e.body());
            }
            return new Counted(batch, grams, hashes);
          },
          counted -> {
            for (int i = 0; i < counted.examples.size(); i++) {
              LabeledText e = counted.examples.get(i);
              vocabulary.add(counted.ngrams[i]);
              hash(sha, e.label());
              hash(sha, e.title());
              hash(sha, e.body());
              Integer id = labelIds.get(e.label());
              if (id == null) {
                id = labelNames.size();
                labelIds.put(e.label(), id);
                labelNames.add(e.label());
              }
              if (n[0] == Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("more than " + n[0] + " training examples");
              }
              if (n[0] == texts[0].length) {
                int grown = (int) Math.min(Integer.MAX_VALUE - 8, n[0] * 2L);
                texts[0] = Arrays.copyOf(texts[0], grown);
                labelOf[0] = Arrays.copyOf(labelOf[0], grown);
              }
              texts[0][n[0]] = counted.texts[i];
              labelOf[0][n[0]] = id;
              n[0]++;
            }
            listener.onReading(1, TopicTrainer.PASSES, n[0]);
          });
      int count = n[0];
      if (labelNames.size() < 2) {
        throw new IllegalArgumentException(
            "training needs examples of at least two labels, got " + labelNames);
      }
      String[] labels = labelNames.toArray(String[]::new);
      Arrays.sort(labels);
      int[] sortedId = new int[labels.length];
      for (int i = 0; i < labels.length; i++) {
        sortedId[labelIds.get(labels[i])] = i;
      }
      int[] exampleLabels = new int[count];
      Map<String, Integer> perLabel = new TreeMap<>();
      for (int i = 0; i < count; i++) {
        exampleLabels[i] = sortedId[labelOf[0][i]];
        perLabel.merge(labels[exampleLabels[i]], 1, Integer::sum);
      }
      labelOf[0] = null;
      long[] textHashes = Arrays.copyOf(texts[0], count);
      texts[0] = null;
      labelCount = labels.length;

      // ---- pass 2: names of the kept n-grams
      stage = "naming features (pass 2 of " + TopicTrainer.PASSES + ")";
      counting = false;
      Vocabulary.Selection selection =
          vocabulary.select(pipeline.minDf(), pipeline.maxFeatures());
      if (selection.size() == 0) {
        throw new IllegalArgumentException(
            "training needs at least one feature, but no n-gram reached the feature pipeline's"
                + " settings: none occurs in at least min-df (now " + pipeline.minDf()
                + ") of the " + count + " training texts (max-features is "
                + pipeline.maxFeatures() + "); lower min-df or train on more texts");
      }
      features = selection.size() + 1;
      checkMemory(count);
      int[] read = {0};
      BooleanSupplier done = selection::complete;
      if (!done.getAsBoolean()) {
        batches.run(
            examples.iterator(),
            batch -> {
              int named = 0;
              for (LabeledText e : batch) {
                named += selection.name(analyzer, e.title(), e.body());
              }
              return new int[] {batch.size(), named};
            },
            r -> {
              read[0] += r[0];
              selection.named(r[1]);
              listener.onReading(2, TopicTrainer.PASSES, read[0]);
            },
            done);
      }
      FeatureExtractor fx = selection.extractor(pipeline);

      // ---- pass 3: the feature matrix
      stage = "building the feature matrix (pass 3 of " + TopicTrainer.PASSES + ")";
      FeatureMatrix.Builder rows = FeatureMatrix.builder(fx.size());
      int[] row = {0};
      batches.run(
          examples.iterator(),
          batch -> {
            FeatureExtractor.Vector[] vectors = new FeatureExtractor.Vector[batch.size()];
            long[] hashes = new long[batch.size()];
            for (int i = 0; i < batch.size(); i++) {
              LabeledText e = batch.get(i);
              vectors[i] = fx.vector(e.title(), e.body());
              hashes[i] = TextSketch.hash(e.title(), e.body());
            }
            return new Vectors(batch, vectors, hashes);
          },
          v -> {
            for (int i = 0; i < v.vectors.length; i++) {
              int r = row[0];
              if (r >= count
                  || v.texts[i] != textHashes[r]
                  || !labels[exampleLabels[r]].equals(v.examples.get(i).label())) {
                throw changed();
              }
              rows.addRow(v.vectors[i].ids(), v.vectors[i].values(), exampleLabels[r]);
              row[0]++;
            }
            listener.onReading(3, TopicTrainer.PASSES, row[0]);
          });
      if (row[0] != count) {
        throw changed();
      }
      FeatureMatrix matrix = rows.build();

      // ---- the learner
      Learner learner = trainer.learner();
      stage = "fitting " + learner.algorithm() + " to " + count + " examples";
      listener.onStart(count, fx.size(), labels.length);
      Model model;
      int[] iterations = {0};
      if (learner instanceof Learner.MaxEnt m) {
        double[] weights = maxent(matrix, labels.length, m, iterations);
        matrix = null;
        model = LinearModel.fromTrained(fx, labels, weights);
      } else {
        model = new OpenNlpModel(fx, openNlp(matrix, fx, labels, learner, iterations), learner);
      }
      listener.onFinish(iterations[0]);
      ModelProvenance provenance =
          new ModelProvenance(
              pipeline,
              learner,
              perLabel,
              fx.size(),
              HexFormat.of().formatHex(sha.digest()),
              trainer.seed(),
              trainer.threads(),
              ModelProvenance.currentRuntime(),
              Instant.now(),
              TextSketch.of(textHashes, count));
      return new TopicClassifier(model, provenance);
    }
  }

  private static IllegalArgumentException changed() {
    return new IllegalArgumentException(
        "the training examples changed between passes: training iterates over them "
            + TopicTrainer.PASSES + " times and needs the same examples in the same order each"
            + " time (pass a List, or an Iterable that re-reads the same files)");
  }

  /**
   * Fails early, with the reason, when the optimiser's state alone cannot fit in the heap (a
   * lower bound: the feature matrix comes on top).
   */
  private void checkMemory(int examples) {
    long dimension = (long) features * labelCount;
    if (dimension > FeatureMatrix.MAX_ENTRIES) {
      throw new IllegalArgumentException(
          features + " features x " + labelCount + " labels is more weights than a Java array"
              + " holds: " + remedy().replace("raise the heap (java -Xmx), or ", ""));
    }
    if (!(trainer.learner() instanceof Learner.MaxEnt)) {
      return;
    }
    long scores = (long) examples * (labelCount + 1);
    long need = (dimension * LBFGS_VECTORS + scores) * Double.BYTES;
    long max = Runtime.getRuntime().maxMemory();
    if (max != Long.MAX_VALUE && need > max) {
      // with many labels the examples' scores, not the weights, can be most of it: then the
      // feature settings cannot help
      String remedy =
          scores > dimension * LBFGS_VECTORS
              ? "raise the heap (java -Xmx), or train on fewer examples or labels (each example"
                  + " keeps a score per label: " + examples + " x " + (labelCount + 1) + ")"
              : remedy();
      throw new Explained(
          "training needs at least " + megabytes(need) + " of heap for the optimiser ("
              + features + " features x " + labelCount + " labels, " + examples
              + " examples), but the JVM allows " + megabytes(max) + ": " + remedy);
    }
  }

  private double[] maxent(FeatureMatrix data, int labels, Learner.MaxEnt m, int[] iterations) {
    double[] exampleWeights =
        m.balanceLabels() ? SoftmaxObjective.balancedWeights(data, labels) : null;
    try (SoftmaxObjective objective =
        new SoftmaxObjective(data, labels, exampleWeights, m.l2(), 1, trainer.threads())) {
      Lbfgs.Listener progress =
          (iteration, value, x, gradient) -> {
            iterations[0] = iteration;
            listener.onProgress(iteration, m.iterations(), -(value - objective.penalty(x)));
          };
      return Lbfgs.withDefaults(m.iterations())
          .minimize(objective, new double[objective.dimension()], progress)
          .x();
    }
  }

  /** GIS, perceptron or naive Bayes: OpenNLP's own trainer on events over the matrix rows. */
  private AbstractModel openNlp(
      FeatureMatrix data, FeatureExtractor fx, String[] labels, Learner learner, int[] iterations) {
    TrainingParameters p = new TrainingParameters();
    int max;
    if (learner instanceof Learner.Gis g) {
      p.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
      max = g.iterations();
    } else if (learner instanceof Learner.Perceptron pc) {
      p.put(TrainingParameters.ALGORITHM_PARAM, "PERCEPTRON");
      max = pc.iterations();
    } else {
      p.put(TrainingParameters.ALGORITHM_PARAM, "NAIVEBAYES");
      max = 1;
    }
    p.put(TrainingParameters.ITERATIONS_PARAM, max);
    p.put(TrainingParameters.CUTOFF_PARAM, 0);
    p.put(TrainingParameters.THREADS_PARAM, trainer.threads());
    p.put(
        AbstractEventTrainer.DATA_INDEXER_PARAM,
        AbstractEventTrainer.DATA_INDEXER_ONE_PASS_REAL_VALUE);
    Monitor monitor = new Monitor(max, listener, iterations);
    EventTrainer t =
        TrainerFactory.getEventTrainer(
            p, new HashMap<>(), new TrainingConfiguration(monitor, null));
    MaxentModel model;
    try {
      model = t.train(new Events(data, fx, labels, order(data.rows(), trainer.seed())));
    } catch (IOException e) {
      // our event stream does no I/O
      throw new UncheckedIOException(e);
    }
    if (learner instanceof Learner.NaiveBayes) {
      iterations[0] = 1;
      listener.onProgress(1, 1, Double.NaN);
    }
    return (AbstractModel) model;
  }

  /** The presentation order: a seeded shuffle, exactly as {@code Collections.shuffle} does it. */
  static int[] order(int n, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Random random = new Random(seed);
    for (int i = n; i > 1; i--) {
      int j = random.nextInt(i);
      int t = order[i - 1];
      order[i - 1] = order[j];
      order[j] = t;
    }
    return order;
  }

  private static void hash(MessageDigest sha, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    sha.update(ByteBuffer.allocate(4).putInt(b.length).array());
    sha.update(b);
  }

  /** The matrix rows as OpenNLP events (feature names as predicates), in the given order. */
  private static final class Events implements ObjectStream<Event> {
    private final FeatureMatrix data;
    private final FeatureExtractor fx;
    private final String[] labels;
    private final int[] order;
    private int next;

    Events(FeatureMatrix data, FeatureExtractor fx, String[] labels, int[] order) {
      this.data = data;
      this.fx = fx;
      this.labels = labels;
      this.order = order;
    }

    @Override
    public Event read() {
      if (next == order.length) {
        return null;
      }
      int r = order[next++];
      int[] ids = data.rowIds(r);
      String[] context = new String[ids.length];
      for (int i = 0; i < ids.length; i++) {
        context[i] = fx.name(ids[i]);
      }
      return new Event(labels[data.label(r)], context, data.rowValues(r));
    }

    @Override
    public void reset() {
      next = 0;
    }
  }

  /** Forwards OpenNLP's per-iteration monitor calls to our listener. */
  private static final class Monitor implements TrainingProgressMonitor {
    private final int max;
    private final TrainingListener listener;
    private final int[] iterations;

    Monitor(int max, TrainingListener listener, int[] iterations) {
      this.max = max;
      this.listener = listener;
      this.iterations = iterations;
    }

    @Override
    public void finishedIteration(
        int iteration, int correct, int total, TrainingMeasure measure, double value) {
      double ll = measure == TrainingMeasure.LOG_LIKELIHOOD ? value : Double.NaN;
      iterations[0] = Math.min(iteration, max);
      listener.onProgress(iterations[0], max, ll);
    }

    @Override
    public void finishedTraining(int iterations, StopCriteria<?> stopCriteria) {}

    @Override
    public boolean isTrainingFinished() {
      return false;
    }

    @Override
    public void display(boolean isTrainingFinished) {
      // never print from the library
    }
  }
}
