package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.classifier.ModelProvenance;
import org.newsdesk.classifier.TopicClassifier;

class InfoCommandTest {

  @Test
  void showsTheProvenanceOfAModelFile() throws IOException {
    Path model = TrainedModel.file();
    ModelProvenance p = TopicClassifier.load(model).provenance().orElseThrow();

    Cli.Result r = Cli.run("info", model.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.outLines())
        .startsWith(
            "model:       " + model,
            String.format(Locale.ROOT, "size:        %,d bytes", Files.size(model)),
            "kind:        Newsdesk model",
            "labels:      " + p.labels().size());
    for (Map.Entry<String, Integer> e : p.examplesPerLabel().entrySet()) {
      assertThat(r.outLines())
          .anySatisfy(
              l -> assertThat(l).matches("  " + e.getKey() + " +" + e.getValue() + " examples?"));
    }
    assertThat(r.out())
        .contains(
            "examples:    " + p.examples(),
            "features:    " + p.featureCount(),
            "versions:    newsdesk " + p.libraryVersion() + ", OpenNLP " + p.opennlpVersion(),
            "data sha256: " + p.dataSha256(),
            "created:     " + p.created());
    assertThat(r.out())
        .contains("learner:     " + p.learner(), "pipeline:    " + p.pipeline(), "run:         seed");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void showsTheBuiltInModel() {
    Cli.Result r = Cli.run("info", "builtin");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.outLines().get(0)).isEqualTo("model:       built-in model");
    assertThat(r.outLines().get(1)).matches("size:        [\\d,]+ bytes");
    assertThat(r.out()).contains("labels:      8", "  trade-facilitation ");
  }

  /** An OpenNLP doccat model records no provenance: its kind and labels are what is known. */
  @Test
  void showsWhatIsKnownOfAnOpenNlpDoccatModel() throws IOException {
    Path doccat = DoccatModelFile.file();
    TopicClassifier c = TopicClassifier.load(doccat);

    Cli.Result r = Cli.run("info", doccat.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.outLines())
        .containsExactly(
            "model:       " + doccat,
            String.format(Locale.ROOT, "size:        %,d bytes", Files.size(doccat)),
            "kind:        OpenNLP doccat model",
            "labels:      8: " + String.join(", ", c.labels()),
            "description: " + c,
            "provenance:  " + ModelFacts.NO_PROVENANCE);
    assertThat(r.out()).contains("labels:      8: capacity-building, digital-and-ecommerce");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void aMissingOrBrokenModelIsBadInput(@TempDir Path dir) throws IOException {
    Path bogus = Files.writeString(dir.resolve("bogus.bin"), "not a model");

    Cli.Result missing = Cli.run("info", dir.resolve("none.bin").toString());
    Cli.Result broken = Cli.run("info", bogus.toString());

    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.errLines()).containsExactly(dir.resolve("none.bin") + ": no such model file");
    assertThat(broken.exitCode()).isEqualTo(1);
    assertThat(broken.errLines().get(0)).startsWith(bogus + ": not a usable model");
    assertThat(broken.errLines().get(0).indexOf(bogus.toString(), 1)).as("named once").isNegative();
    assertThat(broken.out()).isEmpty();
    Cli.Result directory = Cli.run("info", dir.toString());
    assertThat(directory.exitCode()).isEqualTo(1);
    assertThat(directory.errLines())
        .containsExactly(dir + ": not a model file (a directory, device or pipe)");
  }

  /** A heap too small even for the built-in model: one line and exit code 1, no stack trace. */
  @Test
  void aHeapTooSmallIsOneLine(@TempDir Path dir) throws Exception {
    Cli.Result r = CliProcess.run(dir, java.util.List.of("-Xmx6m"), null, "info", "builtin");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).startsWith("cannot read the model: out of memory").doesNotContain("\tat ");
  }
}
