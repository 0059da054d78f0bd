package org.newsdesk.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.core.Diagnostic;
import org.newsdesk.core.RecordBoundary;

/**
 * The partition reader on its own (one reader per task, as Spark runs it), over
 * {@link TrackingFileSystem}: how many bytes splits of a long line read, and that failing to
 * read or close a file never leaves a stream open and is skipped with {@code ignoreCorruptFiles}.
 */
class NewsdeskPartitionReaderTest {

  private static final StructType WITH_CORRUPT =
      NewsdeskDataSource.SCHEMA.add("_corrupt_record", "string");
  private static final String RECORDS = "\n\nT\n\nT\n\nbody t\n\nU\n\nU\n\nbody u\n";

  @TempDir
  static Path dir;
  static Path longLine;
  static Path stray;

  @BeforeAll
  static void writeFiles() throws IOException {
    longLine = dir.resolve("long-line.txt");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(longLine))) {
      byte[] x = "x".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 128; i++) { // 8 MB without a line break
        out.write(x);
      }
      out.write(RECORDS.getBytes(StandardCharsets.US_ASCII));
    }
    stray = Files.writeString(dir.resolve("stray.txt"), "A stray line\n\nT\n\nT\n\nbody\n");
  }

  @BeforeEach
  void resetFileSystem() {
    TrackingFileSystem.reset();
  }

  @Test
  void splitsOfALineLongerThanThemselvesReadEachByteAFewTimes() throws IOException {
    long length = Files.size(longLine);
    String path = TrackingFileSystem.uri(longLine);
    List<String> whole = readAll(new FileChunk[] {
        new FileChunk(path, length, 0, length, true, 1, 1, new String[0])}, Map.of(), false);
    assertThat(whole).containsExactly("3|T", "9|U");
    TrackingFileSystem.reset();

    long split = 64 << 10;
    List<String> rows = new ArrayList<>();
    long line = 1;
    int splits = 0;
    for (long s = 0; s < length; s += split) {
      long end = Math.min(s + split, length);
      long endLine = line + countLineBreaks(longLine, s, end - s);
      rows.addAll(readAll(new FileChunk[] {
          new FileChunk(path, length, s, end, false, line, endLine, new String[0])}, Map.of(),
          false));
      line = endLine;
      splits++;
    }
    assertThat(splits).isGreaterThan(100);
    assertThat(rows).isEqualTo(whole);
    // The split at 0 reads the line twice (its reader, and the search for its end); every other
    // split is empty and reads its own bytes, plus a buffer: about 3 times the file in all,
    // where each split used to read on to the end of the line (over 60 times the file).
    assertThat(TrackingFileSystem.BYTES_READ.get()).isLessThan(4 * length);
    assertThat(TrackingFileSystem.OPEN.get()).isZero();
  }

  @Test
  void aFailureToCloseClosesEveryStreamAndIsSkippedWithIgnoreCorruptFiles() throws IOException {
    FileChunk[] chunks = {chunk(stray)};
    TrackingFileSystem.failClose = true;
    try (NewsdeskPartitionReader reader = reader(chunks, Map.of("ignoreCorruptFiles", "true"),
        true)) {
      // the corrupt-record row's raw text comes from a second stream; closing both fails
      assertThat(rows(reader)).containsExactly("1|null", "3|T");
      assertThat(TrackingFileSystem.OPENED.get()).isEqualTo(2);
      assertThat(TrackingFileSystem.OPEN.get()).isZero();
      assertThat(metric(reader, NewsdeskMetric.CORRUPT_FILES_NAME)).isEqualTo(1);
    }

    TrackingFileSystem.reset();
    TrackingFileSystem.failClose = true;
    NewsdeskPartitionReader failing = reader(chunks, Map.of(), true);
    assertThatThrownBy(() -> rows(failing)).isInstanceOf(IOException.class)
        .hasMessageContaining("stray.txt").hasMessageContaining("simulated close failure");
    assertThat(TrackingFileSystem.OPEN.get()).isZero();
    failing.close();
  }

  @Test
  void aFailureToReadTheRawLinesIsACorruptFile() throws IOException {
    FileChunk[] chunks = {chunk(stray)};
    TrackingFileSystem.failReadsOf = 1; // the raw lines' stream, opened after the parser's
    try (NewsdeskPartitionReader reader = reader(chunks, Map.of("ignoreCorruptFiles", "true"),
        true)) {
      assertThat(rows(reader)).isEmpty();
      assertThat(metric(reader, NewsdeskMetric.CORRUPT_FILES_NAME)).isEqualTo(1);
      assertThat(TrackingFileSystem.OPEN.get()).isZero();
    }

    TrackingFileSystem.reset();
    TrackingFileSystem.failReadsOf = 1;
    try (NewsdeskPartitionReader reader = reader(chunks, Map.of(), true)) {
      assertThatThrownBy(() -> rows(reader)).isInstanceOf(IOException.class)
          .hasMessageContaining("stray.txt").hasMessageContaining("simulated read failure");
      assertThat(TrackingFileSystem.OPEN.get()).isZero();
    }
  }

  @Test
  void diagnosticsAreCountedWhetherOrNotTheyBecomeRows() throws IOException {
    FileChunk[] chunks = {chunk(stray)};
    for (String mode : List.of("PERMISSIVE", "DROPMALFORMED")) {
      for (boolean corrupt : List.of(true, false)) {
        try (NewsdeskPartitionReader reader = reader(chunks, Map.of("mode", mode), corrupt)) {
          assertThat(rows(reader)).as("%s, corrupt column %s", mode, corrupt)
              .containsExactly(corrupt && mode.equals("PERMISSIVE")
                  ? new String[] {"1|null", "3|T"} : new String[] {"3|T"});
          assertThat(metric(reader, NewsdeskMetric.nameOf(Diagnostic.Kind.STRAY_LINE)))
              .isEqualTo(1);
        }
      }
    }
  }

  private static FileChunk chunk(Path file) throws IOException {
    long length = Files.size(file);
    return new FileChunk(TrackingFileSystem.uri(file), length, 0, length, true, 1, 1,
        new String[0]);
  }

  private static NewsdeskPartitionReader reader(FileChunk[] chunks, Map<String, String> options,
      boolean corruptColumn) {
    ReadOptions read = new ReadOptions(new CaseInsensitiveStringMap(options), key -> null);
    StructType schema = corruptColumn ? WITH_CORRUPT : NewsdeskDataSource.SCHEMA;
    return new NewsdeskPartitionReader(chunks, TrackingFileSystem.configuration(), read,
        new Rows(schema, read.corruptColumn), corruptColumn && read.permissive());
  }

  private static List<String> readAll(FileChunk[] chunks, Map<String, String> options,
      boolean corruptColumn) throws IOException {
    try (NewsdeskPartitionReader reader = reader(chunks, options, corruptColumn)) {
      return rows(reader);
    }
  }

  /** Each row as {@code line|title}. */
  private static List<String> rows(NewsdeskPartitionReader reader) throws IOException {
    List<String> rows = new ArrayList<>();
    while (reader.next()) {
      InternalRow row = reader.get();
      rows.add(row.getInt(1) + "|" + (row.isNullAt(2) ? null : row.getUTF8String(2)));
    }
    return rows;
  }

  private static long countLineBreaks(Path file, long from, long length) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(from);
      return RecordBoundary.countLineBreaks(in, length);
    }
  }

  static long metric(NewsdeskPartitionReader reader, String name) {
    return Arrays.stream(reader.currentMetricsValues()).filter(m -> m.name().equals(name))
        .mapToLong(CustomTaskMetric::value).sum();
  }
}
