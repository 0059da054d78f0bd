package org.newsdesk.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.newsdesk.core.Article;
import org.newsdesk.core.NewsReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse throughput: {@link NewsReader} producing {@link Article}s versus a plain {@code
 * BufferedReader.readLine()} loop over the same UTF-8 file. One operation reads the whole file, so
 * MB/s = file size in MB / seconds per operation. JMH runs each method in its own forked JVM;
 * {@link ParseThroughput} measures both alternately in one JVM and prints MB/s and the ratio.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ParseBenchmark -p file=/tmp/news-200m.txt
 * </pre>
 *
 * <p>The file is generated with {@link DigestGenerator} (size {@code size}) if it does not exist.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ParseBenchmark {

  /** The digest to read. */
  @Param("/tmp/newsdesk-bench-200m.txt")
  public String file;

  /** Size to generate when {@link #file} does not exist. */
  @Param("200M")
  public String size;

  private Path path;

  /** Creates the benchmark state; JMH calls this. */
  public ParseBenchmark() {}

  /**
   * Generates the file if needed.
   *
   * @throws IOException if generating fails
   */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    path = Path.of(file);
    if (!Files.exists(path)) {
      DigestGenerator.generate(
          DigestGenerator.findSeeds(), path, DigestGenerator.parseSize(size), 1);
    }
  }

  /**
   * Reads all articles.
   *
   * @param blackhole sink for every article
   * @throws IOException if reading fails
   */
  @Benchmark
  public void newsReader(Blackhole blackhole) throws IOException {
    blackhole.consume(parse(path, blackhole));
  }

  /**
   * Reads all lines.
   *
   * @param blackhole sink for every line
   * @throws IOException if reading fails
   */
  @Benchmark
  public void readLine(Blackhole blackhole) throws IOException {
    blackhole.consume(readLines(path, blackhole));
  }

  /**
   * Parses a file, handing every article to the blackhole.
   *
   * @param path the digest
   * @param blackhole the sink, or {@code null}
   * @return the number of articles plus the characters of their titles and bodies, so that the work
   *     cannot be optimised away without a blackhole
   * @throws IOException if reading fails
   */
  static long parse(Path path, Blackhole blackhole) throws IOException {
    long sum = 0;
    try (NewsReader reader = NewsReader.open(path)) {
      for (Article article : reader) {
        if (blackhole != null) {
          blackhole.consume(article);
        }
        sum += 1 + article.title().length() + article.body().length();
      }
    }
    return sum;
  }

  /**
   * The baseline: decodes the file as UTF-8 and splits it into line strings.
   *
   * @param path the file
   * @param blackhole the sink, or {@code null}
   * @return the number of lines plus their characters
   * @throws IOException if reading fails
   */
  static long readLines(Path path, Blackhole blackhole) throws IOException {
    long sum = 0;
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (blackhole != null) {
          blackhole.consume(line);
        }
        sum += 1 + line.length();
      }
    }
    return sum;
  }
}
