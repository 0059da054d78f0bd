package org.newsdesk.classifier;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;

/**
 * Our model container. Layout: 16-byte magic, int format version, long payload length, long
 * deflated length, the payload deflated, int CRC32C of the payload. The payload holds the
 * provenance and every training setting, the feature vocabulary with IDF weights, and the OpenNLP
 * model as written by its own GenericModelWriter. The checksum is verified before anything in
 * the payload is parsed, so a damaged file can never make OpenNLP allocate absurd arrays.
 *
 * <p>Why deflate and CRC32C (format 2) rather than raw bytes and SHA-256 (format 1): the built-in
 * model must load fast in a cold JVM, where SHA-256 over a megabyte costs ~80 ms and CRC32C and
 * Inflater (both native) cost a few; deflating also makes the file about a third of the size.
 * The checksum guards against damage, not tampering: anyone can rewrite it.
 */
final class ModelIO {

  static final byte[] MAGIC = "NEWSDESK-TOPICS\n".getBytes(StandardCharsets.US_ASCII);
  static final int FORMAT_VERSION = 2;
  private static final int CHUNK = 1 << 20;
  /** The largest payload accepted (a 200k-feature, 50-label model is ~60 MB); bounds memory. */
  private static final long MAX_PAYLOAD = 1L << 30;

  private ModelIO() {}

  static void write(TopicClassifier c, OutputStream out) throws IOException {
    ByteArrayOutputStream payload = new ByteArrayOutputStream(1 << 16);
    DataOutputStream p = new DataOutputStream(payload);
    ModelProvenance pv = c.provenance();
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("libraryVersion", pv.libraryVersion());
    meta.put("opennlpVersion", pv.opennlpVersion());
    meta.put("dataSha256", pv.dataSha256());
    meta.put("created", pv.created().toString());
    pv.config().toMap().forEach((k, v) -> meta.put("config." + k, v));
    p.writeInt(meta.size());
    for (Map.Entry<String, String> e : meta.entrySet()) {
      writeString(p, e.getKey());
      writeString(p, e.getValue());
    }
    p.writeInt(pv.examplesPerLabel().size());
    for (Map.Entry<String, Integer> e : pv.examplesPerLabel().entrySet()) {
      writeString(p, e.getKey());
      p.writeInt(e.getValue());
    }
    FeatureExtractor fx = c.features();
    String[] names = fx.names();
    float[] idf = fx.idf();
    p.writeInt(names.length);
    for (int i = 0; i < names.length; i++) {
      writeString(p, names[i]);
      p.writeFloat(idf[i]);
    }
    ByteArrayOutputStream modelBytes = new ByteArrayOutputStream(1 << 16);
    DataOutputStream m = new DataOutputStream(modelBytes);
    new GenericModelWriter(c.model(), m).persist();
    m.flush();
    p.writeInt(modelBytes.size());
    modelBytes.writeTo(p);
    p.flush();

    byte[] bytes = payload.toByteArray();
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    ByteArrayOutputStream deflated = new ByteArrayOutputStream(bytes.length / 2 + 64);
    try (DeflaterOutputStream d = new DeflaterOutputStream(deflated, deflater, CHUNK)) {
      d.write(bytes);
    } finally {
      deflater.end();
    }
    DataOutputStream o = new DataOutputStream(out);
    o.write(MAGIC);
    o.writeInt(FORMAT_VERSION);
    o.writeLong(bytes.length);
    o.writeLong(deflated.size());
    deflated.writeTo(o);
    o.writeInt(crc32c(bytes));
    o.flush();
  }

  static TopicClassifier read(InputStream input, String source) throws IOException {
    DataInputStream in = new DataInputStream(input);
    byte[] magic = in.readNBytes(MAGIC.length);
    if (!Arrays.equals(magic, MAGIC)) {
      throw new ModelLoadException(
          source + ": not a Newsdesk topic model (missing the NEWSDESK-TOPICS header)");
    }
    int version;
    long length;
    long deflatedLength;
    try {
      version = in.readInt();
      if (version != FORMAT_VERSION) {
        throw new ModelLoadException(
            source
                + ": unsupported model format version "
                + version
                + " (this library reads version "
                + FORMAT_VERSION
                + ")");
      }
      length = in.readLong();
      deflatedLength = in.readLong();
    } catch (EOFException e) {
      throw new ModelLoadException(source + ": truncated model file (header incomplete)", e);
    }
    if (length < 0 || length > MAX_PAYLOAD || deflatedLength < 0 || deflatedLength > MAX_PAYLOAD) {
      throw new ModelLoadException(
          source + ": corrupted model file (invalid lengths " + length + ", " + deflatedLength + ")");
    }
    byte[] payload = inflate(in, length, deflatedLength, source);
    int crc;
    try {
      crc = in.readInt();
    } catch (EOFException e) {
      throw new ModelLoadException(source + ": truncated model file (checksum missing)", e);
    }
    if (crc != crc32c(payload)) {
      throw new ModelLoadException(source + ": corrupted model file (CRC32C checksum mismatch)");
    }
    try {
      return parse(payload);
    } catch (IOException | RuntimeException e) {
      // the checksum matched, so the file was written like this (e.g. by another tool)
      throw new ModelLoadException(source + ": invalid model content: " + e.getMessage(), e);
    }
  }

