package org.newsdesk.classifier;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
 * Reads and writes model files, treating every file as untrusted.
 *
 * <p>Newsdesk's container (format 3): 16-byte magic {@code NEWSDESK-TOPICS\n}, int format
 * version, long payload length, long deflated length, the payload deflated, int CRC32C of the
 * payload. The payload: the provenance as key/value strings (the pipeline and learner in their
 * text forms), the labels (strictly ascending) with their example counts, the features with
 * their idf, the training-text sketch, then the model: a Newsdesk linear model's {@code float}
 * weights, or an OpenNLP model as OpenNLP's own {@code GenericModelWriter} writes it.
 *
 * <p>Bounds: no read goes past the bytes present; the deflated length must fit in the file; the
 * payload may be at most {@value #MAX_RATIO} times the deflated bytes (plus {@value #SLACK}) and
 * {@value #MAX_PAYLOAD} bytes and at most a quarter of the maximum heap ({@link #maxModelBytes}),
 * and its buffer is allocated once at the declared length, so neither a damaged length nor a
 * deflate bomb can exhaust memory; every count is checked against the bytes
 * left before anything is allocated for it; feature &times; label products are computed in
 * {@code long}; the checksum is verified before parsing. Deflate and CRC32C (both native) rather
 * than SHA-256 keep the built-in model's cold load fast; the checksum guards against damage, not
 * tampering, which is why every value is still checked.
 *
 * <p>Anything else that starts like a zip file is read as an OpenNLP doccat model ({@link
 * OpenNlpFiles}).
 */
final class ModelIO {

  static final byte[] MAGIC = "NEWSDESK-TOPICS\n".getBytes(StandardCharsets.US_ASCII);
  static final int FORMAT_VERSION = 3;
  private static final int HEADER = MAGIC.length + Integer.BYTES + 2 * Long.BYTES;
  private static final int CHUNK = 1 << 16;
  /** The largest payload accepted (a 200k-feature, 50-label model is ~45 MB); bounds memory. */
  static final long MAX_PAYLOAD = 1L << 30;
  /** Deflate's own limit is 1032:1; real models compress 1.5-4:1. */
  static final int MAX_RATIO = 64;
  static final int SLACK = 1 << 16;
  /** The share of the maximum heap a model's inflated bytes may take: one quarter. */
  private static final int HEAP_SHARE = 4;

  /** The longest string (label, feature name, setting) accepted. */
  private static final int MAX_STRING = 1 << 20;

  static final String KIND_LINEAR = "linear";
  static final String KIND_OPENNLP = "opennlp";

  private ModelIO() {}

  // ---------------------------------------------------------------------------------- writing

  static void write(TopicClassifier c, OutputStream out) throws IOException {
    Model model = c.model();
    ModelProvenance pv = c.provenance().orElseThrow();
    ByteArrayOutputStream payload = new ByteArrayOutputStream(1 << 16);
    DataOutputStream p = new DataOutputStream(payload);
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("kind", model instanceof LinearModel ? KIND_LINEAR : KIND_OPENNLP);
    meta.put("pipeline", pv.pipeline().toString());
    meta.put("learner", pv.learner().toString());
    meta.put("seed", Long.toString(pv.seed()));
    meta.put("threads", Integer.toString(pv.threads()));
    meta.put("data-sha256", pv.dataSha256());
    meta.put("created", pv.created().toString());
    meta.putAll(pv.runtime());
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
    FeatureExtractor fx =
        model instanceof LinearModel l ? l.features() : ((OpenNlpModel) model).features();
    String[] names = fx.names();
    float[] idf = fx.idf();
    p.writeInt(names.length);
    for (int i = 0; i < names.length; i++) {
      writeString(p, names[i]);
      p.writeFloat(idf[i]);
    }
    TextSketch sketch = pv.sketch();
    p.writeInt(sketch.hashes());
    p.writeLong(sketch.texts());
    p.writeInt(sketch.bits().length);
    for (long w : sketch.bits()) {
      p.writeLong(w);
    }
    if (model instanceof LinearModel l) {
      for (float w : l.weights()) {
        p.writeFloat(w);
      }
    } else {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
      DataOutputStream m = new DataOutputStream(bytes);
      new GenericModelWriter(((OpenNlpModel) model).model(), m).persist();
      m.flush();
      p.writeInt(bytes.size());
      bytes.writeTo(p);
    }
    p.flush();

    byte[] raw = payload.toByteArray();
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    ByteArrayOutputStream deflated = new ByteArrayOutputStream(raw.length / 2 + 64);
    try (DeflaterOutputStream d = new DeflaterOutputStream(deflated, deflater, CHUNK)) {
      d.write(raw);
    } finally {
      deflater.end();
    }
    DataOutputStream o = new DataOutputStream(out);
    o.write(MAGIC);
    o.writeInt(FORMAT_VERSION);
    o.writeLong(raw.length);
    o.writeLong(deflated.size());
    deflated.writeTo(o);
    o.writeInt(crc32c(raw));
    o.flush();
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  // ---------------------------------------------------------------------------------- reading

  /**
   * Reads a model of either kind.
   *
   * @param size the file's size, or -1 for a stream of unknown length
   */
  static TopicClassifier read(InputStream input, String source, long size) throws IOException {
    PushbackInputStream in = new PushbackInputStream(input, MAGIC.length);
    byte[] head = in.readNBytes(MAGIC.length);
    in.unread(head);
    if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      return new TopicClassifier(OpenNlpFiles.readDoccat(in, source, size), null);
    }
    if (!Arrays.equals(head, MAGIC)) {
      throw new ModelLoadException(
          source + ": not a model file (neither a Newsdesk topic model, which starts with"
              + " NEWSDESK-TOPICS, nor an OpenNLP doccat model, which is a zip file)");
    }
    return readNewsdesk(in, source, size);
  }

  private static TopicClassifier readNewsdesk(InputStream input, String source, long size)
      throws IOException {
    DataInputStream in = new DataInputStream(input);
    in.readNBytes(MAGIC.length);
    int version;
    long length;
    long deflatedLength;
    try {
      version = in.readInt();
      if (version != FORMAT_VERSION) {
        throw new ModelLoadException(
            source + ": unsupported model format version " + version + " (this library reads"
                + " version " + FORMAT_VERSION
                + (version < FORMAT_VERSION ? "; retrain the model with this version" : "")
                + ")");
      }
      length = in.readLong();
      deflatedLength = in.readLong();
    } catch (EOFException e) {
      throw new ModelLoadException(source + ": truncated model file (header incomplete)", e);
    }
    if (deflatedLength < 0 || deflatedLength > MAX_PAYLOAD || length < 0 || length > MAX_PAYLOAD) {
      throw new ModelLoadException(
          source + ": corrupted model file (invalid lengths " + length + ", " + deflatedLength
              + ")");
    }
    if (size >= 0 && HEADER + deflatedLength + Integer.BYTES > size) {
      throw new ModelLoadException(
          source + ": truncated model file (the header announces " + deflatedLength
              + " compressed bytes; the file has " + size + " bytes in all)");
    }
    if (length > deflatedLength * MAX_RATIO + SLACK) {
      throw new ModelLoadException(
          source + ": implausible model file (" + deflatedLength + " compressed bytes claim to"
              + " inflate to " + length + "; more than " + MAX_RATIO + ":1 is refused)");
    }
    checkHeap(length, source, "its payload inflates to " + length + " bytes");
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
      return parse(new Payload(payload));
    } catch (IOException | RuntimeException e) {
      // the checksum matched, so the file was written like this (by another tool, or crafted)
      throw new ModelLoadException(source + ": invalid model content: " + message(e), e);
    }
  }

  /**
   * The most inflated model bytes read: a quarter of the maximum heap ({@code -Xmx}), since the
   * bytes, their parsed form and copies made while reading take a few times as much.
   */
  static long maxModelBytes() {
    return Runtime.getRuntime().maxMemory() / HEAP_SHARE;
  }

  /**
   * Refuses a model of {@code bytes} inflated bytes that the heap cannot hold.
   *
   * @param what what the file claims, for the message
   */
  static void checkHeap(long bytes, String source, String what) throws ModelLoadException {
    long max = maxModelBytes();
    if (bytes > max) {
      throw new ModelLoadException(
          source + ": model too large for this JVM's heap (" + what + "; at most " + max
              + " bytes, a quarter of the maximum heap, are read: raise -Xmx to load it)");
    }
  }

  private static String message(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static TopicClassifier parse(Payload p) throws IOException {
    int metaCount = p.count(8, "settings");
    Map<String, String> meta = new LinkedHashMap<>();
    for (int i = 0; i < metaCount; i++) {
      String key = p.string();
      if (meta.put(key, p.string()) != null) {
        throw new IOException("setting '" + key + "' appears twice");
      }
    }
    String kind = required(meta, "kind");
    FeaturePipeline pipeline = FeaturePipeline.parse(required(meta, "pipeline"));
    Learner learner = Learner.parse(required(meta, "learner"));
    if (kind.equals(KIND_LINEAR) != learner instanceof Learner.MaxEnt
        || !kind.equals(KIND_LINEAR) && !kind.equals(KIND_OPENNLP)) {
      throw new IOException("model kind '" + kind + "' does not match learner " + learner);
    }
    long seed = parseLong(required(meta, "seed"), "seed");
    int threads = (int) Math.min(Integer.MAX_VALUE, parseLong(required(meta, "threads"), "threads"));
    String sha = required(meta, "data-sha256");
    if (!sha.matches("[0-9a-f]{64}")) {
      throw new IOException("data-sha256 is not 64 hex digits");
    }
    Instant created;
    try {
      created = Instant.parse(required(meta, "created"));
    } catch (DateTimeParseException e) {
      throw new IOException("created is not an ISO instant: " + meta.get("created"), e);
    }
    Map<String, String> runtime = new TreeMap<>();
    for (String key : ModelProvenance.currentRuntime().keySet()) {
      runtime.put(key, required(meta, key));
    }

    int labelCount = p.count(8, "labels");
    if (labelCount < 2) {
      throw new IOException("a model needs at least 2 labels, this one has " + labelCount);
    }
    String[] labels = new String[labelCount];
    Map<String, Integer> perLabel = new LinkedHashMap<>();
    for (int i = 0; i < labelCount; i++) {
      labels[i] = p.string();
      int n = p.integer();
      if (labels[i].isBlank() || n < 1) {
        throw new IOException("label '" + labels[i] + "' is blank or has " + n + " examples");
      }
      if (i > 0 && labels[i - 1].compareTo(labels[i]) >= 0) {
        throw new IOException(
            labels[i - 1].equals(labels[i])
                ? "duplicate label '" + labels[i] + "'"
                : "labels not in sorted order ('" + labels[i - 1] + "' before '" + labels[i] + "')");
      }
      perLabel.put(labels[i], n);
    }
    int featureCount = p.count(8, "features");
    String[] names = new String[featureCount];
    float[] idf = new float[featureCount];
    for (int i = 0; i < featureCount; i++) {
      names[i] = p.string();
      idf[i] = p.floating();
    }
    FeatureExtractor features = FeatureExtractor.of(pipeline, names, idf);

    int hashes = p.integer();
    long texts = p.longValue();
    int words = p.count(8, "sketch words");
    long[] bits = new long[words];
    for (int i = 0; i < words; i++) {
      bits[i] = p.longValue();
    }
    TextSketch sketch = new TextSketch(bits, hashes, texts);

    Model model;
    if (kind.equals(KIND_LINEAR)) {
      long weights = (long) featureCount * labelCount;
      if (weights * Float.BYTES != p.remaining()) {
        throw new IOException(
            featureCount + " features x " + labelCount + " labels need " + weights * Float.BYTES
                + " bytes of weights; " + p.remaining() + " are left");
      }
      float[] w = new float[(int) weights];
      for (int i = 0; i < w.length; i++) {
        w[i] = p.floating();
      }
      model = new LinearModel(features, labels, w);
    } else {
      int n = p.count(1, "OpenNLP model bytes");
      byte[] bytes = p.bytes(n);
      OpenNlpFiles.checkModel(bytes, labels);
      AbstractModel m =
          new GenericModelReader(new BinaryFileDataReader(new ByteArrayInputStream(bytes)))
              .getModel();
      model = new OpenNlpModel(features, m, learner);
    }
    if (p.remaining() != 0) {
      throw new IOException(p.remaining() + " unexpected bytes after the model");
    }
    ModelProvenance provenance =
        new ModelProvenance(
            pipeline, learner, perLabel, featureCount, sha, seed, threads, runtime, created,
            sketch);
    return new TopicClassifier(model, provenance);
  }

  private static long parseLong(String v, String key) throws IOException {
    try {
      long n = Long.parseLong(v);
      if (key.equals("threads") && n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IOException(key + " '" + v + "' is not a valid number");
    }
  }

  private static String required(Map<String, String> meta, String key) throws IOException {
    String v = meta.get(key);
    if (v == null) {
      throw new IOException("missing '" + key + "'");
    }
    return v;
  }

  /**
   * Inflates exactly {@code deflatedLength} bytes of {@code in} into {@code length} bytes (already
   * checked against the heap), allocated once: growing by doubling took 1.5 times the payload.
   */
  private static byte[] inflate(InputStream in, long length, long deflatedLength, String source)
      throws ModelLoadException {
    byte[] out = new byte[(int) length];
    int produced = 0;
    long remaining = deflatedLength;
    Inflater inflater = new Inflater();
    try {
      byte[] chunk = new byte[(int) Math.min(Math.max(deflatedLength, 1), CHUNK)];
      while (!inflater.finished()) {
        if (inflater.needsInput()) {
          if (remaining == 0) {
            throw new ModelLoadException(
                source + ": corrupted model file (deflated data ends early)");
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
        if (produced == length) {
          throw new ModelLoadException(
              source + ": corrupted model file (payload longer than the declared " + length
                  + " bytes)");
        }
        produced += inflater.inflate(out, produced, out.length - produced);
        if (inflater.needsDictionary()) {
          throw new ModelLoadException(source + ": corrupted model file (not our deflate stream)");
        }
      }
    } catch (DataFormatException e) {
      throw new ModelLoadException(source + ": corrupted model file (" + e.getMessage() + ")", e);
    } catch (ModelLoadException e) {
      throw e;
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

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** A cursor over the payload that never reads past its end and checks every count. */
  private static final class Payload {
    private final ByteBuffer buf;

    Payload(byte[] bytes) {
      this.buf = ByteBuffer.wrap(bytes);
    }

    long remaining() {
      return buf.remaining();
    }

    private void need(long n, String what) throws EOFException {
      if (n > buf.remaining()) {
        throw new EOFException(
            what + " needs " + n + " bytes, only " + buf.remaining() + " are left");
      }
    }

    int integer() throws IOException {
      need(Integer.BYTES, "a number");
      return buf.getInt();
    }

    long longValue() throws IOException {
      need(Long.BYTES, "a number");
      return buf.getLong();
    }

    float floating() throws IOException {
      need(Float.BYTES, "a number");
      return buf.getFloat();
    }

    /** A count of items taking at least {@code minBytes} each: checked against what is left. */
    int count(int minBytes, String what) throws IOException {
      int n = integer();
      if (n < 0 || (long) n * minBytes > buf.remaining()) {
        throw new IOException(
            "invalid count of " + what + ": " + n + " (only " + buf.remaining() + " bytes left)");
      }
      return n;
    }

    byte[] bytes(int n) throws IOException {
      need(n, "a byte block");
      byte[] b = new byte[n];
      buf.get(b);
      return b;
    }

    String string() throws IOException {
      int n = integer();
      if (n < 0 || n > MAX_STRING) {
        throw new IOException("invalid string length " + n);
      }
      need(n, "a string");
      ByteBuffer slice = buf.slice();
      slice.limit(n);
      buf.position(buf.position() + n);
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(slice)
            .toString();
      } catch (CharacterCodingException e) {
        throw new IOException("a string is not valid UTF-8", e);
      }
    }
  }
}
