package org.newsdesk.classifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.newsdesk.core.NewsFormat;
import org.newsdesk.core.NewsReader;

/**
 * Builds the model behind {@link TopicClassifier#builtIn()} from the labelled corpus in {@code
 * classifier/corpus/}: the documented, reproducible step that produces the shipped {@code
 * topics.bin} (see {@code classifier/corpus/README.md}). Package-private: a build tool, not API.
 *
 * <pre>
 * mvn -B -q -DskipTests -pl benchmarks -am package
 * java -cp benchmarks/target/benchmarks.jar org.newsdesk.classifier.BuiltInModelBuilder \
 *     classifier/corpus classifier/src/main/resources/org/newsdesk/classifier/builtin/topics.bin
 * </pre>
 */
final class BuiltInModelBuilder {

  /** The feature pipeline of the shipped model; recorded in its provenance. */
  static final FeaturePipeline PIPELINE = FeaturePipeline.defaults();

  /** The learner of the shipped model; recorded in its provenance. */
  static final Learner LEARNER = Learner.defaults();

  private BuiltInModelBuilder() {}

  /**
   * Reads the corpus: the {@code *.txt} files of the directory in path order (what {@link
   * NewsReader#openAll} reads from a directory), strictly: a malformed corpus file must fail the
   * build, not be half-read.
   */
  static List<LabeledText> corpus(Path dir) throws IOException {
    List<LabeledText> examples = new ArrayList<>();
    try (NewsReader reader = NewsReader.openAll(List.of(dir), NewsFormat.DEFAULT)) {
      reader.forEach(a -> examples.add(LabeledText.from(a)));
    }
    if (examples.isEmpty()) {
      throw new IOException("no articles in *.txt corpus files under " + dir.toAbsolutePath());
    }
    return examples;
  }

  /** Trains on the corpus with {@link #PIPELINE} and {@link #LEARNER}. */
  static TopicClassifier train(Path corpusDir) throws IOException {
    return new TopicTrainer(PIPELINE, LEARNER).train(corpus(corpusDir));
  }

  /**
   * Entry point.
   *
   * @param args the corpus directory and the model file to write
   * @throws IOException if the corpus cannot be read or the model not written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: BuiltInModelBuilder CORPUS_DIR MODEL_FILE");
      System.exit(2);
    }
    Path corpusDir = Path.of(args[0]);
    Path out = Path.of(args[1]);
    long start = System.nanoTime();
    TopicClassifier model = train(corpusDir);
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    model.save(out);
    ModelProvenance p = model.provenance().orElseThrow();
    System.out.printf(
        "built-in model: %d examples, %d labels, %d features, %d bytes, trained in %d ms -> %s%n",
        p.examples(),
        model.labels().size(),
        p.featureCount(),
        Files.size(out),
        (System.nanoTime() - start) / 1_000_000,
        out);
  }
}
