package org.newsdesk.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.core.Diagnostic;

/**
 * Many megabytes without an article (metadata lines outside any record: {@code Read More}, and
 * log lines that start with a date) read by one task in a small heap, in every mode: what the
 * reader holds does not grow with the gap. One diagnostic kept per line would need about 160
 * bytes a line, over twice this heap. Runs in the forked {@code -Xmx64m} surefire execution
 * (see spark/pom.xml).
 */
class LongGapLowHeapTest {

  private static final int GAP_LINES = 500_000;

  @TempDir
  static Path dir;
  static Path gap;

  @BeforeAll
  static void writeFile() throws IOException {
    gap = dir.resolve("gap.txt");
    byte[] readMore = "Read More\n".getBytes(StandardCharsets.US_ASCII);
    byte[] logLine = "11/07/2023 Logistics\n".getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(gap))) {
      for (int i = 0; i < GAP_LINES; i++) {
        out.write(i % 2 == 0 ? readMore : logLine);
      }
      out.write("T\n\nT\n\nbody\n".getBytes(StandardCharsets.US_ASCII));
    }
  }

  @Test
  void theHeapIsSmall() {
    assertThat(Runtime.getRuntime().maxMemory()).isLessThan(100L << 20);
  }

  @Test
  void countedDiagnosticsAreNotKept() throws IOException {
    for (String mode : new String[] {"DROPMALFORMED", "PERMISSIVE"}) {
      try (NewsdeskPartitionReader reader = reader(Map.of("mode", mode), false)) {
        assertThat(reader.next()).isTrue();
        assertThat(reader.get().getInt(1)).isEqualTo(GAP_LINES + 1);
        assertThat(reader.get().getUTF8String(2).toString()).isEqualTo("T");
        assertThat(reader.next()).isFalse();
        assertThat(strayLines(reader)).isEqualTo(GAP_LINES);
      }
    }
  }

  @Test
  void corruptRecordRowsComeOutAsTheyAreRead() throws IOException {
    try (NewsdeskPartitionReader reader = reader(Map.of(), true)) {
      for (int line = 1; line <= GAP_LINES; line++) {
        assertThat(reader.next()).isTrue();
        InternalRow row = reader.get();
        String actual = row.getInt(1) + "|" + (row.isNullAt(2) ? "" : "title ")
            + row.getUTF8String(6);
        String expected = line + "|" + (line % 2 == 1 ? "Read More" : "11/07/2023 Logistics");
        if (!actual.equals(expected)) {
          assertThat(actual).isEqualTo(expected);
        }
      }
      assertThat(reader.next()).isTrue();
      assertThat(reader.get().getUTF8String(2).toString()).isEqualTo("T");
      assertThat(reader.next()).isFalse();
      assertThat(strayLines(reader)).isEqualTo(GAP_LINES);
    }
  }

  @Test
  void diagnosticRowsComeOutAsTheyAreRead() throws IOException {
    try (NewsdeskPartitionReader reader = reader(Map.of("rows", "diagnostics"), false)) {
      long rows = 0;
      while (reader.next()) {
        rows++;
        String actual = reader.get().getInt(1) + "|" + reader.get().getUTF8String(3);
        if (!actual.equals(rows + "|STRAY_LINE")) {
          assertThat(actual).isEqualTo(rows + "|STRAY_LINE");
        }
      }
      assertThat(rows).isEqualTo(GAP_LINES);
      assertThat(strayLines(reader)).isEqualTo(GAP_LINES);
    }
  }

  private static NewsdeskPartitionReader reader(Map<String, String> options,
      boolean corruptColumn) throws IOException {
    ReadOptions read = new ReadOptions(new CaseInsensitiveStringMap(options), key -> null);
    StructType schema = read.diagnosticRows ? NewsdeskDataSource.DIAGNOSTICS_SCHEMA
        : corruptColumn ? NewsdeskDataSource.SCHEMA.add(read.corruptColumn, "string")
        : NewsdeskDataSource.SCHEMA;
    long length = Files.size(gap);
    FileChunk[] chunks = {new FileChunk(gap.toUri().toString(), length, 0, length, true, 1, 1,
        new String[0])};
    return new NewsdeskPartitionReader(chunks, new Configuration(), read,
        new Rows(schema, read.corruptColumn), corruptColumn);
  }

  private static long strayLines(NewsdeskPartitionReader reader) {
    return NewsdeskPartitionReaderTest.metric(reader,
        NewsdeskMetric.nameOf(Diagnostic.Kind.STRAY_LINE));
  }
}
