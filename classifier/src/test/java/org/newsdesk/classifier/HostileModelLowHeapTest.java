package org.newsdesk.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files are untrusted input: each hostile file crafted here must be rejected with a {@link
 * ModelLoadException} naming it, at load time, without exhausting the small heap this class runs
 * in (a forked surefire execution with {@code -Xmx256m}, see classifier/pom.xml) and within a few
 * seconds (a hang detector, not a benchmark).
 */
class HostileModelLowHeapTest {

  private static final Duration LIMIT = Duration.ofSeconds(10);

  @TempDir Path dir;

  // ------------------------------------------------------------------ crafting Newsdesk files

  /** The parts of a Newsdesk payload (format 3), each changeable by a test. */
  private static final class Parts {
    Map<String, String> meta = new LinkedHashMap<>();
    List<String> labels = new ArrayList<>(List.of("a", "b"));
    List<Integer> examples = new ArrayList<>(List.of(3, 4));
    List<String> features = new ArrayList<>(List.of(FeatureExtractor.BIAS, "tax", "port"));
    List<Float> idf = new ArrayList<>(List.of(1f, 1.5f, 2f));
    int sketchHashes = 2;
    long sketchTexts = 7;
    long[] sketch = new long[1];
    float[] weights = {0.1f, -0.1f, 1f, -1f, -0.5f, 0.5f};
    Integer metaCount;
    Integer labelCount;
    Integer featureCount;
    Integer sketchWords;
    byte[] tail = new byte[0];
    byte[] openNlp;

    Parts() {
      meta.put("kind", "linear");
      meta.put("pipeline", FeaturePipeline.defaults().toString());
      meta.put("learner", Learner.defaults().toString());
      meta.put("seed", "42");
      meta.put("threads", "1");
      meta.put("data-sha256", "0".repeat(64));
      meta.put("created", "2026-01-01T00:00:00Z");
      meta.putAll(ModelProvenance.currentRuntime());
    }

    byte[] payload() throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream p = new DataOutputStream(bytes);
      p.writeInt(metaCount != null ? metaCount : meta.size());
      for (Map.Entry<String, String> e : meta.entrySet()) {
        string(p, e.getKey());
        string(p, e.getValue());
      }
      p.writeInt(labelCount != null ? labelCount : labels.size());
      for (int i = 0; i < labels.size(); i++) {
        string(p, labels.get(i));
        p.writeInt(examples.get(i));
      }
      p.writeInt(featureCount != null ? featureCount : features.size());
      for (int i = 0; i < features.size(); i++) {
        string(p, features.get(i));
        p.writeFloat(idf.get(i));
      }
      p.writeInt(sketchHashes);
      p.writeLong(sketchTexts);
      p.writeInt(sketchWords != null ? sketchWords : sketch.length);
      for (long w : sketch) {
        p.writeLong(w);
      }
      if (openNlp != null) {
        p.writeInt(openNlp.length);
        p.write(openNlp);
      } else {
        for (float w : weights) {
          p.writeFloat(w);
        }
      }
      p.write(tail);
      p.flush();
      return bytes.toByteArray();
    }
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  /** A Newsdesk container around a payload, with a correct checksum. */
  static byte[] container(byte[] payload) throws IOException {
    ByteArrayOutputStream deflated = new ByteArrayOutputStream();
    try (DeflaterOutputStream d = new DeflaterOutputStream(deflated, new Deflater(9))) {
      d.write(payload);
    }
    return container(payload.length, deflated.toByteArray(), crc(payload));
  }

  static byte[] container(long declaredLength, byte[] deflated, int crc) throws IOException {
    return container(declaredLength, deflated.length, deflated, crc);
  }

