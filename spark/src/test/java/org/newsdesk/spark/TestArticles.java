package org.newsdesk.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.newsdesk.core.Article;
import org.newsdesk.core.NewsReader;
import org.newsdesk.testing.Fixtures;

/**
 * Article rows for the classifying tests, in the shape the {@code newsdesk} source reads
 * ({@code source, line, title, body, date, category}), built from {@link NewsReader} on the driver
 * so that the classifier tests do not depend on the reader: the 49 sample articles, the fortunes
 * test slice as bodies without titles, and rows at the edges (empty text, text the model has never
 * seen, nulls).
 */
final class TestArticles {

  static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("source", DataTypes.StringType, false),
            DataTypes.createStructField("line", DataTypes.IntegerType, false),
            DataTypes.createStructField("title", DataTypes.StringType, true),
            DataTypes.createStructField("body", DataTypes.StringType, true),
            DataTypes.createStructField("date", DataTypes.DateType, true),
            DataTypes.createStructField("category", DataTypes.StringType, true)
          });

  private TestArticles() {}

  /** Every test row, in a fixed order. */
  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (Path file : Fixtures.sampleFiles()) {
      try {
        for (Article a : NewsReader.readAll(file)) {
          rows.add(
              RowFactory.create(
                  a.source(),
                  (int) a.line(),
                  a.title(),
                  a.body(),
                  a.date().map(Date::valueOf).orElse(null),
                  a.category().orElse(null)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    int line = 0;
    for (Fixtures.TsvRow r : Fixtures.readTsv(Fixtures.fortunesTest())) {
      rows.add(RowFactory.create("fortunes-test.tsv", ++line, "", r.text(), null, null));
    }
    rows.add(RowFactory.create("edge", 1, "", "", null, null));
    rows.add(RowFactory.create("edge", 2, "Zxqv Wvvq", "Qqzx jjkw vvvq.", null, null));
    rows.add(RowFactory.create("edge", 3, null, "Customs seize counterfeit watches.", null, null));
    rows.add(RowFactory.create("edge", 4, "Customs seize counterfeit watches", null, null, null));
    rows.add(RowFactory.create("edge", 5, null, null, null, null));
    return rows;
  }

  /** The test rows as a data frame with two partitions. */
  static Dataset<Row> frame(SparkSession spark) {
    return spark.createDataFrame(rows(), SCHEMA).repartition(2);
  }

  static String text(Row row, String column) {
    String s = row.getAs(column);
    return s == null ? "" : s;
  }
}
