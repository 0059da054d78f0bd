package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.classifier.TopicClassifier;
import org.newsdesk.core.Article;
import org.newsdesk.core.NewsReader;
import org.newsdesk.testing.Readme;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Keeps README.md honest: its snippets, commands and references are checked against the code. */
class ReadmeTest {
  private static final Path ROOT = Readme.root();
  private static final String JAR = "java -jar cli/target/newsdesk.jar ";

  private static String readme() {
    return Readme.text();
  }

  private static List<String> blocks(String markdown, String language) {
    return Readme.blocks(language);
  }

  @Test
  void theTestCommandIsTheOneCiRuns() throws IOException {
    // The first Maven build CI runs is README's test command; what follows (the reproducibility
    // check) only builds again.
    List<String> mvnCommands =
        Files.readAllLines(ROOT.resolve(".ci/run")).stream()
            .map(String::strip)
            .filter(l -> l.startsWith("mvn ") && !l.equals("mvn -v"))
            .toList();

    assertThat(mvnCommands.get(0)).isEqualTo("mvn -B verify");
    assertThat(mvnCommands.subList(1, mvnCommands.size()))
        .allSatisfy(c -> assertThat(c).contains("-DskipTests", " package"));
    assertThat(blocks(readme(), "bash")).contains(mvnCommands.get(0) + "\n");
  }

  @Test
  void theMainJobIsTheFirstCommandAndBuildsTheJarItRuns() throws IOException {
    String first = blocks(readme(), "bash").get(0);

    assertThat(first)
        .isEqualTo(
            "mvn -B -q -DskipTests -pl cli -am package && " + JAR + "classify examples/samples\n");
    // The shade plugin names the jar the README runs; `mvn verify` also runs this command on the
    // jar (exec plugin in cli/pom.xml).
    String pom = Files.readString(ROOT.resolve("cli/pom.xml"), StandardCharsets.UTF_8);
    assertThat(pom).contains("<finalName>newsdesk</finalName>");
    assertThat(pom.replaceAll("\\s+", " "))
        .contains(
            "<argument>-jar</argument> <argument>cli/target/newsdesk.jar</argument>"
                + " <argument>classify</argument> <argument>examples/samples</argument>");
  }

  /**
   * Runs every {@code java -jar cli/target/newsdesk.jar} command of the README through the
   * CLI, in README order, from the project root: paths that exist are read there, new files
   * (models, reports) go to a temporary directory, {@code < FILE} becomes standard input.
   */
  @Test
  void everyCliCommandInTheReadmeSucceeds(@TempDir Path tmp) throws IOException {
    List<String> commands = new ArrayList<>();
    for (String block : blocks(readme(), "bash")) {
      for (String line : block.lines().toList()) {
        for (String part : line.split(" && ")) {
          if (part.startsWith(JAR)) {
            commands.add(part.substring(JAR.length()));
          }
        }
      }
    }
    assertThat(commands).hasSize(7);
    for (String command : commands) {
      List<String> args = new ArrayList<>();
      byte[] stdin = new byte[0];
      String[] words = command.split(" +");
      for (int i = 0; i < words.length; i++) {
        if (words[i].equals("<")) {
          stdin = Files.readAllBytes(ROOT.resolve(words[++i]));
        } else if (words[i].contains("*")) {
          args.addAll(glob(words[i])); // as the shell would expand it
        } else if (!words[i].startsWith("-") && Files.exists(ROOT.resolve(words[i]))) {
          args.add(ROOT.resolve(words[i]).toString());
        } else if (words[i].matches("[\\w-]+\\.(bin|html)")) {
          args.add(tmp.resolve(words[i]).toString());
        } else {
          args.add(words[i]);
        }
      }
      Cli.Result r = Cli.runWithStdin(stdin, args.toArray(String[]::new));

      assertThat(r.exitCode()).as("newsdesk %s%n%s", command, r).isZero();
      assertThat(r.out()).as(command).isNotEmpty();
      assertThat(r.summary()).as(command).matches("\\d+ articles?, 0 diagnostics");
    }
  }

  /** The files a shell glob such as {@code dir/*.txt} names, sorted; at least one. */
  private static List<String> glob(String pattern) throws IOException {
    Path dir = ROOT.resolve(pattern).getParent();
    List<String> files = new ArrayList<>();
    try (DirectoryStream<Path> matches =
        Files.newDirectoryStream(dir, Path.of(pattern).getFileName().toString())) {
      matches.forEach(p -> files.add(p.toString()));
    }
    assertThat(files).as(pattern).isNotEmpty();
    files.sort(null);
    return files;
  }

