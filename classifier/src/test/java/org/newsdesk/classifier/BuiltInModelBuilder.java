package org.newsdesk.classifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.newsdesk.core.NewsFormat;
import org.newsdesk.core.NewsReader;

/**
 * Builds the model behind {@link TopicClassifier#builtIn()} from the labelled corpus in
 * {@code classifier/corpus/}. Lives in test scope so the library jar does not carry it.
 *
 * <p>Rebuild after changing the corpus or {@link #CONFIG} (BuiltInModelTest fails until you do):
 *
 * <pre>mvn -B -q -Pbuiltin-model -pl classifier -am process-test-classes</pre>
 */
final class BuiltInModelBuilder {

  /** The training configuration of the shipped model; recorded in its provenance. */
  // threads pinned: the default depends on the build machine's cores, and the recorded config
  // must not (a MAXENT_QN model is bit-identical for every thread count, see TrainingConfig)
  static final TrainingConfig CONFIG = TrainingConfig.defaults().toBuilder().threads(2).build();

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

  /** Trains on the corpus with {@link #CONFIG}. */
  static TopicClassifier train(Path corpusDir) throws IOException {
    return new TopicTrainer(CONFIG).train(corpus(corpusDir));
  }

  /**
   * Entry point.
   *
   * @param args the corpus directory and the model file to write
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
    Files.createDirectories(out.toAbsolutePath().getParent());
    model.save(out);
    System.out.printf(
        "built-in model: %d examples, %d labels, %d features, %d bytes, trained in %d ms -> %s%n",
        model.provenance().examples(),
        model.labels().size(),
        model.provenance().featureCount(),
        Files.size(out),
        (System.nanoTime() - start) / 1_000_000,
        out);
  }
}
