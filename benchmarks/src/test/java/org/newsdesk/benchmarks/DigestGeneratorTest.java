package org.newsdesk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.core.Article;
import org.newsdesk.core.NewsReader;
import org.newsdesk.testing.Fixtures;

/** A small smoke run of the generator and both benchmark loops; no timing. */
class DigestGeneratorTest {

  @TempDir Path dir;

  @Test
  void generatesAStrictlyValidVariedDigestOfAtLeastTheRequestedSize() throws IOException {
    Path file = dir.resolve("digest.txt");

    DigestGenerator.Result result =
        DigestGenerator.generate(Fixtures.samples(), file, 1 << 20, 3);

    assertThat(result.bytes()).isEqualTo(Files.size(file)).isGreaterThanOrEqualTo(1 << 20);
    List<Article> articles = NewsReader.readAll(file); // strict: throws on any format error
    assertThat(articles).hasSize((int) result.articles());
    assertThat(articles.get(0).title()).endsWith(" 0");
    assertThat(articles.get(articles.size() - 1).title()).endsWith(" " + (articles.size() - 1));
    assertThat(articles).anySatisfy(a -> assertThat(a.category()).isPresent());
    assertThat(articles).anySatisfy(a -> assertThat(a.title()).contains("\u2019"));
    assertThat(articles.stream().map(Article::body).distinct().count())
        .isGreaterThan(articles.size() * 9L / 10);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).contains("\r\n", "Read More", " \t\n");
    assertThat(text.split("\n", -1)).anySatisfy(line -> assertThat(line).endsWith("Read More"));

    assertThat(ParseBenchmark.parse(file, null)).isGreaterThan(result.articles());
    assertThat(ParseBenchmark.readLines(file, null)).isGreaterThan(0);
  }

  @Test
  void sameRandomSeedGivesTheSameFile() throws IOException {
    Path a = dir.resolve("a.txt");
    Path b = dir.resolve("b.txt");

    DigestGenerator.generate(Fixtures.samples(), a, 100_000, 5);
    DigestGenerator.generate(Fixtures.samples(), b, 100_000, 5);

    assertThat(Files.mismatch(a, b)).isEqualTo(-1);
  }

  @Test
  void parsesSizes() {
    assertThat(DigestGenerator.parseSize("200M")).isEqualTo(200L << 20);
    assertThat(DigestGenerator.parseSize("1g")).isEqualTo(1L << 30);
    assertThat(DigestGenerator.parseSize("512K")).isEqualTo(512L << 10);
    assertThat(DigestGenerator.parseSize("1000")).isEqualTo(1000);
  }
}
