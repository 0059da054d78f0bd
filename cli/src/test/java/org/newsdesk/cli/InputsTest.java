package org.newsdesk.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.core.Article;
import org.newsdesk.core.NewsFormat;

/** {@link Inputs} as training uses it: iterated again, each pass re-reading every input. */
class InputsTest {
  private final StringWriter err = new StringWriter();

  private Inputs inputs(String stdin, String... paths) {
    return new Inputs(
        List.of(paths),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        NewsFormat.LENIENT,
        null,
        new PrintWriter(err, true));
  }

  private static List<String> titles(Iterable<Article> articles) {
    List<String> titles = new ArrayList<>();
    articles.forEach(a -> titles.add(a.location() + " " + a.title()));
    return titles;
  }

  @Test
  void everyPassReadsTheSameArticlesAndOnlyTheFirstCountsAndReports() throws IOException {
    String bad = "A\n\nB\n\nBody.\n\n";
    String one = "One\n\nOne\n\nThe body.\n\n01/02/2024 x\n";
    try (Inputs in = inputs(bad + one, "-", Cli.LABELED.toString())) {
      in.rereadable();
      List<String> first = titles(in);
      List<String> second = titles(in);
      List<String> third = titles(in);

      assertThat(first).hasSize(49).startsWith("<stdin>:7 One");
      assertThat(second).isEqualTo(first);
      assertThat(third).isEqualTo(first);
      assertThat(in.articleCount()).isEqualTo(49);
      assertThat(in.diagnosticCount()).isEqualTo(1);
      assertThat(err.toString().lines()).hasSize(1).allMatch(l -> l.startsWith("<stdin>:1: "));
    }
  }

  @Test
  void aPassThatStopsEarlyIsClosedByTheNextAndTheCopyOfStandardInputByClose() throws IOException {
    Inputs in = inputs("One\n\nOne\n\nBody.\n\n", "-", Cli.LABELED.toString());
    in.rereadable();
    in.iterator().next(); // abandoned after one article
    assertThat(titles(in)).hasSize(49);
    long spools;
    try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      spools = files.filter(f -> f.getFileName().toString().startsWith("newsdesk-stdin-")).count();
    }
    assertThat(spools).isPositive();
    in.close();
    try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      assertThat(files.filter(f -> f.getFileName().toString().startsWith("newsdesk-stdin-")))
          .hasSizeLessThan((int) spools);
    }
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void aNamedPipeIsCopiedOnceAndEveryPassReadsTheCopyUnderItsName(@TempDir Path dir)
      throws Exception {
    String one = "One\n\nOne\n\nThe body.\n\n01/02/2024 x\n";
    try (NamedPipe pipe = NamedPipe.feeding(dir.resolve("in.fifo"), one.getBytes(UTF_8));
        Inputs in = inputs("", pipe.path().toString())) {
      in.rereadable();
      List<String> first = titles(in);

      assertThat(first).containsExactly(pipe.path() + ":1 One");
      assertThat(titles(in)).isEqualTo(first);
      assertThat(titles(in)).isEqualTo(first);
    }
  }

  @Test
  void standardInputCannotBeReadTwiceWithoutACopy() {
    try (Inputs in = inputs("One\n\nOne\n\nBody.\n\n", "-")) {
      assertThat(titles(in)).hasSize(1);
      assertThatThrownBy(in::iterator)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("rereadable");
    }
  }
}
