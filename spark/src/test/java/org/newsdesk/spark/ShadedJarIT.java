package org.newsdesk.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.testing.Fixtures;

/**
 * The {@code -all} jar as {@code spark-submit} uses it: its classes reference only relocated
 * commons-lang3/commons-text and bundle no Spark, Scala, SLF4J or Jackson; and its code runs on
 * a classpath of Spark's jars with Spark's own (older) commons-lang3, without any Newsdesk
 * module.
 */
class ShadedJarIT {

  private static final Path ALL_JAR = Path.of(System.getProperty("newsdesk.allJar"));
  private static final String SHADED = "org/newsdesk/spark/shaded/";

  @TempDir
  Path dir;

  @Test
  void allJarBundlesOnlyNewsdeskOpenNlpAndRelocatedCommons() throws IOException {
    List<String> unrelocated = new ArrayList<>();
    try (JarFile jar = new JarFile(ALL_JAR.toFile())) {
      List<String> names = jar.stream().map(JarEntry::getName).toList();
      assertThat(names).contains("org/newsdesk/spark/NewsdeskDataSource.class",
          "org/newsdesk/core/NewsReader.class", "org/newsdesk/classifier/TopicClassifier.class",
          "opennlp/tools/doccat/DocumentCategorizerME.class",
          SHADED + "org/apache/commons/lang3/StringUtils.class",
          SHADED + "org/apache/commons/text/similarity/LevenshteinDistance.class",
          "META-INF/services/org.apache.spark.sql.sources.DataSourceRegister",
          "META-INF/LICENSE", "META-INF/NOTICE");
      assertThat(names).noneMatch(n -> n.startsWith("org/apache/spark/")
          || n.startsWith("scala/") || n.startsWith("org/slf4j/")
          || n.startsWith("com/fasterxml/") || n.startsWith("org/apache/commons/"));
      for (JarEntry entry : jar.stream().toList()) {
        if (entry.getName().endsWith(".class")) {
          String constants = new String(jar.getInputStream(entry).readAllBytes(),
              StandardCharsets.ISO_8859_1);
          for (String pkg : List.of("org/apache/commons/lang3/", "org/apache/commons/text/")) {
            int i = constants.indexOf(pkg);
            while (i >= 0) {
              if (!constants.startsWith(SHADED, i - SHADED.length())) {
                unrelocated.add(entry.getName());
              }
              i = constants.indexOf(pkg, i + 1);
            }
          }
        }
      }
    }
    assertThat(unrelocated).isEmpty();
  }

  @Test
  void allJarRunsAgainstSparksOwnCommonsLang(@TempDir Path tmp) throws Exception {
    Path runtime = Path.of(System.getProperty("newsdesk.sparkRuntime"));
    List<String> classpath = new ArrayList<>();
    classpath.add(Path.of("target", "test-classes").toAbsolutePath().toString());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      boolean newsdesk = entry.contains("newsdesk") || entry.endsWith("classes");
      boolean ours = name.startsWith("commons-lang3-") || name.startsWith("commons-text-")
          || name.startsWith("opennlp-");
      if (!newsdesk && !ours) {
        classpath.add(entry);
      }
    }
    try (var jars = Files.list(runtime)) {
      jars.forEach(j -> classpath.add(j.toString()));
    }
    classpath.add(ALL_JAR.toString());

    byte[] digest = Files.readAllBytes(Fixtures.sampleFiles().get(1));
    Path damaged = Files.write(tmp.resolve("damaged.txt"), (new String(digest,
        StandardCharsets.UTF_8) + "\n\nA stray line\n\nCustoms rules for Q4 exports\n\n"
        + "Customs rules for Q4 export\n\nbody\n").getBytes(StandardCharsets.UTF_8));

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.addAll(Arrays.asList(System.getProperty("newsdesk.sparkJvmOptions").split("\\s+")));
    command.addAll(List.of("-cp", String.join(File.pathSeparator, classpath),
        ShadedJarMain.class.getName(), damaged.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    Map<String, String> lines = output.lines().filter(l -> l.contains("="))
        .filter(l -> !l.startsWith("class "))
        .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')),
            l -> l.substring(l.indexOf('=') + 1), (a, b) -> b));
    long expected = org.newsdesk.core.NewsReader.readAll(damaged,
        org.newsdesk.core.NewsFormat.LENIENT).size();
    assertThat(lines.get("articles")).as(output).isEqualTo(String.valueOf(expected));
    assertThat(Long.parseLong(lines.get("corrupt"))).as(output).isPositive();
    assertThat(Long.parseLong(lines.get("diagnostics"))).as(output).isGreaterThanOrEqualTo(2);
    assertThat(lines.get("topic")).as(output).isNotBlank();
    String lang = "org.apache.commons.lang3.StringUtils from ";
    assertThat(output).contains("class " + lang)
        .containsPattern("class org\\.apache\\.commons\\.lang3\\.StringUtils from \\S*"
            + "commons-lang3-" + System.getProperty("newsdesk.sparkCommonsLang3"))
        .containsPattern("class org\\.newsdesk\\.spark\\.shaded\\.org\\.apache\\.commons\\.lang3"
            + "\\.StringUtils from \\S*-all\\.jar")
        .containsPattern("class org\\.newsdesk\\.core\\.NewsReader from \\S*-all\\.jar")
        .containsPattern("class opennlp\\.tools\\.doccat\\.DocumentCategorizerME from \\S*"
            + "-all\\.jar");
  }
}
