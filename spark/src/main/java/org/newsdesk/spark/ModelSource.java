package org.newsdesk.spark;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.newsdesk.classifier.ModelLoadException;
import org.newsdesk.classifier.TopicClassifier;

/**
 * Where tasks get their classifier from, without ever serializing one: the built-in model from
 * the jar, or a custom model's bytes, read and validated once by the driver and shipped as a
 * broadcast. Either way each JVM loads the classifier once and shares it between its tasks (a
 * {@link TopicClassifier} is thread-safe); custom models are cached by content hash, so the same
 * file broadcast twice is loaded once.
 */
abstract class ModelSource implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Largest model file accepted: a broadcast is one byte array. */
  static final long MAX_MODEL_BYTES = 1L << 30;

  private ModelSource() {}

  /** The classifier, loaded at most once per JVM. */
  abstract TopicClassifier classifier();

  /** Names the model in messages. */
  abstract String description();

  /** The built-in model. */
  static ModelSource builtIn() {
    return BuiltIn.INSTANCE;
  }

  /**
   * Resolves a {@code modelPath} on the driver: empty means the built-in model; anything else is
   * read through Hadoop's {@link FileSystem} (so {@code hdfs://}, {@code s3a://} and {@code file:}
   * all work), validated, and broadcast.
   *
   * @throws UncheckedIOException if the file cannot be read, or (with a {@link
   *     ModelLoadException} as cause) is not a valid Newsdesk topic model; the message names the
   *     path
   */
  static ModelSource resolve(SparkSession spark, String modelPath) {
    if (modelPath == null || modelPath.isEmpty()) {
      return builtIn();
    }
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    FileSystem fs;
    FileStatus status;
    try {
      Path path = new Path(modelPath);
      fs = path.getFileSystem(conf);
      status = fs.getFileStatus(path);
    } catch (FileNotFoundException e) {
      throw new UncheckedIOException(new FileNotFoundException("model " + modelPath + " not found"));
    } catch (IOException | IllegalArgumentException e) { // Hadoop: bad path or unknown scheme
      throw cannotRead(modelPath, e);
    }
    String location = status.getPath().toString();
    if (status.isDirectory()) {
      throw new UncheckedIOException(
          new IOException("model " + location + " is a directory, not a model file"));
    }
    if (status.getLen() > MAX_MODEL_BYTES) {
      throw new UncheckedIOException(new ModelLoadException(
          "model " + location + " is too large to broadcast: " + status.getLen()
              + " bytes (limit " + MAX_MODEL_BYTES + ")"));
    }
    byte[] bytes;
    try (InputStream in = fs.open(status.getPath())) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw cannotRead(location, e);
    }
    String key = sha256(bytes);
    TopicClassifier validated;
    try {
      validated = load(bytes);
    } catch (ModelLoadException e) {
      throw new UncheckedIOException(new ModelLoadException(
          "not a valid Newsdesk topic model: " + location + ": " + e.getMessage(), e));
    } catch (IOException e) { // cannot happen for an in-memory stream, but is declared
      throw new UncheckedIOException("cannot load model " + location, e);
    }
    // In local mode the driver is the executor: keep what was just validated.
    Cache.put(key, validated);
    Broadcast<byte[]> broadcast = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .broadcast(bytes);
    return new Broadcasted(broadcast, key, location);
  }

  private static UncheckedIOException cannotRead(String path, Exception e) {
    return new UncheckedIOException(
        new IOException("cannot read model " + path + ": " + e.getMessage(), e));
  }

  private static TopicClassifier load(byte[] bytes) throws IOException {
    return TopicClassifier.load(new ByteArrayInputStream(bytes));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  private static final class BuiltIn extends ModelSource {
    private static final long serialVersionUID = 1L;
    static final BuiltIn INSTANCE = new BuiltIn();

    @Override
    TopicClassifier classifier() {
      try {
        return TopicClassifier.builtIn(); // cached by the classifier module
      } catch (ModelLoadException e) { // only a broken jar gets here
        throw new UncheckedIOException(e);
      }
    }

    @Override
    String description() {
      return "the built-in model";
    }

    private Object readResolve() {
      return INSTANCE;
    }
  }

  private static final class Broadcasted extends ModelSource {
    private static final long serialVersionUID = 1L;
    private final Broadcast<byte[]> bytes;
    private final String sha256;
    private final String location;

    Broadcasted(Broadcast<byte[]> bytes, String sha256, String location) {
      this.bytes = bytes;
      this.sha256 = sha256;
      this.location = location;
    }

    @Override
    TopicClassifier classifier() {
      return Cache.get(sha256, () -> {
        try {
          return load(bytes.value());
        } catch (IOException e) { // validated on the driver: only a damaged transfer gets here
          throw new UncheckedIOException("cannot load model " + location + " on an executor", e);
        }
      });
    }

    @Override
    String description() {
      return location;
    }
  }

  /**
   * Custom models loaded in this JVM, by content hash; the few most recently used are kept, so a
   * long-lived executor that sees many models does not keep them all.
   */
  static final class Cache {
    static final int CAPACITY = 4;
    private static final Map<String, TopicClassifier> MODELS =
        new LinkedHashMap<>(8, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, TopicClassifier> eldest) {
            return size() > CAPACITY;
          }
        };

    private Cache() {}

    static synchronized void put(String key, TopicClassifier classifier) {
      MODELS.put(key, classifier);
    }

    /** Returns the cached model, loading it first (once, under the lock) if absent. */
    static synchronized TopicClassifier get(
        String key, java.util.function.Supplier<TopicClassifier> loader) {
      TopicClassifier c = MODELS.get(key);
      if (c == null) {
        c = loader.get();
        MODELS.put(key, c);
      }
      return c;
    }

    static synchronized boolean contains(String key) {
      return MODELS.containsKey(key);
    }

    static synchronized void clear() {
      MODELS.clear();
    }
  }
}
