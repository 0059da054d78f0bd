package org.newsdesk.spark;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.newsdesk.classifier.Prediction;
import org.newsdesk.classifier.TopicClassifier;
import org.newsdesk.core.Article;

/**
 * Run by {@link ShadedJarIT} in a JVM whose classpath has Spark's jars, Spark's own
 * commons-lang3/commons-text and the {@code -all} jar, but no Newsdesk module: reads a damaged
 * digest through the data source (diagnostic messages and near-equal titles use commons-lang3
 * and commons-text), classifies with the built-in model, and prints what it used.
 */
public final class ShadedJarMain {

  private ShadedJarMain() {}

  /**
   * Entry point.
   *
   * @param args the digest to read
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    SparkSession spark = LocalSpark.start("shaded-jar");
    try {
      List<Row> rows = spark.read().format("newsdesk")
          .schema(NewsdeskDataSource.SCHEMA.add("_corrupt_record", "string"))
          .option("maxPartitionBytes", 2000).load(args[0]).collectAsList();
      long articles = rows.stream().filter(r -> r.getAs("title") != null).count();
      System.out.println("articles=" + articles);
      System.out.println("corrupt=" + (rows.size() - articles));
      long diagnostics = spark.read().format("newsdesk").option("rows", "diagnostics")
          .option("maxPartitionBytes", 2000).load(args[0]).count();
      System.out.println("diagnostics=" + diagnostics);
      Row first = rows.stream().filter(r -> r.getAs("title") != null).findFirst().orElseThrow();
      Prediction p = TopicClassifier.builtIn().predict(Article.of(first.getAs("title"),
          first.getAs("body")));
      System.out.println("topic=" + p.label());
      for (String name : List.of("org.apache.commons.lang3.StringUtils",
          "org.apache.commons.text.similarity.LevenshteinDistance",
          "org.newsdesk.spark.shaded.org.apache.commons.lang3.StringUtils",
          "org.newsdesk.spark.shaded.org.apache.commons.text.similarity.LevenshteinDistance",
          "org.newsdesk.core.NewsReader", "opennlp.tools.doccat.DocumentCategorizerME")) {
        System.out.println("class " + name + " from "
            + Class.forName(name).getProtectionDomain().getCodeSource().getLocation());
      }
    } finally {
      spark.stop();
    }
  }
}
