package org.newsdesk.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PersistenceTest {

  @TempDir Path dir;

  static void assertSamePredictions(TopicClassifier a, TopicClassifier b) {
    for (LabeledText t : Samples.test()) {
      // exact equality of every score, not just the best label
      assertThat(b.predict(t.title(), t.body())).isEqualTo(a.predict(t.title(), t.body()));
    }
    assertThat(b.predict("Title words", "body text about taxes").scores())
        .isEqualTo(a.predict("Title words", "body text about taxes").scores());
  }

  static byte[] bytes(TopicClassifier c) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    c.save(out);
    return out.toByteArray();
  }

  @Test
  void reloadedFromFilePredictsExactlyTheSameAndKeepsProvenance() throws IOException {
    TopicClassifier trained = Samples.trained();
    Path file = dir.resolve("topics.bin");
    trained.save(file);
    TopicClassifier loaded = TopicClassifier.load(file);
    assertSamePredictions(trained, loaded);
    assertThat(loaded.provenance()).isEqualTo(trained.provenance());
    assertThat(loaded.labels()).isEqualTo(trained.labels());
    ModelProvenance p = loaded.provenance().orElseThrow();
    for (LabeledText t : Samples.train()) {
      assertThat(p.mayHaveTrainedOn(t.title(), t.body())).isTrue();
    }
  }

  @Test
  void savingReplacesAFileAtomicallyAndLeavesNothingElse() throws IOException {
    Path file = dir.resolve("model.bin");
    Files.writeString(file, "an older model");
    Samples.trained().save(file);
    assertSamePredictions(Samples.trained(), TopicClassifier.load(file));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
    // a target that cannot be written leaves everything as it was
    Path directory = Files.createDirectory(dir.resolve("a-directory.bin"));
    assertThatThrownBy(() -> Samples.trained().save(directory)).isInstanceOf(IOException.class);
    assertThat(directory).isEmptyDirectory();
  }

  @Test
  void nonDefaultFeatureSettingsSurviveReload() throws IOException {
    // the OpenNLP DoccatModel trap: NGramFeatureGenerator(1,3) reloads as (2,2); ours must not
    FeaturePipeline pipeline =
        FeaturePipeline.defaults().toBuilder()
            .ngrams(1, 3)
            .minDf(1)
            .stopWords(FeaturePipeline.ENGLISH_STOP_WORDS)
            .stemming(FeaturePipeline.Stemming.PORTER)
            .lowercase(false)
            .titleWeight(3)
            .sublinearTf(false)
            .build();
    TopicClassifier trained = TopicTrainer.withDefaults().withPipeline(pipeline).train(Samples.train());
    assertThat(((LinearModel) trained.model()).features().names())
        .anyMatch(n -> n.split(" ").length == 3);
    TopicClassifier loaded = TopicClassifier.load(new ByteArrayInputStream(bytes(trained)));
    assertThat(loaded.provenance().orElseThrow().pipeline()).isEqualTo(pipeline);
    assertSamePredictions(trained, loaded);
  }

  static Stream<Learner> learners() {
    return TopicTrainerTest.learners();
  }

  @ParameterizedTest
  @MethodSource("learners")
  void everyLearnerSurvivesReload(Learner learner) throws IOException {
    TopicClassifier trained = TopicTrainer.withDefaults().withLearner(learner).train(Samples.train());
    TopicClassifier loaded = TopicClassifier.load(new ByteArrayInputStream(bytes(trained)));
    assertSamePredictions(trained, loaded);
    assertThat(loaded.provenance()).isEqualTo(trained.provenance());
  }

  @Test
  void streamLoadReadsExactlyOneModelAndLeavesTheRest() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Samples.trained().save(out);
    out.write("trailing".getBytes(StandardCharsets.US_ASCII));
    ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
    TopicClassifier.load(in);
    assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("trailing");
  }

  @Test
  void truncatedModelsFailWithModelLoadException() throws IOException {
    byte[] model = bytes(Samples.trained());
    for (int length : new int[] {0, 5, 16, 20, 27, 28, 1000, model.length / 2, model.length - 1}) {
      Path file = dir.resolve("truncated-" + length + ".bin");
      Files.write(file, Arrays.copyOf(model, length));
      assertThatThrownBy(() -> TopicClassifier.load(file))
          .as("length %d", length)
          .isInstanceOf(ModelLoadException.class)
          .hasMessageContaining(file.toString());
    }
    Path half = dir.resolve("half.bin");
    Files.write(half, Arrays.copyOf(model, model.length / 2));
    assertThatThrownBy(() -> TopicClassifier.load(half)).hasMessageContaining("truncated");
  }

  @Test
  void corruptedModelsFailWithModelLoadException() throws IOException {
    byte[] model = bytes(Samples.trained());
    for (int at : new int[] {20, 40, 200, model.length / 2, model.length - 40, model.length - 1}) {
      byte[] bad = model.clone();
      bad[at] ^= 0x5a;
      assertThatThrownBy(() -> TopicClassifier.load(new ByteArrayInputStream(bad)))
          .as("flipped byte %d", at)
          .isInstanceOf(ModelLoadException.class);
    }
    byte[] bad = model.clone();
    bad[model.length / 2] ^= 1;
    // one flipped bit is caught by the deflate stream's own check or by our CRC32C
    assertThatThrownBy(() -> TopicClassifier.load(new ByteArrayInputStream(bad)))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("corrupted model file");
    // a damaged length field must not make the loader allocate gigabytes
    byte[] hugeLength = model.clone();
    hugeLength[20] = 0x7f;
    assertThatThrownBy(() -> TopicClassifier.load(new ByteArrayInputStream(hugeLength)))
        .isInstanceOf(ModelLoadException.class);
  }

  @Test
  void foreignFilesFailWithModelLoadException() throws IOException {
    Path text = dir.resolve("notes.txt");
    Files.writeString(text, "Customs news digest\n\nnot a model at all\n");
    assertThatThrownBy(() -> TopicClassifier.load(text))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining(text.toString())
        .hasMessageContaining("not a model file");

    Path zip = dir.resolve("model.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      z.putNextEntry(new ZipEntry("manifest.properties"));
      z.write("Manifest-Version=1.0\n".getBytes(StandardCharsets.US_ASCII));
      z.closeEntry();
    }
    assertThatThrownBy(() -> TopicClassifier.load(zip))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining(zip.toString());

    Path empty = dir.resolve("empty.bin");
    Files.write(empty, new byte[0]);
    assertThatThrownBy(() -> TopicClassifier.load(empty)).isInstanceOf(ModelLoadException.class);

    byte[] newer = bytes(Samples.trained());
    newer[ModelIO.MAGIC.length + 3] = 9; // format version 9
    assertThatThrownBy(() -> TopicClassifier.load(new ByteArrayInputStream(newer)))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("version 9");
    byte[] older = bytes(Samples.trained());
    older[ModelIO.MAGIC.length + 3] = 2; // the format before the redesign
    assertThatThrownBy(() -> TopicClassifier.load(new ByteArrayInputStream(older)))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("version 2")
        .hasMessageContaining("retrain");
  }
}
