package org.newsdesk.spark;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A classpath like a cluster's for the {@code -all} jar: Spark's jars as this build resolves them
 * (the provided dependencies on this JVM's test classpath), Spark's own commons-lang3 and
 * commons-text (copied to {@code target/spark-runtime} by the build), and the {@code -all} jar;
 * no Newsdesk module and no test library.
 */
public final class SparkJars {

  private SparkJars() {}

  /**
   * Returns the classpath entries.
   *
   * @param sparkRuntime the directory holding Spark's own commons-lang3/commons-text jars
   * @param allJar the {@code -all} jar
   * @return the entries, for {@code java -cp}
   * @throws IOException if the directory cannot be listed
   */
  public static List<String> classpath(Path sparkRuntime, Path allJar) throws IOException {
    List<String> classpath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      boolean newsdeskOrTest = entry.contains("newsdesk") || entry.endsWith("classes")
          || Stream.of("junit-", "assertj-", "opentest4j-", "apiguardian-", "surefire",
              "failsafe").anyMatch(name::startsWith);
      boolean bundled = Stream.of("commons-lang3-", "commons-text-", "opennlp-")
          .anyMatch(name::startsWith);
      if (!newsdeskOrTest && !bundled) {
        classpath.add(entry);
      }
    }
    try (Stream<Path> jars = Files.list(sparkRuntime)) {
      jars.sorted().forEach(j -> classpath.add(j.toString()));
    }
    classpath.add(allJar.toString());
    return classpath;
  }
}
