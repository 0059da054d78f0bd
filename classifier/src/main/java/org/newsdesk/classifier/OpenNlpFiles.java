package org.newsdesk.classifier;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import opennlp.tools.doccat.DoccatModel;

/**
 * Checks OpenNLP model bytes before OpenNLP parses them, so that a hostile file fails with a
 * {@link ModelLoadException} at load time instead of exhausting memory or failing later.
 *
 * <p>{@link #checkModel} walks the binary format OpenNLP's {@code GenericModelWriter} writes
 * (model type; for GIS two unused numbers; outcome labels; outcome patterns, each a count of
 * predicates and the outcome indexes they have parameters for; predicate names; the parameters)
 * without allocating anything sized by a declared count: each count must fit in the bytes left,
 * every outcome index must be in range, the pattern counts must add up to the predicates and the
 * parameters to the bytes left, labels and predicates must be distinct, and every parameter
 * finite. {@link #readDoccat} reads a doccat model file (a zip) within the same bounds.
 */
final class OpenNlpFiles {

  /** The largest doccat model file read, and the most its entries may inflate to. */
  static final long MAX_FILE = 1L << 30;

  /**
   * An entry may inflate to at most this many times its compressed bytes read (plus 1 MiB), and
   * all entries to at most {@link #MAX_FILE} and a quarter of the heap ({@link
   * ModelIO#maxModelBytes}).
   */
  static final int MAX_RATIO = 100;

  private static final int MAX_ENTRIES = 16;
  private static final String MANIFEST = "manifest.properties";
  private static final String MODEL = "doccat.model";
  private static final String CHUNKED = "CHUNKED-MODEL-PARAMS:";
  private static final String COMPONENT = "DocumentCategorizerME";

  private OpenNlpFiles() {}

  /**
   * Reads an OpenNLP doccat model (a zip: {@code manifest.properties} and {@code doccat.model}),
   * ready to predict: its feature generators are created here.
   *
   * @param size the file's size, or -1 if unknown
   */
  static DoccatClassifier readDoccat(InputStream in, String source, long size)
      throws IOException {
    long limit = size >= 0 ? Math.min(size, MAX_FILE) : MAX_FILE;
    byte[] file = readUpTo(in, limit, source);
    byte[] model = null;
    boolean manifest = false;
    int entries = 0;
    long inflated = 0;
    Position read = new Position(file);
    try (ZipInputStream zip = new ZipInputStream(read)) {
      ZipEntry e;
      byte[] chunk = new byte[1 << 16];
      while ((e = zip.getNextEntry()) != null) {
        if (++entries > MAX_ENTRIES) {
          throw new ModelLoadException(source + ": not a doccat model (more than " + MAX_ENTRIES
              + " zip entries)");
        }
        String name = e.getName();
        if (!name.equals(MANIFEST) && !name.equals(MODEL)) {
          throw new ModelLoadException(
              source + ": unexpected entry '" + name + "' in an OpenNLP doccat model (only "
                  + MANIFEST + " and " + MODEL + " are read)");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // the ratio counts the bytes of this entry read so far (zip's read-ahead included), not
        // the whole file: junk after the central directory buys no room
        long entryStart = read.position();
        long entryInflated = 0;
        int n;
        while ((n = zip.read(chunk)) > 0) {
          inflated += n;
          entryInflated += n;
          long entryLimit = (read.position() - entryStart) * MAX_RATIO + (1 << 20);
          if (entryInflated > entryLimit || inflated > MAX_FILE) {
            throw new ModelLoadException(
                source + ": implausible doccat model (entry '" + name + "' inflates to more than "
                    + Math.min(entryLimit, MAX_FILE) + " bytes from "
                    + (read.position() - entryStart) + " bytes of the " + file.length
                    + "-byte file)");
          }
          if (inflated > ModelIO.maxModelBytes()) {
            ModelIO.checkHeap(inflated, source, "its entries inflate to more than " + inflated
                + " bytes");
          }
          out.write(chunk, 0, n);
        }
        if (name.equals(MANIFEST)) {
          if (manifest) {
            throw new ModelLoadException(source + ": two " + MANIFEST + " entries");
          }
          manifest = true;
          checkManifest(out.toByteArray(), source);
        } else {
          if (model != null) {
            throw new ModelLoadException(source + ": two " + MODEL + " entries");
          }
          model = out.toByteArray();
        }
      }
    } catch (ModelLoadException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new ModelLoadException(
          source + ": corrupted doccat model (" + e.getClass().getSimpleName() + ": "
              + e.getMessage() + ")",
          e);
    }
    if (!manifest || model == null) {
      throw new ModelLoadException(
          source + ": not an OpenNLP doccat model (needs " + MANIFEST + " and " + MODEL + ")");
    }
    try {
      checkModel(model, null);
    } catch (IOException | RuntimeException e) {
      throw new ModelLoadException(source + ": invalid doccat model: " + e.getMessage(), e);
    }
    try {
      // the classifier creates what prediction needs (the feature generators) now
      return new DoccatClassifier(new DoccatModel(new ByteArrayInputStream(file)));
    } catch (IOException | RuntimeException e) {
      throw new ModelLoadException(
          source + ": OpenNLP cannot load this doccat model: " + e.getMessage(), e);
    }
  }

  /** The file's bytes, telling how many the zip reader has taken so far. */
  private static final class Position extends ByteArrayInputStream {
    Position(byte[] bytes) {
      super(bytes);
    }

    synchronized long position() {
      return pos;
    }
  }

  /**
   * The whole file, at most {@code limit} bytes and what the heap can hold ({@link
   * ModelIO#maxModelBytes}): a large file that merely starts like a zip must not exhaust memory.
   */
  private static byte[] readUpTo(InputStream in, long limit, String source) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[1 << 16];
    long total = 0;
    int n;
    while ((n = in.read(chunk)) > 0) {
      total += n;
      if (total > limit) {
        throw new ModelLoadException(
            source + ": OpenNLP model larger than " + limit + " bytes is refused");
      }
      if (total > ModelIO.maxModelBytes()) {
        ModelIO.checkHeap(total, source, "the file is larger than " + (total - n) + " bytes");
      }
      out.write(chunk, 0, n);
    }
    return out.toByteArray();
  }