  @Test
  void theCliReferenceMentionsEveryOption() throws IOException {
    String readme = readme();
    CommandLine cli = NewsdeskCli.commandLine(System.in, System.out, System.err);
    for (CommandLine sub : cli.getSubcommands().values()) {
      if (sub.getCommandName().equals("help")) {
        continue;
      }
      assertThat(readme).containsPattern("newsdesk " + sub.getCommandName() + "\\b(?!-)");
      for (OptionSpec option : sub.getCommandSpec().options()) {
        String name = option.longestName();
        if (option.negatable()) {
          name = "--[no-]" + name.substring(2);
        }
        assertThat(readme).as("%s %s", sub.getCommandName(), name).contains(name);
      }
    }
  }

  @Test
  void theDependencySnippetMatchesThePoms() throws IOException {
    String xml = blocks(readme(), "xml").get(0);
    String parent = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
    Matcher version =
        Pattern.compile("<artifactId>newsdesk-parent</artifactId>\\s*<version>([^<]+)")
            .matcher(parent);
    assertThat(version.find()).isTrue();

    assertThat(xml).contains("<groupId>org.newsdesk</groupId>");
    assertThat(xml).contains("<artifactId>newsdesk-classifier</artifactId>");
    assertThat(xml).contains("<version>" + version.group(1) + "</version>");
    assertThat(ROOT.resolve("classifier/pom.xml"))
        .content()
        .contains(
            "<artifactId>newsdesk-classifier</artifactId>",
            "<artifactId>newsdesk-core</artifactId>");
  }

  @Test
  void theFormatExampleParsesStrictly() throws IOException {
    String example = blocks(readme(), "text").get(1);
    List<Article> articles;
    try (NewsReader reader = NewsReader.ofString(example)) {
      articles = reader.stream().toList();
    }

    assertThat(articles)
        .extracting(Article::title)
        .containsExactly(
            "Customs Seize Counterfeit Watches at Rotterdam",
            "Single Window Goes Live in Three Ports");
    assertThat(articles.get(0).date())
        .hasValueSatisfying(d -> assertThat(d).hasToString("2023-11-07"));
    assertThat(articles.get(0).category()).contains("enforcement");
    assertThat(articles.get(1).category()).isEmpty();
  }

  @Test
  void theTopicsListedAreTheBuiltInModelsLabels() throws IOException {
    String readme = readme();
    String topics = readme.substring(readme.indexOf("## Topics"), readme.indexOf("## Performance"));
    String sentence = topics.substring(0, topics.indexOf("What each covers"));
    List<String> listed = new ArrayList<>();
    Matcher label = Pattern.compile("`([a-z-]+)`").matcher(sentence);
    while (label.find()) {
      listed.add(label.group(1));
    }

    assertThat(listed).containsExactlyInAnyOrderElementsOf(TopicClassifier.builtIn().labels());
  }

  @Test
  void hasNoPlaceholders() throws IOException {
    assertThat(readme()).doesNotContain("TBD", "TODO");
  }

  @Test
  void relativeLinksPointAtFilesInTheProject() throws IOException {
    Matcher link = Pattern.compile("\\]\\(([^)#:]+)\\)").matcher(readme());
    List<String> targets = new ArrayList<>();
    while (link.find()) {
      targets.add(link.group(1));
    }
    assertThat(targets).contains("docs/FORMAT.md", "docs/TOPICS.md", "docs/BENCHMARKS.md");
    assertThat(targets).allSatisfy(t -> assertThat(ROOT.resolve(t)).as(t).exists());
  }

  /** Links to a heading ({@code FILE.md#anchor}) in README and docs find that heading. */
  @Test
  void headingLinksPointAtHeadings() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    int checked = 0;
    for (Path page : pages) {
      Matcher link = Pattern.compile("\\]\\(([^)#:]*)#([^)]+)\\)")
          .matcher(Files.readString(page, StandardCharsets.UTF_8));
      while (link.find()) {
        Path target = link.group(1).isEmpty() ? page : page.getParent().resolve(link.group(1));
        assertThat(anchors(target)).as(page.getFileName() + " -> " + link.group())
            .contains(link.group(2));
        checked++;
      }
    }
    assertThat(checked).isPositive();
  }

  /** GitHub's anchors for a Markdown file's headings. */
  private static List<String> anchors(Path markdown) throws IOException {
    return Files.readAllLines(markdown, StandardCharsets.UTF_8).stream()
        .filter(line -> line.matches("#{1,6} .*"))
        .map(line -> line.replaceFirst("^#+ ", "").toLowerCase(java.util.Locale.ROOT)
            .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'))
        .toList();
  }
}
