package org.newsdesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Property tests of the writer/reader round trip (see PropertyCheck for the harness). */
class RoundTripPropertyTest {

  private static final Pattern DATE_SHAPE = Pattern.compile("\\d\\d/\\d\\d/\\d{4,19}([ \t].*)?",
      Pattern.DOTALL);

  static List<Article> parse(String text) {
    try (NewsReader reader = NewsReader.ofString(text)) {
      return reader.stream().toList();
    }
  }

  static void assertSameContent(List<Article> actual, List<Article> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      Article a = actual.get(i);
      Article e = expected.get(i);
      assertThat(a.title()).isEqualTo(e.title());
      assertThat(a.body()).isEqualTo(e.body());
      assertThat(a.date()).isEqualTo(e.date());
      assertThat(a.category()).isEqualTo(e.category());
    }
  }

  @Test
  void parseOfWriteGivesTheArticlesBack() {
    PropertyCheck.forAll(20261123L, 3000, r -> Generators.articles(r, false), articles -> {
      String text = NewsWriter.toString(articles);
      List<Article> back = parse(text);
      assertSameContent(back, articles);
      // Source lines follow the canonical layout: 6 lines per record, 2 more with a date.
      long line = 1;
      for (int i = 0; i < back.size(); i++) {
        assertThat(back.get(i).line()).isEqualTo(line);
        line += articles.get(i).date().isPresent() ? 8 : 6;
      }
    });
  }

  @Test
  void writeOfParseOfCanonicalTextIsByteIdentical() {
    PropertyCheck.forAll(42L, 3000, r -> NewsWriter.toString(Generators.articles(r, false)),
        canonical -> {
          String again = NewsWriter.toString(parse(canonical));
          assertThat(again).isEqualTo(canonical);
          byte[] bytes = canonical.getBytes(StandardCharsets.UTF_8);
          assertThat(NewsWriter.toString(Accounting.check(bytes, NewsFormat.LENIENT).articles())
              .getBytes(StandardCharsets.UTF_8)).isEqualTo(bytes);
        });
  }

  @Test
  void lineBreaksBlankRunsTrailingSpaceAndBomDoNotChangeTheArticles() {
    PropertyCheck.forAll(7L, 2000, r -> {
      List<Article> articles = Generators.articles(r, false);
      return new Object[] {articles, noisy(NewsWriter.toString(articles), r)};
    }, pair -> {
      @SuppressWarnings("unchecked")
      List<Article> articles = (List<Article>) pair[0];
      String noisy = (String) pair[1];
      assertSameContent(parse(noisy), articles);
    });
  }

  /** Rewrites canonical text with other line breaks, extra blank lines and padding. */
  static String noisy(String canonical, Random r) {
    StringBuilder sb = new StringBuilder(r.nextBoolean() ? "\uFEFF" : "");
    String[] lines = canonical.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int copies = line.isEmpty() ? 1 + r.nextInt(3) : 1;
      for (int k = 0; k < copies; k++) {
        String content = line.isEmpty()
            ? (r.nextBoolean() ? "" : " \t ".substring(r.nextInt(3)))
            : (r.nextInt(4) == 0 ? "\t " : "") + line + (r.nextInt(4) == 0 ? "  " : "");
        // CR followed by an empty line's LF would read as one CRLF break.
        if (content.isEmpty() && sb.length() > 0 && sb.charAt(sb.length() - 1) == '\r') {
          content = " ";
        }
        sb.append(content);
        if (i < lines.length - 1) {
          sb.append(eol(r));
        }
      }
    }
    return sb.toString();
  }

  private static String eol(Random r) {
    return switch (r.nextInt(3)) {
      case 0 -> "\n";
      case 1 -> "\r\n";
      default -> "\r";
    };
  }

  @Test
  void theWriterRejectsExactlyWhatTheLengthLimitsCannotRead() {
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger rejected = new AtomicInteger();
    PropertyCheck.forAll(2026113L, 2000, r -> new Object[] {Generators.articles(r, false),
        NewsFormat.builder().maxLineLength(1 + r.nextInt(300))
            .maxRecordLength(1 + r.nextInt(400)).build()}, pair -> {
      @SuppressWarnings("unchecked")
      List<Article> articles = (List<Article>) pair[0];
      NewsFormat format = (NewsFormat) pair[1];
      List<Article> written = new ArrayList<>();
      StringWriter out = new StringWriter();
      try (NewsWriter writer = NewsWriter.of(out, format)) {
        for (Article a : articles) {
          // the reader of text counts UTF-8 bytes (FORMAT.md section 4)
          long title = a.title().getBytes(StandardCharsets.UTF_8).length;
          long body = a.body().getBytes(StandardCharsets.UTF_8).length;
          long dateLine = a.date().isEmpty() ? 0 : 10 + a.category().map(c -> 1
              + c.getBytes(StandardCharsets.UTF_8).length).orElse(0);
          boolean fits = title <= format.maxLineLength() && body <= format.maxLineLength()
              && dateLine <= format.maxLineLength() && title + body <= format.maxRecordLength();
          // an article left out changes what the next title may be: keep the generator's rule
          String why = unrepresentable(a, written.isEmpty() ? null
              : written.get(written.size() - 1).date().isPresent() ? null
              : written.get(written.size() - 1).body(), written.isEmpty());
          if (fits && why == null) {
            writer.write(a);
            written.add(a);
            accepted.incrementAndGet();
          } else if (why == null) {
            assertThatThrownBy(() -> writer.write(a)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bytes");
            rejected.incrementAndGet();
          }
        }
      } catch (IOException e) {
        throw new AssertionError(e);
      }
      try (NewsReader reader = NewsReader.ofString(out.toString(), format)) {
        assertSameContent(reader.stream().toList(), written);
      }
    });
    assertThat(accepted.get()).isGreaterThan(2000);
    assertThat(rejected.get()).isGreaterThan(2000);
  }

  @Test
  void theWriterRejectsExactlyWhatTheFormatCannotRepresent() {
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger rejected = new AtomicInteger();
    PropertyCheck.forAll(99L, 3000, r -> Generators.articles(r, true), articles -> {
      List<Article> written = new ArrayList<>();
      StringWriter out = new StringWriter();
      try (NewsWriter writer = NewsWriter.of(out)) {
        String openBody = null;
        for (Article a : articles) {
          String why = unrepresentable(a, openBody, written.isEmpty());
          if (why == null) {
            writer.write(a);
            written.add(a);
            accepted.incrementAndGet();
            openBody = a.date().isPresent() ? null : a.body();
          } else {
            assertThatThrownBy(() -> writer.write(a)).as(why)
                .isInstanceOf(IllegalArgumentException.class);
            rejected.incrementAndGet();
          }
        }
      } catch (IOException e) {
        throw new AssertionError(e);
      }
      assertSameContent(parse(out.toString()), written);
    });
    assertThat(accepted.get()).isGreaterThan(2 * rejected.get());
    assertThat(rejected.get()).isGreaterThan(100);
  }

  /**
   * The rules of FORMAT.md section 5, written independently of the writer, for the default
   * limits (which generated articles stay far below); {@code first} if nothing is written yet.
   */
  static String unrepresentable(Article a, String openBody, boolean first) {
    for (String s : List.of(a.title(), a.body(), a.category().orElse("x"))) {
      if (s.isEmpty() || s.contains("\n") || s.contains("\r")) {
        return "empty or line break";
      }
      if (" \t".indexOf(s.charAt(0)) >= 0 || " \t".indexOf(s.charAt(s.length() - 1)) >= 0) {
        return "surrounding whitespace";
      }
      if (!s.codePoints().allMatch(c -> c < 0xD800 || c > 0xDFFF)) {
        return "unpaired surrogate";
      }
    }
    if (first && a.title().startsWith("\uFEFF")) {
      return "BOM at the start of input";
    }
    for (String s : List.of(a.title(), a.body())) {
      if (s.equals("Read More") || DATE_SHAPE.matcher(s).matches()) {
        return "metadata";
      }
    }
    if (a.category().isPresent() && a.date().isEmpty()) {
      return "category without date";
    }
    if (a.title().equals(openBody)) {
      return "title equals previous body";
    }
    return null;
  }
}
