package org.newsdesk.spark.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.newsdesk.spark.SparkJars;

/**
 * Wall time of {@code ClassifyJob} (read + classify + write Parquet, as {@code spark-submit}
 * starts it in local mode: the same JVM options, Spark's jars and the {@code -all} jar, driver
 * heap 1 GB as {@code spark-submit}'s default) against {@code newsdesk classify --format jsonl}
 * on the same digest and cores, both as new processes, in alternating rounds. The CLI is timed
 * twice per round: writing to {@code /dev/null} and to a file next to the job's output.
 * {@code DIGEST} may be several inputs separated by commas (each a file or directory), measured
 * one after the other: a tiny input shows each side's fixed cost (JVM and Spark start-up).
 *
 * <p>Usage: {@code ClassifyJobVsCli DIGEST[,DIGEST...] ALL_JAR CLI_JAR SPARK_RUNTIME_DIR WORK_DIR
 * [rounds] [cores]}; {@code SPARK_RUNTIME_DIR} holds Spark's own commons-lang3/commons-text ({@code
 * spark/target/spark-runtime} after {@code mvn verify}); this JVM's classpath supplies the rest of
 * Spark's jars. {@code cores} (default 2) becomes {@code local[cores]} and the CLI's {@code
 * --threads}.
 */
public final class ClassifyJobVsCli {

  private ClassifyJobVsCli() {}

  /**
   * Runs the rounds and prints a Markdown table.
   *
   * @param args see the class comment
   * @throws Exception if a run fails
   */
  public static void main(String[] args) throws Exception {
    for (String digest : args[0].split(",")) {
      String[] one = args.clone();
      one[0] = digest;
      measure(one);
    }
  }

  private static void measure(String[] args) throws Exception {
    Path digest = Path.of(args[0]);
    Path allJar = Path.of(args[1]);
    Path cliJar = Path.of(args[2]);
    Path runtime = Path.of(args[3]);
    Path work = Files.createDirectories(Path.of(args[4]));
    int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 3;
    int cores = args.length > 6 ? Integer.parseInt(args[6]) : 2;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String options = System.getProperty("spark.jvm.options", "");

    List<String> job = new ArrayList<>(List.of(java, "-Xmx1g"));
    job.addAll(Arrays.asList(options.trim().split("\\s+")));
    job.addAll(List.of("-Dspark.master=local[" + cores + "]", "-Dspark.ui.enabled=false",
        "-Dspark.driver.bindAddress=127.0.0.1", "-Dspark.driver.host=127.0.0.1",
        "-cp", String.join(File.pathSeparator, SparkJars.classpath(runtime, allJar)),
        "org.newsdesk.spark.ClassifyJob", digest.toString()));
    List<String> cli = List.of(java, "-jar", cliJar.toString(), "classify", "--format", "jsonl",
        "--threads", String.valueOf(cores), digest.toString());

    String[] names = {"newsdesk classify --format jsonl > /dev/null",
        "newsdesk classify --format jsonl > file", "ClassifyJob -> Parquet"};
    double[][] seconds = new double[3][rounds];
    long outputBytes = 0;
    for (int r = -1; r < rounds; r++) { // round -1 warms the page cache and is not counted
      for (int i = 0; i < 3; i++) {
        Path out = work.resolve("run-" + i);
        delete(out);
        List<String> command = new ArrayList<>(i == 2 ? job : cli);
        ProcessBuilder b = new ProcessBuilder(command);
        if (i == 2) {
          command.add(out.toString());
          b = new ProcessBuilder(command).redirectOutput(work.resolve("job.out").toFile());
        } else if (i == 1) {
          b.redirectOutput(out.toFile());
        } else {
          b.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        b.redirectError(work.resolve("run-" + i + ".err").toFile());
        b.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        long t0 = System.nanoTime();
        int status = b.start().waitFor();
        double s = (System.nanoTime() - t0) / 1e9;
        if (status != 0) {
          throw new IllegalStateException(names[i] + " exited " + status + "; see "
              + work.resolve("run-" + i + ".err"));
        }
        if (r >= 0) {
          seconds[i][r] = s;
        }
        System.out.printf(Locale.ROOT, "round %d: %s %.1f s%n", r, names[i], s);
        if (i == 2) {
          outputBytes = size(out);
        }
        delete(out);
      }
    }
    System.out.println(digest + ": " + Files.readString(work.resolve("job.out")).strip() + "; "
        + outputBytes + " bytes of output");
    System.out.println("| run | wall s, median [min-max] | ClassifyJob / this, median of rounds |");
    System.out.println("|---|---|---|");
    for (int i = 0; i < 3; i++) {
      double[] ratio = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        ratio[r] = seconds[2][r] / seconds[i][r];
      }
      System.out.printf(Locale.ROOT, "| %s | %.1f [%.1f-%.1f] | %.2f |%n", names[i],
          BenchSpark.median(seconds[i]), BenchSpark.min(seconds[i]), BenchSpark.max(seconds[i]),
          BenchSpark.median(ratio));
    }
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      long total = 0;
      for (Path x : all.filter(Files::isRegularFile).toList()) {
        total += Files.size(x);
      }
      return total;
    }
  }

  private static void delete(Path p) throws IOException {
    if (Files.exists(p)) {
      try (Stream<Path> all = Files.walk(p)) {
        for (Path x : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(x);
        }
      }
    }
  }
}