  /** The manifest must belong to a document categorizer and name no serializer classes. */
  private static void checkManifest(byte[] bytes, String source) throws IOException {
    Properties p = new Properties();
    try {
      p.load(new ByteArrayInputStream(bytes));
    } catch (IllegalArgumentException e) {
      throw new ModelLoadException(source + ": unreadable " + MANIFEST + ": " + e.getMessage(), e);
    }
    String component = p.getProperty("Component-Name");
    if (component == null) {
      throw new ModelLoadException(
          source + ": not an OpenNLP model (" + MANIFEST + " names no Component-Name)");
    }
    if (!COMPONENT.equals(component)) {
      throw new ModelLoadException(
          source + ": an OpenNLP model for " + component + ", not a document categorizer");
    }
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith("serializer-class-")) {
        throw new ModelLoadException(
            source + ": the manifest names an artifact serializer class (" + key + "); refused");
      }
    }
  }

  /**
   * Checks OpenNLP binary model bytes ({@code GenericModelWriter}'s format).
   *
   * @param labels if not {@code null}, the sorted labels the model's outcomes must be
   * @throws IOException naming what is wrong
   */
  static void checkModel(byte[] bytes, String[] labels) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    String type = utf(in);
    switch (type) {
      case "GIS" -> {
        in.readInt();
        double unused = in.readDouble();
        if (!Double.isFinite(unused)) {
          throw new IOException("GIS correction parameter is not finite");
        }
      }
      case "QN", "Perceptron", "NaiveBayes" -> {
        // no extra fields
      }
      default -> throw new IOException("unknown OpenNLP model type '" + type + "'");
    }
    int outcomes = count(in, 2, "outcomes");
    if (outcomes < 1) {
      throw new IOException("a model needs outcomes");
    }
    Set<String> outcomeSet = new HashSet<>();
    for (int i = 0; i < outcomes; i++) {
      String o = utf(in);
      if (!outcomeSet.add(o)) {
        throw new IOException("duplicate outcome '" + o + "'");
      }
    }
    if (labels != null && !new TreeSet<>(outcomeSet).equals(new TreeSet<>(List.of(labels)))) {
      throw new IOException("the OpenNLP model's outcomes differ from the recorded labels");
    }
    int patterns = count(in, 2, "outcome patterns");
    long predicates = 0;
    long parameters = 0;
    for (int i = 0; i < patterns; i++) {
      String pattern = utf(in);
      String[] parts = pattern.isEmpty() ? new String[0] : pattern.split(" ", -1);
      if (parts.length == 0) {
        throw new IOException("empty outcome pattern");
      }
      int contexts = number(parts[0], Integer.MAX_VALUE, "predicate count");
      Set<Integer> used = new HashSet<>();
      for (int j = 1; j < parts.length; j++) {
        int o = number(parts[j], outcomes - 1, "outcome index");
        if (!used.add(o)) {
          throw new IOException("outcome index " + o + " repeated in a pattern");
        }
      }
      predicates += contexts;
      parameters += (long) contexts * (parts.length - 1);
      if (predicates > bytes.length || parameters > bytes.length) {
        throw new IOException("outcome patterns declare more predicates than the model holds");
      }
    }
    int preds = count(in, 2, "predicates");
    if (preds != predicates) {
      throw new IOException(
          "the outcome patterns cover " + predicates + " predicates, the model lists " + preds);
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < preds; i++) {
      String name = utf(in);
      if (!names.add(name)) {
        throw new IOException("duplicate predicate '" + name + "'");
      }
    }
    if (parameters * Double.BYTES != in.available()) {
      throw new IOException(
          "expected " + parameters + " parameters (" + parameters * Double.BYTES + " bytes), "
              + in.available() + " bytes are left");
    }
    for (long i = 0; i < parameters; i++) {
      double d = in.readDouble();
      if (!Double.isFinite(d)) {
        throw new IOException("parameter " + d + " is not a finite number");
      }
    }
  }

  private static int count(DataInputStream in, int minBytes, String what) throws IOException {
    int n = in.readInt();
    if (n < 0 || (long) n * minBytes > in.available()) {
      throw new IOException(
          "invalid count of " + what + ": " + n + " (" + in.available() + " bytes left)");
    }
    return n;
  }

  private static int number(String s, int max, String what) throws IOException {
    try {
      int n = Integer.parseInt(s);
      if (n < 0 || n > max) {
        throw new IOException(what + " " + n + " out of range 0.." + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IOException("invalid " + what + " '" + s + "'");
    }
  }

  /** OpenNLP's {@code ModelParameterChunker.readUTF}: a string, possibly split into chunks. */
  private static String utf(DataInputStream in) throws IOException {
    String s = in.readUTF();
    if (!s.startsWith(CHUNKED)) {
      return s;
    }
    int chunks = number(s.substring(CHUNKED.length()), in.available() / 2, "chunk count");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < chunks; i++) {
      sb.append(in.readUTF());
    }
    return sb.toString();
  }
}