  static byte[] container(long declaredLength, long declaredDeflated, byte[] deflated, int crc)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DataOutputStream o = new DataOutputStream(out);
    o.write(ModelIO.MAGIC);
    o.writeInt(ModelIO.FORMAT_VERSION);
    o.writeLong(declaredLength);
    o.writeLong(declaredDeflated);
    o.write(deflated);
    o.writeInt(crc);
    return out.toByteArray();
  }

  private static int crc(byte[] b) {
    CRC32C c = new CRC32C();
    c.update(b);
    return (int) c.getValue();
  }

  private byte[] file(Consumer<Parts> change) throws IOException {
    Parts p = new Parts();
    change.accept(p);
    return container(p.payload());
  }

  /** Loads the bytes from a file and expects a ModelLoadException naming it. */
  private void rejects(String name, byte[] bytes, String... messageParts) throws IOException {
    Path f = dir.resolve(name);
    Files.write(f, bytes);
    assertTimeoutPreemptively(
        LIMIT,
        () ->
            assertThatThrownBy(() -> TopicClassifier.load(f))
                .as(name)
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining(messageParts.length == 0 ? "" : messageParts[0]));
  }

  @Test
  void theCraftedBaseModelIsValid() throws Exception {
    Path f = dir.resolve("valid.bin");
    Files.write(f, file(p -> {}));
    TopicClassifier c = TopicClassifier.load(f);
    assertThat(c.labels()).containsExactly("a", "b");
    assertThat(c.predict("port port").label()).isEqualTo("b");
    assertThat(c.predict("tax").label()).isEqualTo("a");
  }

  @Test
  void hugeCountsAreCheckedAgainstTheBytesPresent() throws Exception {
    rejects("meta.bin", file(p -> p.metaCount = Integer.MAX_VALUE), "invalid count");
    rejects("labels.bin", file(p -> p.labelCount = Integer.MAX_VALUE), "invalid count");
    rejects("features.bin", file(p -> p.featureCount = Integer.MAX_VALUE - 7), "invalid count");
    rejects("negative.bin", file(p -> p.featureCount = -1), "invalid count");
    rejects("sketch.bin", file(p -> p.sketchWords = 1 << 30), "invalid count");
    rejects("opennlp-length.bin", file(p -> p.openNlp = new byte[0]), "");
    // a string claiming 2 GB
    Parts p = new Parts();
    byte[] payload = p.payload();
    int at = 4; // the first string's length
    payload[at] = 0x7f;
    rejects("string.bin", container(payload), "string length");
  }

  @Test
  void overflowingDimensionsAreRejectedWithoutAllocatingThem() throws Exception {
    // 70,000 features x 70,000 labels: 4.9 billion weights, more than an int holds
    byte[] bytes =
        file(
            p -> {
              p.labels.clear();
              p.examples.clear();
              p.features = new ArrayList<>(List.of(FeatureExtractor.BIAS));
              p.idf = new ArrayList<>(List.of(1f));
              for (int i = 0; i < 70_000; i++) {
                p.labels.add(String.format("l%06d", i));
                p.examples.add(1);
                p.features.add(String.format("w%06d", i));
                p.idf.add(1f);
              }
              p.weights = new float[16];
            });
    rejects("dimensions.bin", bytes, "70001 features x 70000 labels");
  }

  @Test
  void nonFiniteWeightsAndIdfAreRejected() throws Exception {
    rejects("nan-weight.bin", file(p -> p.weights[3] = Float.NaN), "not a finite number");
    rejects(
        "inf-weight.bin", file(p -> p.weights[0] = Float.POSITIVE_INFINITY), "not a finite number");
    rejects("nan-idf.bin", file(p -> p.idf.set(1, Float.NaN)), "idf");
    rejects("inf-idf.bin", file(p -> p.idf.set(2, Float.POSITIVE_INFINITY)), "idf");
    rejects("negative-idf.bin", file(p -> p.idf.set(2, -1f)), "idf");
    rejects("few-weights.bin", file(p -> p.weights = new float[5]), "bytes of weights");
  }

  @Test
  void inconsistentLabelsAndFeaturesAreRejected() throws Exception {
    rejects("duplicate-label.bin", file(p -> p.labels.set(1, "a")), "duplicate label 'a'");
    rejects("unsorted-labels.bin", file(p -> p.labels = new ArrayList<>(List.of("b", "a"))), "sorted");
    rejects("blank-label.bin", file(p -> p.labels.set(0, " ")), "blank");
    rejects("one-label.bin", file(p -> {
      p.labels.remove(1);
      p.examples.remove(1);
      p.weights = new float[3];
    }), "at least 2 labels");
    rejects("duplicate-feature.bin", file(p -> p.features.set(2, "tax")), "duplicate feature");
    rejects("no-bias.bin", file(p -> p.features.set(0, "bias")), "bias");
    rejects("four-gram.bin", file(p -> p.features.set(1, "a b c d")), "4-gram");
    rejects("bad-pipeline.bin", file(p -> p.meta.put("pipeline", "ngrams=9-9")), "ngrams");
    rejects("bad-learner.bin", file(p -> p.meta.put("learner", "algorithm=magic")), "algorithm");
    rejects("kind.bin", file(p -> p.meta.put("kind", "opennlp")), "does not match");
    rejects("missing.bin", file(p -> p.meta.remove("data-sha256")), "missing");
    rejects("threads.bin", file(p -> p.meta.put("threads", "-3")), "threads");
    rejects("tail.bin", file(p -> p.tail = new byte[3]), "bytes of weights");
    rejects("sketch-hashes.bin", file(p -> p.sketchHashes = 99), "sketch");
  }

  @Test
  void deflateBombsAndLyingLengthsAreRefusedBeforeInflating() throws Exception {
    byte[] zeros = new byte[64 << 20];
    ByteArrayOutputStream deflated = new ByteArrayOutputStream();
    try (DeflaterOutputStream d = new DeflaterOutputStream(deflated, new Deflater(9))) {
      d.write(zeros);
    }
    byte[] bomb = deflated.toByteArray();
    zeros = null;
    // declares what it really inflates to: far above the ratio any model reaches
    rejects("bomb.bin", container(64 << 20, bomb, 0), "implausible");
    // declares a small payload: inflating stops at the declared size
    rejects("bomb-small.bin", container(1000, bomb, 0), "longer than the declared");
    // declares a compressed size larger than the file
    byte[] lying = container(100, 1 << 20, new byte[10], 0);
    rejects("lying.bin", lying, "truncated");
    byte[] negative = container(-1, new byte[10], 0);
    rejects("negative.bin", negative, "invalid lengths");
  }

  @Test
  void everyTruncationOfARealModelIsRejected() throws Exception {
    byte[] model = PersistenceTest.bytes(Samples.trained());
    for (int i = 0; i < 40; i++) {
      int length = (int) ((long) model.length * i / 40);
      rejects("truncated-" + length + ".bin", Arrays.copyOf(model, length));
    }
  }

  // ------------------------------------------------------------------ OpenNLP model bytes

  /** GenericModelWriter's layout: type, (GIS: 2 numbers), outcomes, patterns, preds, params. */
  private static byte[] openNlpModel(
      String[] outcomes, String[] patterns, String[] preds, double[] params) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream o = new DataOutputStream(bytes);
    o.writeUTF("Perceptron");
    o.writeInt(outcomes.length);
    for (String s : outcomes) {
      o.writeUTF(s);
    }
    o.writeInt(patterns.length);
    for (String s : patterns) {
      o.writeUTF(s);
    }
    o.writeInt(preds.length);
    for (String s : preds) {
      o.writeUTF(s);
    }
    for (double d : params) {
      o.writeDouble(d);
    }
    return bytes.toByteArray();
  }

  private byte[] openNlpFile(byte[] model) throws IOException {
    return file(
        p -> {
          p.meta.put("kind", "opennlp");
          p.meta.put("learner", new Learner.Perceptron(5).toString());
          p.openNlp = model;
        });
  }

  @Test
  void openNlpModelsInsideOurFilesAreCheckedBeforeOpenNlpReadsThem() throws Exception {
    String[] outcomes = {"a", "b"};
    String[] preds = {FeatureExtractor.BIAS, "tax", "port"};
    byte[] valid = openNlpModel(outcomes, new String[] {"3 0 1"}, preds, new double[6]);
    Path f = dir.resolve("opennlp-valid.bin");
    Files.write(f, openNlpFile(valid));
    assertThat(TopicClassifier.load(f).labels()).containsExactly("a", "b");

    rejects(
        "outcome-index.bin",
        openNlpFile(openNlpModel(outcomes, new String[] {"3 0 7"}, preds, new double[6])),
        "outcome index 7");
    rejects(
        "pattern-sum.bin",
        openNlpFile(openNlpModel(outcomes, new String[] {"5 0 1"}, preds, new double[10])),
        "cover 5 predicates");
    rejects(
        "nan-param.bin",
        openNlpFile(
            openNlpModel(outcomes, new String[] {"3 0 1"}, preds, new double[] {0, 0, Double.NaN,
                0, 0, 0})),
        "not a finite number");
    rejects(
        "dup-outcome.bin",
        openNlpFile(openNlpModel(new String[] {"a", "a"}, new String[] {"3 0 1"}, preds,
            new double[6])),
        "duplicate outcome");
    rejects(
        "other-outcomes.bin",
        openNlpFile(openNlpModel(new String[] {"a", "c"}, new String[] {"3 0 1"}, preds,
            new double[6])),
        "differ from the recorded labels");
    rejects(
        "opennlp-tail.bin",
        file(
            p -> {
              p.meta.put("kind", "opennlp");
              p.meta.put("learner", new Learner.Perceptron(5).toString());
              p.openNlp = valid;
              p.tail = new byte[3];
            }),
        "unexpected bytes");
    rejects(
        "huge-pattern-count.bin",
        openNlpFile(openNlpModel(outcomes, new String[] {"2147483647 0 1"}, preds, new double[6])),
        "more predicates");
    byte[] hugeCount = valid.clone();
    // the outcome count right after the type string ("Perceptron" = 2 + 10 bytes)
    hugeCount[12] = 0x7f;
    rejects("huge-outcomes.bin", openNlpFile(hugeCount), "invalid count");
  }

  // ------------------------------------------------------------------ OpenNLP doccat zips

  private static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private static byte[] manifest(String component, String extra) {
    return ("Manifest-Version=1.0\nOpenNLP-Version=2.5.11\nLanguage=en\nComponent-Name="
            + component + "\n" + extra)
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void hostileDoccatZipsAreRejected() throws Exception {
    byte[] model =
        openNlpModel(
            new String[] {"a", "b"}, new String[] {"1 0 1"}, new String[] {"bow=tax"},
            new double[2]);
    Map<String, byte[]> bomb = new LinkedHashMap<>();
    bomb.put("manifest.properties", manifest("DocumentCategorizerME", ""));
    bomb.put("doccat.model", new byte[64 << 20]);
    rejects("zip-bomb.bin", zip(bomb), "implausible");

    rejects(
        "other-entry.bin",
        zip(Map.of("manifest.properties", manifest("DocumentCategorizerME", ""), "x.class",
            new byte[10])),
        "unexpected entry");
    rejects(
        "other-component.bin",
        zip(Map.of("manifest.properties", manifest("TokenizerME", ""), "doccat.model", model)),
        "not a document categorizer");
    rejects(
        "no-component.bin",
        zip(Map.of("manifest.properties", "Manifest-Version=1.0\n".getBytes(StandardCharsets.UTF_8),
            "doccat.model", model)),
        "names no Component-Name");
    rejects(
        "serializer.bin",
        zip(
            Map.of(
                "manifest.properties",
                manifest("DocumentCategorizerME", "serializer-class-doccat.model=evil.Class\n"),
                "doccat.model",
                model)),
        "serializer");
    byte[] badModel =
        openNlpModel(
            new String[] {"a", "b"}, new String[] {"1 0 9"}, new String[] {"bow=tax"},
            new double[2]);
    rejects(
        "bad-model.bin",
        zip(Map.of("manifest.properties", manifest("DocumentCategorizerME", ""), "doccat.model",
            badModel)),
        "outcome index 9");
    // feature generators OpenNLP cannot create: rejected at load, not at every prediction
    for (String generator : new String[] {"opennlp.tools.Nope", "java.lang.String"}) {
      rejects(
          "generator-" + generator + ".bin",
          zip(
              Map.of(
                  "manifest.properties",
                  manifest("DocumentCategorizerME", "doccat.featureGenerators=" + generator + "\n"),
                  "doccat.model",
                  model)),
          "feature generators");
    }
    rejects(
        "no-model.bin",
        zip(Map.of("manifest.properties", manifest("DocumentCategorizerME", ""))),
        "needs");
    byte[] valid =
        zip(Map.of("manifest.properties", manifest("DocumentCategorizerME", ""), "doccat.model",
            model));
    // (a cut inside the central directory at the end leaves every entry readable: not an error)
    for (int cut : new int[] {10, 40, valid.length / 2}) {
      rejects("zip-cut-" + cut + ".bin", Arrays.copyOf(valid, cut));
    }
  }

  @Test
  void aZipEntryInflatingFarPastItsOwnBytesIsRefusedWhateverFollowsIt() throws Exception {
    // a valid doccat zip whose 300 MB zero-filled model deflates to some 300 KB, then 3 MB of
    // junk after the central directory: a ratio over the whole file let it inflate past the heap
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("manifest.properties"));
      z.write(manifest("DocumentCategorizerME", ""));
      z.putNextEntry(new ZipEntry("doccat.model"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 300; i++) {
        z.write(zeros);
      }
      z.closeEntry();
    }
    out.write(new byte[3 << 20]);
    byte[] file = out.toByteArray();
    assertThat(file.length).isLessThan(4 << 20);
    rejects("zeros-and-junk.bin", file, "entry 'doccat.model' inflates to more than");
  }

  @Test
  void aPayloadLargerThanTheHeapCanHoldIsRefusedBeforeInflating() throws Exception {
    // 200 MB of honest deflate data at under 64:1 (a random byte in every 96): inflating it into
    // a doubling buffer ran out of a 256 MB heap
    long length = 200L << 20;
    ByteArrayOutputStream deflated = new ByteArrayOutputStream();
    CRC32C crc = new CRC32C();
    java.util.Random random = new java.util.Random(7);
    try (DeflaterOutputStream d = new DeflaterOutputStream(deflated, new Deflater(1))) {
      byte[] block = new byte[96 << 10];
      for (long done = 0; done < length; done += block.length) {
        for (int i = 0; i < block.length; i += 96) {
          block[i] = (byte) random.nextInt();
        }
        d.write(block);
        crc.update(block);
      }
    }
    assertThat(deflated.size() * (long) ModelIO.MAX_RATIO).isGreaterThan(length);
    assertThat(Runtime.getRuntime().maxMemory()).isLessThan(4 * length);
    rejects(
        "heap-sized.bin",
        container(length, deflated.toByteArray(), (int) crc.getValue()),
        "inflates to " + length + " bytes");
  }

  /**
   * A large file that only starts like a zip (a doccat model): refused once it outgrows what the
   * heap can hold, not buffered whole into an OutOfMemoryError. A sparse file: no disk is used.
   */
  @Test
  void aLargeFileThatStartsLikeAZipIsRefusedBeforeTheHeapRunsOut() throws Exception {
    Path f = dir.resolve("zip-start.bin");
    try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(f.toFile(), "rw")) {
      raf.write(new byte[] {'P', 'K', 3, 4});
      raf.setLength(Math.min(Runtime.getRuntime().maxMemory(), 1L << 30));
    }
    assertTimeoutPreemptively(
        LIMIT,
        () ->
            assertThatThrownBy(() -> TopicClassifier.load(f))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith(f.toString())
                .hasMessageContaining("heap"));
  }

  @Test
  void aModelWithManyLabelsInAnyOrderPredictsQuickly() throws Exception {
    // 100,000 categories, in reverse alphabetical order in the file
    int n = 100_000;
    String[] outcomes = new String[n];
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      outcomes[i] = String.format("label-%06d", n - i);
      all[i] = i;
    }
    double[] params = new double[n];
    for (int i = 0; i < n; i++) {
      params[i] = (i % 1000) / 1000.0;
    }
    GISModel gis =
        new GISModel(
            new Context[] {new Context(all, params)}, new String[] {"bow=tax"}, outcomes);
    DoccatModel doccat = new DoccatModel("en", gis, Map.of(), new DoccatFactory());
    Path f = dir.resolve("many-labels.bin");
    try (var out = Files.newOutputStream(f)) {
      doccat.serialize(out);
    }
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          TopicClassifier c = TopicClassifier.load(f);
          for (int i = 0; i < 20; i++) {
            Prediction p = c.predict("tax");
            assertThat(p.scores()).hasSize(n);
            // the highest parameter, 0.999, first; among equals the model's order
            assertThat(p.label()).isEqualTo(outcomes[999]);
          }
        });
  }

  @Test
  void loadingFromAStreamIsBoundedToo() throws Exception {
    byte[] bomb = file(p -> p.featureCount = Integer.MAX_VALUE - 7);
    assertTimeoutPreemptively(
        LIMIT,
        () ->
            assertThatThrownBy(() -> TopicClassifier.load(new ByteArrayInputStream(bomb)))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("<stream>"));
  }
}
