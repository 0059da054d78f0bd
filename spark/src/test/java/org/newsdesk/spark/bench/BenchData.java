package org.newsdesk.spark.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.newsdesk.core.Article;
import org.newsdesk.core.NewsReader;

/**
 * A labelled split ({@code shared/datasets/get_*.sh} output) as one data frame with what each
 * system reads: {@code title} and {@code body} from the article file ({@code SPLIT.txt}, as
 * Newsdesk reads digests), {@code text} from the TSV file ({@code SPLIT.tsv}: title and body as
 * one text, or the body alone when the document had no real title, as a Spark ML user would
 * feed a text pipeline), and {@code label}. Both files list the same documents in the same order.
 */
final class BenchData {

  static final StructType SCHEMA =
      new StructType()
          .add("id", DataTypes.IntegerType, false)
          .add("label", DataTypes.StringType, false)
          .add("title", DataTypes.StringType, false)
          .add("body", DataTypes.StringType, false)
          .add("text", DataTypes.StringType, false);

  private BenchData() {}

  static Dataset<Row> load(SparkSession spark, Path dir, String split) throws IOException {
    List<Article> articles = NewsReader.readAll(dir.resolve(split + ".txt"));
    List<String> tsv = Files.readAllLines(dir.resolve(split + ".tsv"), StandardCharsets.UTF_8);
    if (articles.size() != tsv.size()) {
      throw new IllegalStateException(
          dir + ": " + split + ".txt has " + articles.size() + " articles but " + split
              + ".tsv has " + tsv.size() + " rows");
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < articles.size(); i++) {
      Article a = articles.get(i);
      String line = tsv.get(i);
      int tab = line.indexOf('\t');
      String label = line.substring(0, tab);
      if (!a.category().orElse("").equals(label)) {
        throw new IllegalStateException(
            dir + ": row " + (i + 1) + " labelled " + label + " in the TSV, " + a.category()
                + " in the article file");
      }
      rows.add(RowFactory.create(i, label, a.title(), a.body(), line.substring(tab + 1)));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }
}