  private static TopicClassifier parse(byte[] payload) throws IOException {
    DataInputStream p = new DataInputStream(new ByteArrayInputStream(payload));
    int metaCount = count(p, payload.length);
    Map<String, String> meta = new LinkedHashMap<>();
    for (int i = 0; i < metaCount; i++) {
      meta.put(readString(p), readString(p));
    }
    int labelCount = count(p, payload.length);
    Map<String, Integer> perLabel = new TreeMap<>();
    for (int i = 0; i < labelCount; i++) {
      perLabel.put(readString(p), p.readInt());
    }
    int featureCount = count(p, payload.length);
    String[] names = new String[featureCount];
    float[] idf = new float[featureCount];
    for (int i = 0; i < featureCount; i++) {
      names[i] = readString(p);
      idf[i] = p.readFloat();
    }
    int modelLength = count(p, payload.length);
    byte[] modelBytes = p.readNBytes(modelLength);
    if (modelBytes.length != modelLength) {
      throw new EOFException("model section shorter than declared");
    }
    AbstractModel model =
        new GenericModelReader(
                new BinaryFileDataReader(new DataInputStream(new ByteArrayInputStream(modelBytes))))
            .getModel();

    Map<String, String> configMap = new LinkedHashMap<>();
    meta.forEach(
        (k, v) -> {
          if (k.startsWith("config.")) {
            configMap.put(k.substring("config.".length()), v);
          }
        });
    TrainingConfig config = TrainingConfig.fromMap(configMap);
    String[] outcomes = new String[model.getNumOutcomes()];
    for (int i = 0; i < outcomes.length; i++) {
      outcomes[i] = model.getOutcome(i);
    }
    Arrays.sort(outcomes);
    if (!List.of(outcomes).equals(List.copyOf(perLabel.keySet()))) {
      throw new IOException("model labels do not match the recorded labels");
    }
    ModelProvenance provenance =
        new ModelProvenance(
            required(meta, "libraryVersion"),
            required(meta, "opennlpVersion"),
            config,
            List.of(outcomes),
            perLabel,
            featureCount,
            required(meta, "dataSha256"),
            Instant.parse(required(meta, "created")));
    return new TopicClassifier(FeatureExtractor.of(config, names, idf), model, provenance);
  }

  private static String required(Map<String, String> meta, String key) throws IOException {
    String v = meta.get(key);
    if (v == null) {
      throw new IOException("missing '" + key + "'");
    }
    return v;
  }

  private static int count(DataInputStream p, int max) throws IOException {
    int n = p.readInt();
    if (n < 0 || n > max) {
      throw new IOException("invalid count " + n);
    }
    return n;
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new IOException("invalid string length " + n);
    }
    return new String(in.readNBytes(n), StandardCharsets.UTF_8);
  }

  /**
   * Inflates exactly {@code deflatedLength} bytes of {@code in} into {@code length} bytes. Reads
   * in chunks and never allocates more than the declared length, so neither a damaged length nor
   * a deflate bomb can exhaust memory.
   */
  private static byte[] inflate(InputStream in, long length, long deflatedLength, String source)
      throws ModelLoadException {
    byte[] out = new byte[(int) Math.min(length, CHUNK)];
    int produced = 0;
    long remaining = deflatedLength;
    Inflater inflater = new Inflater();
    try {
      byte[] chunk = new byte[(int) Math.min(Math.max(deflatedLength, 1), CHUNK)];
      while (!inflater.finished()) {
        if (inflater.needsInput()) {
          if (remaining == 0) {
            throw new ModelLoadException(source + ": corrupted model file (deflated data ends early)");
          }
          int n = in.readNBytes(chunk, 0, (int) Math.min(remaining, chunk.length));
          if (n == 0) {
            throw new ModelLoadException(
                source + ": truncated model file (" + (deflatedLength - remaining) + " of "
                    + deflatedLength + " model bytes present)");
          }
          remaining -= n;
          inflater.setInput(chunk, 0, n);
        }
        if (produced == out.length) {
          if (produced == length) {
            throw new ModelLoadException(
                source + ": corrupted model file (payload longer than the declared " + length
                    + " bytes)");
          }
          out = Arrays.copyOf(out, (int) Math.min(length, (long) out.length * 2));
        }
        produced += inflater.inflate(out, produced, out.length - produced);
        if (inflater.needsDictionary()) {
          throw new ModelLoadException(source + ": corrupted model file (not our deflate stream)");
        }
      }
    } catch (DataFormatException e) {
      throw new ModelLoadException(source + ": corrupted model file (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new ModelLoadException(source + ": cannot read model file: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
    if (produced != length || remaining != 0) {
      throw new ModelLoadException(
          source + ": corrupted model file (payload is " + produced + " bytes, header says "
              + length + ")");
    }
    return out;
  }

  private static int crc32c(byte[] data) {
    CRC32C crc = new CRC32C();
    crc.update(data);
    return (int) crc.getValue();
  }

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
