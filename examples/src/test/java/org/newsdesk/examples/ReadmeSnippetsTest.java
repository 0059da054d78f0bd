package org.newsdesk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.newsdesk.testing.Readme;

/** README's Java snippets are the tagged regions of the example programs, verbatim. */
class ReadmeSnippetsTest {
  private static final Pattern TAG =
      Pattern.compile("// tag::([\\w-]+)\\[]\\n(.*?)\\n\\s*// end::\\1\\[]", Pattern.DOTALL);

  /** Removes the indentation the snippet has inside its method. */
  private static String dedent(String code) {
    List<String> lines = code.lines().toList();
    int indent =
        lines.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    StringBuilder out = new StringBuilder();
    for (String l : lines) {
      out.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
    }
    return out.toString();
  }

  @Test
  void everyTaggedExampleRegionIsInTheReadmeVerbatim() throws IOException {
    List<String> javaBlocks = Readme.blocks("java");
    List<String> tags = new ArrayList<>();
    try (Stream<Path> sources =
        Files.list(Readme.root().resolve("examples/src/main/java/org/newsdesk/examples"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        Matcher m = TAG.matcher(Files.readString(source, StandardCharsets.UTF_8));
        while (m.find()) {
          tags.add(m.group(1));
          assertThat(javaBlocks)
              .as("README snippet for tag %s", m.group(1))
              .contains(dedent(m.group(2)));
        }
      }
    }
    assertThat(tags).contains("parse", "classify", "train", "opennlp");
    // ...and every Java block of the README comes from an example (Spark snippets, which use
    // format("newsdesk"), are checked against the spark module's tests instead).
    assertThat(javaBlocks.stream().filter(b -> !b.contains("format(\"newsdesk\")"))).hasSize(4);
  }

}
