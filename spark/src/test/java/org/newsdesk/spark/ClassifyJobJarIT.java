package org.newsdesk.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.classifier.LabelScore;
import org.newsdesk.classifier.Prediction;
import org.newsdesk.classifier.TopicClassifier;
import org.newsdesk.core.NewsFormat;
import org.newsdesk.testing.Fixtures;

/**
 * {@link ClassifyJob} as {@code spark-submit} runs it: {@code java -cp SPARK_JARS:-all.jar
 * org.newsdesk.spark.ClassifyJob ...} in a new JVM whose classpath has Spark's jars (with Spark's
 * own commons-lang3 and commons-text) and the {@code -all} jar, and no Newsdesk module; no master
 * is configured, so the job picks {@code local[*]}.
 */
class ClassifyJobJarIT {

  private static final Path ALL_JAR = Path.of(System.getProperty("newsdesk.allJar"));

  @TempDir Path tmp;

  record Result(int status, String out, String err) {}

  @Test
  void writesEveryArticleWithTheTopicClassifierGives() throws Exception {
    Path out = tmp.resolve("out");
    Result r = classifyJob("--format", "json", Fixtures.samples().toString(), out.toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out().strip()).isEqualTo("49 articles, 0 diagnostics -> " + out + " (json)");
    assertThat(out.resolve("_SUCCESS")).exists();

    List<Expected.Item> expected = Expected.articles(Fixtures.sampleFiles(), NewsFormat.LENIENT);
    List<JsonNode> rows = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(out)) {
      for (Path part : files.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
        for (String line : Files.readAllLines(part, StandardCharsets.UTF_8)) {
          rows.add(json.readTree(line));
        }
      }
    }
    assertThat(rows).hasSize(expected.size());
    TopicClassifier builtIn = TopicClassifier.builtIn();
    for (JsonNode row : rows) {
      List<String> fields = new ArrayList<>();
      row.fieldNames().forEachRemaining(fields::add);
      // date and category are null for the samples, and Spark's JSON writer leaves nulls out
      assertThat(fields).containsSubsequence("source", "line", "title", "body", "topic", "score",
          "scores");
      Prediction p = builtIn.predict(row.get("title").asText(), row.get("body").asText());
      assertThat(row.get("topic").asText()).isEqualTo(p.label());
      assertThat(row.get("score").asDouble()).isEqualTo(p.score());
      List<LabelScore> scores = new ArrayList<>();
      for (Iterator<JsonNode> it = row.get("scores").elements(); it.hasNext(); ) {
        JsonNode s = it.next();
        scores.add(new LabelScore(s.get("label").asText(), s.get("score").asDouble()));
      }
      assertThat(scores).isEqualTo(p.topK(3));
    }
  }

  @Test
  void aUsageErrorExits2WithOneMessageAndTheUsage() throws Exception {
    // (bad models, inputs and outputs fail in-process the same way: ClassifyJobTest)
    Result r = classifyJob("--top", "0", Fixtures.samples().toString(),
        tmp.resolve("out").toString());
    assertThat(r.status()).isEqualTo(2);
    // the JVM warns about the incubator module Spark's options add; then our two lines
    assertThat(r.err()).endsWith(
        "\nnewsdesk: --top must be at least 1, was 0\n" + JobArgs.USAGE + "\n");
    assertThat(r.out()).isEmpty();
  }

  private Result classifyJob(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.addAll(Arrays.asList(System.getProperty("newsdesk.sparkJvmOptions").split("\\s+")));
    command.addAll(List.of("-Dspark.ui.enabled=false", "-Dspark.driver.bindAddress=127.0.0.1",
        "-Dspark.driver.host=127.0.0.1"));
    command.addAll(List.of("-cp", String.join(File.pathSeparator, SparkJars.classpath(
            Path.of(System.getProperty("newsdesk.sparkRuntime")), ALL_JAR)),
        ClassifyJob.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(tmp.resolve("stdout").toFile())
        .redirectError(tmp.resolve("stderr").toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.environment().remove("SPARK_HOME");
    Process process = builder.start();
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), Files.readString(tmp.resolve("stdout")),
        Files.readString(tmp.resolve("stderr")));
  }
}
