package org.newsdesk.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.testing.Fixtures;

/** What a read's table settles when it is loaded, and keeps until the read runs. */
@ExtendWith(LocalSpark.class)
class NewsdeskTableTest {

  @TempDir static Path dir;

  @Test
  void theCorruptRecordColumnIsTheOneNamedWhenTheReadWasLoaded(SparkSession spark)
      throws IOException {
    String sample = Files.readString(Fixtures.sampleFiles().get(1), StandardCharsets.UTF_8);
    Path damaged = Files.writeString(dir.resolve("damaged.txt"), sample
        + "\n\nA stray line\n\nA title never repeated\n\nIts body.\n");
    String key = "spark.sql.columnNameOfCorruptRecord";
    spark.conf().set(key, "bad");
    List<Row> expected;
    Dataset<Row> rows;
    try {
      rows = spark.read().format("newsdesk")
          .schema(NewsdeskDataSource.SCHEMA.add("bad", "string")).load(damaged.toString());
      expected = rows.collectAsList();
      assertThat(expected).filteredOn(r -> r.getAs("bad") != null).isNotEmpty()
          .allSatisfy(r -> assertThat(r.<String>getAs("title")).isNull());

      rows = spark.read().format("newsdesk")
          .schema(NewsdeskDataSource.SCHEMA.add("bad", "string")).load(damaged.toString());
    } finally {
      spark.conf().unset(key);
    }
    // the setting changed between load() and the action: the read keeps its column
    assertThat(rows.collectAsList()).isEqualTo(expected);
  }
}
