package org.newsdesk.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.core.NewsFormat;
import org.newsdesk.testing.Fixtures;

/** {@code ignoreCorruptFiles} and {@code ignoreMissingFiles}, as Spark's file sources have them. */
@ExtendWith(LocalSpark.class)
class UnreadableFilesTest {

  @TempDir
  static Path dir;
  static Path good;
  static Path broken;

  @BeforeAll
  static void writeFiles() throws IOException {
    good = Files.copy(Fixtures.sampleFiles().get(0), dir.resolve("good.txt"));
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(Files.readAllBytes(Fixtures.sampleFiles().get(1)));
    }
    byte[] bytes = gz.toByteArray();
    broken = Files.write(dir.resolve("broken.txt.gz"), Arrays.copyOf(bytes, bytes.length / 2));
  }

  @Test
  void aDamagedCompressedFileFailsTheJobUnlessCorruptFilesAreIgnored(SparkSession spark) {
    String[] paths = {good.toString(), broken.toString()};
    assertThatThrownBy(() -> spark.read().format("newsdesk").load(paths).count())
        .hasMessageContaining("broken.txt.gz");

    List<Expected.Item> rows = Expected.items(spark.read().format("newsdesk")
        .option("ignoreCorruptFiles", true).load(paths));
    // every article of the good file; of the broken one, what was read before the damage
    assertThat(rows).containsAll(Expected.articles(List.of(good), NewsFormat.DEFAULT));
    assertThat(rows).allSatisfy(r -> assertThat(r.file()).matches(".*(good.txt|broken.txt.gz)"));

    spark.conf().set("spark.sql.files.ignoreCorruptFiles", "true");
    try {
      assertThat(Expected.items(spark.read().format("newsdesk").load(paths))).isEqualTo(rows);
    } finally {
      spark.conf().unset("spark.sql.files.ignoreCorruptFiles");
    }
  }

  @Test
  void aFileGoneSincePlanningIsSkippedAndCountedWhenMissingFilesAreIgnored() throws IOException {
    long len = Files.size(good);
    FileChunk[] chunks = {
        new FileChunk(dir.resolve("gone.txt").toUri().toString(), len, 0, len, true, 1, 1,
            new String[0]),
        new FileChunk(good.toUri().toString(), len, 0, len, true, 1, 1, new String[0])};
    int articles = Expected.articles(List.of(good), NewsFormat.DEFAULT).size();

    try (NewsdeskPartitionReader reader = reader(chunks, Map.of("ignoreMissingFiles", "true"))) {
      int rows = 0;
      while (reader.next()) {
        InternalRow row = reader.get();
        assertThat(row.getUTF8String(0).toString()).endsWith("good.txt");
        rows++;
      }
      assertThat(rows).isEqualTo(articles);
      assertThat(metric(reader, NewsdeskMetric.MISSING_FILES_NAME)).isEqualTo(1);
      assertThat(metric(reader, NewsdeskMetric.CORRUPT_FILES_NAME)).isZero();
    }

    try (NewsdeskPartitionReader reader = reader(chunks, Map.of())) {
      assertThatThrownBy(reader::next).isInstanceOf(IOException.class)
          .hasMessageContaining("gone.txt");
    }
  }

  @Test
  void theOptionsAreTrueOrFalse(SparkSession spark) {
    assertThatThrownBy(() -> spark.read().format("newsdesk").option("ignoreCorruptFiles", "yes")
        .load(good.toString()).count())
        .hasMessageContaining("option ignoreCorruptFiles must be true or false, not 'yes'");
  }

  private static NewsdeskPartitionReader reader(FileChunk[] chunks, Map<String, String> options) {
    ReadOptions read = new ReadOptions(new CaseInsensitiveStringMap(options), key -> null);
    return new NewsdeskPartitionReader(chunks, new Configuration(), read,
        new Rows(NewsdeskDataSource.SCHEMA, read.corruptColumn), false);
  }

  private static long metric(NewsdeskPartitionReader reader, String name) {
    return Arrays.stream(reader.currentMetricsValues()).filter(m -> m.name().equals(name))
        .mapToLong(CustomTaskMetric::value).sum();
  }
}
