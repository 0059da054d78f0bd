package org.newsdesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsdesk.testing.Fixtures;

/** The five real sample digests, read strictly and leniently. */
class SeedFilesTest {

  private static Path seeds() {
    return Fixtures.samples();
  }

  private static Path seed(String prefix) throws IOException {
    try (var files = Files.list(seeds())) {
      return files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
          .orElseThrow();
    }
  }

  @Test
  void allSeedsGive49ArticlesWith48DistinctTitles() throws IOException {
    List<Article> articles = NewsReader.readAll(seeds());

    assertThat(articles).hasSize(49);
    assertThat(articles.stream().map(Article::title).distinct()).hasSize(48);
    assertThat(articles).allSatisfy(a -> {
      assertThat(a.title()).isNotBlank().doesNotContain("\n", "\r").isEqualTo(a.title().strip());
      assertThat(a.body()).hasSizeGreaterThan(200).doesNotContain("\n", "\r");
    });
    assertThat(articles.stream().map(a -> Path.of(a.source()).getFileName().toString())
        .distinct()).containsExactly("000_7ea514dff1875352.txt", "001_c1db3e24d400ffe6.txt",
            "002_2da8245de02aa76e.txt", "003_95692ade1897c29a.txt", "004_cf43153b14bbf254.txt");
  }

  @Test
  void exactlyOneArticleHasTheNovember7LogisticsMetadata() throws IOException {
    List<Article> articles = NewsReader.readAll(seeds());

    List<Article> dated = articles.stream().filter(a -> a.date().isPresent())
        .collect(Collectors.toList());
    assertThat(dated).hasSize(1);
    Article logistics = dated.get(0);
    assertThat(logistics.date()).contains(LocalDate.of(2023, 11, 7));
    assertThat(logistics.category()).contains("Logistics");
    assertThat(logistics.title())
        .isEqualTo("Breaking Barriers: How Southwest China\u2019s Rail-Port Summit is "
            + "Revolutionizing Regional");
    assertThat(logistics.line()).isEqualTo(7);
    assertThat(logistics.body()).startsWith("A meeting was held in Fangchenggang")
        .endsWith("provide high-quality services to customers.");
    assertThat(articles.stream().filter(a -> a.category().isPresent())).hasSize(1);
  }

  @Test
  void titleAfterReadMoreWithoutBlankLineStartsTheNextRecord() throws IOException {
    Path file = seed("001");
    try (NewsReader reader = NewsReader.open(file)) {
      List<Article> articles = reader.stream().collect(Collectors.toList());
      assertThat(articles).hasSize(10);
      Article next = articles.get(2);
      assertThat(next.title()).isEqualTo("Global Customs and Rights Holders Strengthen IP Protections");
      assertThat(next.line()).isEqualTo(15);
      assertThat(next.location()).isEqualTo(file + ":15");
      assertThat(next.date()).isEmpty();
      assertThat(reader.diagnostics()).isEmpty();
    }
  }

  @Test
  void spotChecksFirstAndLastArticles() throws IOException {
    List<Article> first = NewsReader.readAll(seed("000"));
    assertThat(first).hasSize(9);
    Article a = first.get(0);
    assertThat(a).isEqualTo(new Article(
        "WCO 2025 Meeting to Address Customs Efficiency Security and Tech",
        a.body(), Optional.empty(), Optional.empty(), seed("000").toString(), 1));
    assertThat(a.body()).startsWith("This paper provides an in-depth interpretation")
        .endsWith("in the international trade landscape.");
    assertThat(first.get(1).line()).isEqualTo(7);
    assertThat(first.get(1).body())
        .contains("\u201cCompendium of Good Practices\u201d")
        .contains("\u201cCustoms Training Community.\u201d");
    assertThat(first.get(8).title()).isEqualTo("Customs Exemption Nature Code Explained");
    assertThat(first.get(8).line()).isEqualTo(49);
    // The file has no final newline: the last body is complete anyway.
    assertThat(first.get(8).body())
        .startsWith("The customs duty exemption nature codes are important tools");

    List<Article> last = NewsReader.readAll(seed("004"));
    assertThat(last.get(9).title()).isEqualTo("WCO Adopts Disruptive Tech to Modernize Global Trade");
    assertThat(last.get(9).line()).isEqualTo(55);
    assertThat(last.get(9).body()).contains("\u201cDisruptive Technologies");
  }

  @Test
  void theRepeatedArticleAppearsInTwoFiles() throws IOException {
    List<Article> repeated = NewsReader.readAll(seeds()).stream()
        .filter(x -> x.title().equals("WCO Outlines Plan for Postpandemic Supply Chain Resilience"))
        .collect(Collectors.toList());
    assertThat(repeated).hasSize(2);
    assertThat(repeated.get(0).sameContent(repeated.get(1))).isTrue();
    assertThat(repeated.get(0).source()).isNotEqualTo(repeated.get(1).source());
  }

  @ParameterizedTest
  @ValueSource(strings = {"000", "001", "002", "003", "004"})
  void lenientAgreesWithStrictAndReportsNothing(String prefix) throws IOException {
    Path file = seed(prefix);
    try (NewsReader lenient = NewsReader.open(file, NewsFormat.LENIENT)) {
      assertThat(lenient.stream()).containsExactlyElementsOf(NewsReader.readAll(file));
      assertThat(lenient.diagnostics()).isEmpty();
      assertThat(lenient.diagnosticCount()).isZero();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"000", "001", "002", "003", "004"})
  void everyEntryPointReadsTheSameArticles(String prefix) throws IOException {
    Path file = seed(prefix);
    List<Article> expected = NewsReader.readAll(file);
    String text = Files.readString(file);
    try (NewsReader r = NewsReader.ofString(text)) {
      assertThat(r.stream().map(x -> x.withOrigin(file.toString(), x.line())))
          .containsExactlyElementsOf(expected);
    }
    try (NewsReader r = NewsReader.open(Files.newInputStream(file), "in", NewsFormat.DEFAULT)) {
      assertThat(r.stream().map(x -> x.withOrigin(file.toString(), x.line())))
          .containsExactlyElementsOf(expected);
    }
    try (NewsReader r = NewsReader.open(Files.newBufferedReader(file), "rd", NewsFormat.DEFAULT)) {
      assertThat(r.stream().map(x -> x.withOrigin(file.toString(), x.line())))
          .containsExactlyElementsOf(expected);
    }
    try (NewsReader r = NewsFormat.DEFAULT.parse(file)) {
      assertThat(r).containsExactlyElementsOf(expected);
    }
  }
}
