package org.newsdesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.newsdesk.core.Diagnostic.Kind.INVALID_DATE;
import static org.newsdesk.core.Diagnostic.Kind.INVALID_ENCODING;
import static org.newsdesk.core.Diagnostic.Kind.LINE_TOO_LONG;
import static org.newsdesk.core.Diagnostic.Kind.MISSING_BLANK_LINE;
import static org.newsdesk.core.Diagnostic.Kind.MISSING_BODY;
import static org.newsdesk.core.Diagnostic.Kind.MULTILINE_BODY;
import static org.newsdesk.core.Diagnostic.Kind.RECORD_TOO_LONG;
import static org.newsdesk.core.Diagnostic.Kind.STRAY_LINE;
import static org.newsdesk.core.Diagnostic.Kind.TITLE_MISMATCH;
import static org.newsdesk.core.Diagnostic.Kind.TITLE_NOT_REPEATED;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per rule of docs/FORMAT.md, each in strict and in lenient mode. */
class FormatEdgeCaseTest {

  static final String REC = "Title\n\nTitle\n\nBody text.";

  static List<Article> strict(String text) {
    return strict(text, NewsFormat.DEFAULT);
  }

  static List<Article> strict(String text, NewsFormat format) {
    try (NewsReader reader = NewsReader.ofString(text, format)) {
      return reader.stream().toList();
    }
  }

  static List<Article> strictBytes(byte[] bytes, NewsFormat format) {
    try (NewsReader r = NewsReader.open(new ByteArrayInputStream(bytes), "bytes", format)) {
      return r.stream().toList();
    }
  }

  static NewsParseException strictFails(String text) {
    return strictFails(text, NewsFormat.DEFAULT);
  }

  static NewsParseException strictFails(String text, NewsFormat format) {
    return assertThrows(NewsParseException.class, () -> strict(text, format));
  }

  static Accounting.Result lenient(String text) {
    return Accounting.check(text);
  }

  static Accounting.Result lenient(String text, NewsFormat format) {
    return Accounting.check(text.getBytes(StandardCharsets.UTF_8), format);
  }

  @Nested
  class Lines {
    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void everyLineBreakStyleGivesTheSameArticlesAndLineNumbers(String eol) {
      String text = String.join(eol, "A", "", "A", "", "Body a.", "", "B", "", "B", "", "Body b.");
      for (List<Article> articles : List.of(strict(text), lenient(text).articles())) {
        assertThat(articles).extracting(Article::title).containsExactly("A", "B");
        assertThat(articles).extracting(Article::body).containsExactly("Body a.", "Body b.");
        assertThat(articles).extracting(Article::line).containsExactly(1L, 7L);
      }
      assertThat(lenient(text).diagnostics()).isEmpty();
    }

    @Test
    void mixedLineBreaksCountOneLineEach() {
      String text = "A\r\n\rA\n\r\nBody a.\r\rB\n\nB\r\n\r\nBody b.\r\n";
      for (List<Article> articles : List.of(strict(text), lenient(text).articles())) {
        assertThat(articles).extracting(Article::line).containsExactly(1L, 7L);
        assertThat(articles).extracting(Article::body).containsExactly("Body a.", "Body b.");
      }
    }

    @Test
    void finalLineBreakAndTrailingBlankLinesDoNotMatter() {
      for (String text : List.of(REC, REC + "\n", REC + "\r\n", REC + "\n\n  \n\t\n")) {
        assertThat(strict(text)).singleElement().extracting(Article::body).isEqualTo("Body text.");
        Accounting.Result r = lenient(text);
        assertThat(r.articles()).hasSize(1);
        assertThat(r.diagnostics()).isEmpty();
      }
    }

    @Test
    void utf8ByteOrderMarkAtTheStartIsSkipped() {
      byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
      byte[] text = (REC).getBytes(StandardCharsets.UTF_8);
      byte[] both = new byte[bom.length + text.length];
      System.arraycopy(bom, 0, both, 0, 3);
      System.arraycopy(text, 0, both, 3, text.length);
      assertThat(strictBytes(both, NewsFormat.DEFAULT)).singleElement()
          .satisfies(a -> assertThat(a.title()).isEqualTo("Title"))
          .satisfies(a -> assertThat(a.line()).isEqualTo(1));
      assertThat(Accounting.check(both, NewsFormat.LENIENT).articles()).extracting(Article::title)
          .containsExactly("Title");
      assertThat(strict("\uFEFF" + REC)).extracting(Article::title).containsExactly("Title");
    }

    @Test
    void byteOrderMarkElsewhereIsText() {
      String text = REC + "\n\n\uFEFFT2\n\n\uFEFFT2\n\nB2";
      assertThat(strict(text)).extracting(Article::title).containsExactly("Title", "\uFEFFT2");
      assertThat(lenient(text).articles()).extracting(Article::title)
          .containsExactly("Title", "\uFEFFT2");
    }

    @Test
    void surroundingSpacesAndTabsAreTrimmedInnerOnesKept() {
      String text = "  Title  with  gaps\t\n \t \n\tTitle  with  gaps \n\n   Body\t inner  \t";
      for (List<Article> a : List.of(strict(text), lenient(text).articles())) {
        assertThat(a).singleElement().satisfies(x -> {
          assertThat(x.title()).isEqualTo("Title  with  gaps");
          assertThat(x.body()).isEqualTo("Body\t inner");
        });
      }
      assertThat(lenient(text).diagnostics()).isEmpty();
    }

    @Test
    void runsOfBlankAndWhitespaceOnlyLinesSeparateLikeOneBlankLine() {
      String text = "\n\n \nA\n\n\n\t\n  \nA\n\n\n\nBody\n\n\n\n\nB\n \nB\n\t\nb\n\n\n";
      for (List<Article> a : List.of(strict(text), lenient(text).articles())) {
        assertThat(a).extracting(Article::title).containsExactly("A", "B");
        assertThat(a).extracting(Article::line).containsExactly(4L, 18L);
      }
    }

    @Test
    void nonAsciiTextIsPreservedExactly() {
      String title = "Caf\u00e9 \u201cquoted\u201d \u2014 \u6d77\u5173 \uD83D\uDE80 \u00a0nbsp\u2028x";
      String body = "\u00c5ngstr\u00f6m \u0000 ctrl \u0007, \uFFFD genuine, \uD83C\uDDFA\uD83C\uDDF3.";
      String text = title + "\n\n" + title + "\n\n" + body;
      for (List<Article> a : List.of(strict(text), lenient(text).articles())) {
        assertThat(a).singleElement().satisfies(x -> {
          assertThat(x.title()).isEqualTo(title);
          assertThat(x.body()).isEqualTo(body);
        });
      }
      assertThat(lenient(text).diagnostics()).isEmpty();
    }
  }

  @Nested
  class Metadata {
    @Test
    void dateAndCategoryThenReadMoreThenTitleWithoutBlankLine() {
      String text = "A\n\nA\n\nBody a.\n\n11/07/2023 Logistics\nRead More\nB\n\nB\n\nBody b.";
      for (List<Article> a : List.of(strict(text), lenient(text).articles())) {
        assertThat(a).hasSize(2);
        assertThat(a.get(0).date()).contains(LocalDate.of(2023, 11, 7));
        assertThat(a.get(0).category()).contains("Logistics");
        assertThat(a.get(1).date()).isEmpty();
        assertThat(a.get(1).line()).isEqualTo(9);
      }
      assertThat(lenient(text).diagnostics()).isEmpty();
    }

    @Test
    void metadataVariants() {
      String text = "A\n\nA\n\nBody a.\n01/31/2024\nB\n\nB\n\nBody b.\n\nRead More\n\n"
          + "C\n\nC\n\nBody c.\n\n\t02/29/2024 \t Trade  Policy \n\n\nRead More\n\nD\n\nD\n\nd";
      for (List<Article> a : List.of(strict(text), lenient(text).articles())) {
        assertThat(a).extracting(Article::title).containsExactly("A", "B", "C", "D");
        assertThat(a).extracting(Article::date).containsExactly(
            Optional.of(LocalDate.of(2024, 1, 31)), Optional.empty(),
            Optional.of(LocalDate.of(2024, 2, 29)), Optional.empty());
        assertThat(a).extracting(Article::category).containsExactly(
            Optional.empty(), Optional.empty(), Optional.of("Trade  Policy"), Optional.empty());
      }
      assertThat(lenient(text).diagnostics()).isEmpty();
    }

    @Test
    void repeatedDateTextsKeepTheirOwnCategoriesAndErrors() {
      // after the first line, a date text is answered from the format's cache of recent dates
      String text = String.join("\n\n",
          "A", "A", "a", "11/07/2023 Logistics",
          "B", "B", "b", "11/07/2023 Trade Policy",
          "C", "C", "c", "11/07/2023",
          "D", "D", "d", "02/30/2024 Customs",
          "E", "E", "e", "02/30/2024 Ports");
      Accounting.Result r = lenient(text);
      assertThat(r.articles()).extracting(Article::date).containsExactly(
          Optional.of(LocalDate.of(2023, 11, 7)), Optional.of(LocalDate.of(2023, 11, 7)),
          Optional.of(LocalDate.of(2023, 11, 7)), Optional.empty(), Optional.empty());
      assertThat(r.articles()).extracting(Article::category).containsExactly(
          Optional.of("Logistics"), Optional.of("Trade Policy"), Optional.empty(),
          Optional.of("Customs"), Optional.of("Ports"));
      assertThat(r.kinds()).containsExactly(INVALID_DATE, INVALID_DATE);
      assertThat(r.diagnostics()).extracting(Diagnostic::firstLine).containsExactly(31L, 39L);

      // a pattern that can read past a space (optional time) must not take the cached shortcut
      NewsFormat timed = NewsFormat.builder().datePattern("MM/dd/yyyy[ HH:mm]").build();
      List<Article> t = strict(String.join("\n\n",
          "A", "A", "a", "11/07/2023 Logistics", "B", "B", "b", "11/07/2023 10:30 Logistics"),
          timed);
      assertThat(t).extracting(Article::category)
          .containsExactly(Optional.of("Logistics"), Optional.of("Logistics"));
      assertThat(t).extracting(Article::date).containsOnly(Optional.of(LocalDate.of(2023, 11, 7)));
    }

    @Test
    void manyThreadsSharingAFormatGetEveryDateRight() throws Exception {
      // NewsFormat.DEFAULT's date cache is shared by every reader; 400 distinct dates collide in it
      StringBuilder sb = new StringBuilder();
      List<LocalDate> expected = new java.util.ArrayList<>();
      LocalDate day = LocalDate.of(2020, 1, 1);
      for (int i = 0; i < 2_000; i++) {
        LocalDate d = day.plusDays(i % 400);
        expected.add(d);
        sb.append(i == 0 ? "" : "\n\n").append("T").append(i).append("\n\nT").append(i)
            .append("\n\nbody\n\n")
            .append(String.format("%02d/%02d/%04d", d.getMonthValue(), d.getDayOfMonth(), d.getYear()))
            .append(" cat").append(i % 7);
      }
      String text = sb.toString();
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
      try {
        List<java.util.concurrent.Future<List<Article>>> runs = new java.util.ArrayList<>();
        for (int t = 0; t < 8; t++) {
          runs.add(pool.submit(() -> strict(text)));
        }
        for (java.util.concurrent.Future<List<Article>> run : runs) {
          List<Article> articles = run.get();
          assertThat(articles).extracting(a -> a.date().orElseThrow()).isEqualTo(expected);
          for (int i = 0; i < articles.size(); i++) {
            assertThat(articles.get(i).category()).contains("cat" + (i % 7));
          }
        }
      } finally {
        pool.shutdown();
      }
    }

    @Test
    void datePatternIsConfigurable() {
      String text = REC + "\n\n11/07/2023 Logistics";
      assertThat(strict(text).get(0).date()).contains(LocalDate.of(2023, 11, 7));
      NewsFormat dayFirst = NewsFormat.builder().datePattern("dd/MM/yyyy").build();
      assertThat(strict(text, dayFirst).get(0).date()).contains(LocalDate.of(2023, 7, 11));
      assertThat(lenient(text, dayFirst.toBuilder().strict(false).build()).articles().get(0)
          .date()).contains(LocalDate.of(2023, 7, 11));
      NewsFormat words = NewsFormat.builder().datePattern("MMM d, yyyy").build();
      assertThat(strict(REC + "\n\nNov 7, 2023 Trade Policy", words)).singleElement()
          .satisfies(a -> assertThat(a.date()).contains(LocalDate.of(2023, 11, 7)))
          .satisfies(a -> assertThat(a.category()).contains("Trade Policy"));
      Article dated = Article.of("T", "B").withDate(LocalDate.of(2024, 2, 9)).withCategory("C");
      java.io.StringWriter out = new java.io.StringWriter();
      try (NewsWriter writer = NewsWriter.of(out, words)) {
        writer.write(dated);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      assertThat(out.toString()).endsWith("\n\nFeb 9, 2024 C\n");
      assertThat(strict(out.toString(), words).get(0).sameContent(dated)).isTrue();
      NewsFormat iso = NewsFormat.builder().datePattern("uuuu-MM-dd").build();
      assertThat(strict(REC + "\n\n2023-11-07 Logistics", iso).get(0).date())
          .contains(LocalDate.of(2023, 11, 7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"13/45/2023", "02/30/2024", "02/29/2023", "00/10/2020"})
    void invalidDateIsDiagnosed(String date) {
      String text = REC + "\n\n" + date + " Logistics\nRead More\n\nB\n\nB\n\nb";
      NewsParseException e = strictFails(text);
      assertThat(e.kind()).isEqualTo(INVALID_DATE);
      assertThat(e.line()).isEqualTo(7);
      assertThat(e.getMessage()).contains(date);

      Accounting.Result r = lenient(text);
      assertThat(r.articles()).extracting(Article::title).containsExactly("Title", "B");
      assertThat(r.articles().get(0).date()).isEmpty();
      assertThat(r.articles().get(0).category()).contains("Logistics");
      assertThat(r.kinds()).containsExactly(INVALID_DATE);
      assertThat(r.diagnostics().get(0).firstLine()).isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1/7/2023", "11/07/2023Logistics", "Read more", "11-07-2023"})
    void linesThatOnlyLookLikeMetadataAreText(String line) {
      String text = REC + "\n\n" + line + "\n\nB\n\nB\n\nb";
      NewsParseException e = strictFails(text);
      assertThat(e.kind()).isEqualTo(STRAY_LINE);
      assertThat(e.line()).isEqualTo(7);
      Accounting.Result r = lenient(text);
      assertThat(r.kinds()).containsExactly(STRAY_LINE);
      assertThat(r.articles()).hasSize(2);
      // As a title it is fine.
      assertThat(strict(line + "\n\n" + line + "\n\nbody")).extracting(Article::title)
          .containsExactly(line);
    }

    @Test
    void categoryOfOnlyUnicodeWhitespaceIsAbsent() {
      String text = REC + "\n\n11/07/2023 \u2028\u3000";
      for (List<Article> a : List.of(strict(text), lenient(text).articles())) {
        assertThat(a).singleElement().satisfies(x -> {
          assertThat(x.date()).contains(LocalDate.of(2023, 11, 7));
          assertThat(x.category()).isEmpty();
        });
      }
    }

    @Test
    void metadataLineWhereATitleIsExpectedIsStray() {
      String text = "11/07/2023 Logistics\n\n" + REC + "\n\nRead More\nRead More\n\nB\n\nB\n\nb";
      NewsParseException e = strictFails(text);
      assertThat(e.kind()).isEqualTo(STRAY_LINE);
      assertThat(e.line()).isEqualTo(1);
      Accounting.Result r = lenient(text);
      assertThat(r.kinds()).containsExactly(STRAY_LINE, STRAY_LINE);
      assertThat(r.diagnostics()).extracting(Diagnostic::line).containsExactly(1L, 10L);
      assertThat(r.articles()).extracting(Article::title).containsExactly("Title", "B");
    }
  }

  @Nested
  class Malformed {
    @Test
    void titleNotRepeated() {
      String text = "Lonely title\n\nIts body.\n\n" + REC;
      NewsParseException e = strictFails(text);
      assertThat(e.kind()).isEqualTo(TITLE_NOT_REPEATED);
      assertThat(e.line()).isEqualTo(1);
      assertThat(e.getMessage()).startsWith("<string>:1:1: ").contains("'Lonely title'");

      Accounting.Result r = lenient(text);
      assertThat(r.articles()).extracting(Article::title).containsExactly("Title");
      assertThat(r.articles().get(0).line()).isEqualTo(5);
      assertThat(r.diagnostics()).singleElement().satisfies(d -> {
        assertThat(d.kind()).isEqualTo(TITLE_NOT_REPEATED);
        assertThat(d.firstLine()).isEqualTo(1);
        assertThat(d.lastLine()).isEqualTo(3);
      });
    }

    @Test
    void titleNotRepeatedAtTheEnd() {
      String text = REC + "\n\nLast title\n\nLast body";
      assertThat(strictFails(text).kind()).isEqualTo(TITLE_NOT_REPEATED);
      Accounting.Result r = lenient(text);
      assertThat(r.articles()).hasSize(1);
      assertThat(r.diagnostics()).singleElement().satisfies(d -> {
        assertThat(d.firstLine()).isEqualTo(7);
        assertThat(d.lastLine()).isEqualTo(9);
      });
    }

    @Test
    void strayLines() {
      String text = "stray one\n\n" + REC + "\n\nstray two\n\nB\n\nB\n\nb\n\nstray three";
      NewsParseException e = strictFails(text);
      assertThat(e.kind()).isEqualTo(STRAY_LINE);
      assertThat(e.line()).isEqualTo(1);
      Accounting.Result r = lenient(text);
      assertThat(r.articles()).extracting(Article::title).containsExactly("Title", "B");
      assertThat(r.kinds()).containsExactly(STRAY_LINE, STRAY_LINE, STRAY_LINE);
      assertThat(r.diagnostics()).extracting(Diagnostic::firstLine).containsExactly(1L, 9L, 17L);
      assertThat(r.diagnostics().get(1).message()).contains("'stray two'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"title", "Title ", "TITLE", "Ti  tle", "Titel"})
    void repeatThatDiffersSlightlyIsATitleMismatch(String repeat) {
      String longer = "Global Customs and Rights Holders Strengthen IP Protections";
      String longRepeat = repeat.equals("Titel") ? longer.replace("Rights", "Rihgts")
          : repeat.equals("Title ") ? longer + " " : repeat.equals("TITLE") ? longer.toUpperCase()
          : repeat.equals("title") ? longer.toLowerCase() : longer.replace(" IP ", "  IP ");
      String text = longer + "\n\n" + longRepeat + "\n\nBody.";
      if (repeat.equals("Title ")) {
        // Trailing whitespace is trimmed: an exact pair, no problem at all.
        assertThat(strict(text)).hasSize(1);
        assertThat(lenient(text).diagnostics()).isEmpty();
        return;
      }
      NewsParseException e = strictFails(text);
      assertThat(e.kind()).isEqualTo(TITLE_MISMATCH);
      assertThat(e.line()).isEqualTo(3);
      Accounting.Result r = lenient(text);
      assertThat(r.articles()).singleElement().satisfies(a -> {
        assertThat(a.title()).isEqualTo(longer);
        assertThat(a.body()).isEqualTo("Body.");
      });
      assertThat(r.kinds()).containsExactly(TITLE_MISMATCH);
      assertThat(r.diagnostics().get(0).firstLine()).isEqualTo(3);
    }

    @Test
    void shortTitlesMustMatchUpToCaseAndSpacing() {
      assertThat(RecordParser.nearlyEqual("Title", "title")).isTrue();
      assertThat(RecordParser.nearlyEqual("Ti tle", "Ti \t tle")).isTrue();
      assertThat(RecordParser.nearlyEqual("Title", "Titel")).isFalse();
      assertThat(RecordParser.nearlyEqual("garbage 10", "garbage 11")).isFalse();
      assertThat(RecordParser.nearlyEqual("01234567890123456789", "01234567890123456780"))
          .isTrue();
      assertThat(RecordParser.nearlyEqual("01234567890123456789", "01234567890123456700"))
          .isFalse();
      String text = "Title\n\nTitel\n\nBody.\n\nB\n\nB\n\nb";
      assertThat(strictFails(text).kind()).isEqualTo(TITLE_NOT_REPEATED);
      Accounting.Result r = lenient(text);
      assertThat(r.kinds()).containsExactly(TITLE_NOT_REPEATED);
      assertThat(r.articles()).extracting(Article::title).containsExactly("B");
    }

    @Test
    void noTitlePairDiffersByMoreThanTenEdits() {
      // 300 characters would allow 15 edits at one per twenty; the cap is 10, whatever the length.
      String title = "Customs and trade news ".repeat(14).substring(0, 300);
      assertThat(RecordParser.nearlyEqual(title, edits(title, 10))).isTrue();
      assertThat(RecordParser.nearlyEqual(title, edits(title, 11))).isFalse();
      // 219 characters: still one per twenty (10)
      String shorter = title.substring(0, 219);
      assertThat(RecordParser.nearlyEqual(shorter, edits(shorter, 10))).isTrue();
      assertThat(RecordParser.nearlyEqual(shorter, edits(shorter, 11))).isFalse();
      String text = title + "\n\n" + edits(title, 10) + "\n\nBody.\n";
      assertThat(strictFails(text).kind()).isEqualTo(TITLE_MISMATCH);
      assertThat(lenient(text).articles()).extracting(Article::title).containsExactly(title);
      text = title + "\n\n" + edits(title, 11) + "\n\nBody.\n";
      assertThat(strictFails(text).kind()).isEqualTo(TITLE_NOT_REPEATED);
    }

    /** Replaces {@code n} characters, evenly spread, with '#'. */
    private String edits(String s, int n) {
      char[] c = s.toCharArray();
      for (int i = 0; i < n; i++) {
        c[(int) ((i + 0.5) * c.length / n)] = '#';
      }
      return new String(c);
    }

    @Test
    void missingBody() {
      String text = "A\n\nA\n\nB\n\nB\n\nBody b.\n\nC\n\nC\n\n11/07/2023 X\nRead More\n\n"
          + "D\n\nD";
      NewsParseException e = strictFails(text);
      assertThat(e.kind()).isEqualTo(MISSING_BODY);
      assertThat(e.line()).isEqualTo(1);
      Accounting.Result r = lenient(text);
      assertThat(r.articles()).extracting(Article::title).containsExactly("B");
      assertThat(r.kinds()).containsExactly(MISSING_BODY, MISSING_BODY, MISSING_BODY);
      assertThat(r.diagnostics()).extracting(Diagnostic::firstLine).containsExactly(1L, 11L, 18L);
      assertThat(r.diagnostics()).extracting(Diagnostic::lastLine).containsExactly(3L, 16L, 20L);
    }

    @Test
    void bodyOverSeveralLines() {
      String text = "A\n\nA\n\nFirst part\nsecond part\n  third part\n\nB\n\nB\n\nb";
      NewsParseException e = strictFails(text);
      assertThat(e.kind()).isEqualTo(MULTILINE_BODY);
      assertThat(e.line()).isEqualTo(6);
      Accounting.Result r = lenient(text);
      assertThat(r.articles()).extracting(Article::body)
          .containsExactly("First part second part third part", "b");
      assertThat(r.diagnostics()).singleElement().satisfies(d -> {
        assertThat(d.kind()).isEqualTo(MULTILINE_BODY);
        assertThat(d.firstLine()).isEqualTo(6);
        assertThat(d.lastLine()).isEqualTo(7);
      });
    }

    @Test
    void missingBlankLines() {
      String[] texts = {"A\nA\n\nBody", "A\n\nA\nBody", "A\n\nA\n\nBody\nB\n\nB\n\nb"};
      long[] lines = {2, 4, 6};
      for (int i = 0; i < texts.length; i++) {
        NewsParseException e = strictFails(texts[i]);
        assertThat(e.kind()).isEqualTo(MISSING_BLANK_LINE);
        assertThat(e.line()).isEqualTo(lines[i]);
        Accounting.Result r = lenient(texts[i]);
        assertThat(r.articles()).extracting(Article::title).startsWith("A");
        assertThat(r.articles().get(0).body()).isEqualTo("Body");
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
          assertThat(d.kind()).isEqualTo(MISSING_BLANK_LINE);
          assertThat(d.firstLine()).isZero();
        });
      }
    }

    @Test
    void strictReturnsArticlesBeforeTheProblem() {
      NewsReader reader = NewsReader.ofString("A\n\nA\n\nBody\nB\n\nB\n\nb");
      var it = reader.iterator();
      assertThat(it.next().body()).isEqualTo("Body");
      assertThat(assertThrows(NewsParseException.class, it::hasNext).line()).isEqualTo(6);
    }
  }

  @Nested
  class Limits {
    final NewsFormat small = NewsFormat.builder().maxLineLength(40).maxRecordLength(60).build();

    @Test
    void overLongLineIsSkipped() {
      String longLine = "x".repeat(41);
      String text = "A\n\nA\n\n" + longLine + "\n\n" + longLine + "\n\nB\n\nB\n\nb";
      NewsParseException e = strictFails(text, small);
      assertThat(e.kind()).isEqualTo(LINE_TOO_LONG);
      assertThat(e.line()).isEqualTo(5);
      assertThat(e.getMessage()).contains("41 bytes");
      Accounting.Result r = lenient(text, small);
      assertThat(r.articles()).extracting(Article::title).containsExactly("B");
      assertThat(r.kinds()).containsExactly(LINE_TOO_LONG, LINE_TOO_LONG);
      assertThat(r.diagnostics().get(0).firstLine()).isEqualTo(1);
      assertThat(r.diagnostics().get(0).lastLine()).isEqualTo(5);
      assertThat(r.diagnostics().get(1).firstLine()).isEqualTo(7);
      // Exactly at the limit is fine.
      assertThat(strict("A\n\nA\n\n" + "x".repeat(40), small)).hasSize(1);
    }

    @Test
    void recordTooLong() {
      String text = "A title\n\nA title\n\n" + "y".repeat(30) + " end\n\n01/02/2003 Cat\n"
          + "Read More\n\nB\n\nB\n\nb";
      NewsParseException e = strictFails(text, small.toBuilder().maxRecordLength(30).build());
      assertThat(e.kind()).isEqualTo(RECORD_TOO_LONG);
      Accounting.Result r = lenient(text, small.toBuilder().maxRecordLength(30).build());
      assertThat(r.articles()).extracting(Article::title).containsExactly("B");
      assertThat(r.diagnostics()).singleElement().satisfies(d -> {
        assertThat(d.kind()).isEqualTo(RECORD_TOO_LONG);
        assertThat(d.firstLine()).isEqualTo(1);
        assertThat(d.lastLine()).isEqualTo(8);
      });
    }

    @Test
    void joinedBodyStopsAtTheRecordLimit() {
      String text = "A\n\nA\n\n" + String.join("\n", List.of("0123456789", "1123456789",
          "2123456789", "3123456789", "4123456789", "5123456789", "6123456789")) + "\n\nB\n\nB\n\nb";
      Accounting.Result r = lenient(text, small);
      assertThat(r.articles().get(0).body()).isEqualTo(
          "0123456789 1123456789 2123456789 3123456789 4123456789");
      assertThat(r.kinds()).containsExactly(MULTILINE_BODY, RECORD_TOO_LONG);
      assertThat(r.diagnostics().get(1).firstLine()).isEqualTo(10);
      assertThat(r.diagnostics().get(1).lastLine()).isEqualTo(11);
      assertThat(strictFails(text, small).kind()).isEqualTo(MULTILINE_BODY);
    }
  }

  @Nested
  class Encoding {
    byte[] withBadBytes() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes("A\n\nA\n\nCaf".getBytes(StandardCharsets.UTF_8));
      out.write(0xC3);
      out.write(0x28); // 0xC3 must be followed by a continuation byte
      out.writeBytes(" ok\n\nB\n\nB\n\nb".getBytes(StandardCharsets.UTF_8));
      return out.toByteArray();
    }

    @Test
    void invalidUtf8InStrictModeNamesLineAndByteOffset() {
      NewsParseException e = assertThrows(NewsParseException.class,
          () -> strictBytes(withBadBytes(), NewsFormat.DEFAULT));
      assertThat(e.kind()).isEqualTo(INVALID_ENCODING);
      assertThat(e.line()).isEqualTo(5);
      assertThat(e.column()).isEqualTo(4);
      assertThat(e.getMessage()).startsWith("bytes:5:4: ").contains("byte offset 9");
    }

    @Test
    void invalidUtf8InLenientModeIsReplacedAndDiagnosed() {
      Accounting.Result r = Accounting.check(withBadBytes(), NewsFormat.LENIENT);
      assertThat(r.articles()).extracting(Article::body).containsExactly("Caf\uFFFD( ok", "b");
      assertThat(r.diagnostics()).singleElement().satisfies(d -> {
        assertThat(d.kind()).isEqualTo(INVALID_ENCODING);
        assertThat(d.line()).isEqualTo(5);
        assertThat(d.column()).isEqualTo(4);
        assertThat(d.firstLine()).isEqualTo(5);
      });
    }

    @Test
    void invalidBytesInATitleAreReportedOnce() {
      byte[] bytes = "T\u0001\n\nT\u0001\n\nbody".getBytes(StandardCharsets.UTF_8);
      bytes[1] = (byte) 0xFF;
      bytes[5] = (byte) 0xFF;
      Accounting.Result r = Accounting.check(bytes, NewsFormat.LENIENT);
      assertThat(r.articles()).extracting(Article::title).containsExactly("T\uFFFD");
      assertThat(r.kinds()).containsExactly(INVALID_ENCODING);
      assertThat(assertThrows(NewsParseException.class,
          () -> strictBytes(bytes, NewsFormat.DEFAULT)).line()).isEqualTo(1);
    }

    @Test
    void singleByteCharsets() {
      byte[] latin1 = "Caf\u00e9\n\nCaf\u00e9\n\nCr\u00e8me".getBytes(StandardCharsets.ISO_8859_1);
      NewsFormat latin = NewsFormat.builder().charset(StandardCharsets.ISO_8859_1).build();
      assertThat(strictBytes(latin1, latin)).extracting(Article::title).containsExactly("Caf\u00e9");
      NewsFormat ascii = NewsFormat.builder().charset(StandardCharsets.US_ASCII).build();
      assertThat(assertThrows(NewsParseException.class, () -> strictBytes(latin1, ascii)).kind())
          .isEqualTo(INVALID_ENCODING);
      try (NewsReader r = NewsReader.open(new ByteArrayInputStream(latin1), "a",
          ascii.toBuilder().strict(false).build())) {
        assertThat(r.stream()).extracting(Article::body).containsExactly("Cr\uFFFDme");
        assertThat(r.diagnostics()).extracting(Diagnostic::kind).containsExactly(INVALID_ENCODING,
            INVALID_ENCODING);
      }
    }

    @Test
    void unpairedSurrogatesInStringAndReaderInputAreInvalidEncoding() {
      String text = "T\uD800\n\nT\uD800\n\nBody \uDC00 end";
      NewsParseException e = strictFails(text);
      assertThat(e.kind()).isEqualTo(INVALID_ENCODING);
      assertThat(e.line()).isEqualTo(1);
      assertThat(e.column()).isEqualTo(2);
      assertThat(e.getMessage()).contains("unpaired surrogate");
      try (NewsReader r = NewsReader.ofString(text, NewsFormat.LENIENT)) {
        assertThat(r.stream().toList()).singleElement().satisfies(x -> {
          assertThat(x.title()).isEqualTo("T\uFFFD");
          assertThat(x.body()).isEqualTo("Body \uFFFD end");
        });
        assertThat(r.diagnostics()).extracting(Diagnostic::kind)
            .containsExactly(INVALID_ENCODING, INVALID_ENCODING);
        assertThat(r.diagnostics()).extracting(Diagnostic::line).containsExactly(1L, 5L);
      }
      try (NewsReader r = NewsReader.open(new java.io.StringReader(text), "r",
          NewsFormat.DEFAULT)) {
        assertThat(assertThrows(NewsParseException.class, () -> r.stream().toList()).kind())
            .isEqualTo(INVALID_ENCODING);
      }
    }

    @Test
    void otherCharsetsAreTranscoded() {
      Charset utf16 = StandardCharsets.UTF_16;
      String text = "\u6d77\u5173\r\n\r\n\u6d77\u5173\r\n\r\nBody \uD83D\uDE80";
      NewsFormat format = NewsFormat.builder().charset(utf16).build();
      assertThat(strictBytes(text.getBytes(utf16), format)).singleElement().satisfies(a -> {
        assertThat(a.title()).isEqualTo("\u6d77\u5173");
        assertThat(a.body()).isEqualTo("Body \uD83D\uDE80");
        assertThat(a.line()).isEqualTo(1);
      });
    }

    @Test
    void invalidInputInOtherCharsetsIsDiagnosed() {
      // UTF-16LE with a lone low surrogate in the body.
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes("T\n\nT\n\nBo".getBytes(StandardCharsets.UTF_16LE));
      out.write(0x00);
      out.write(0xDC);
      out.writeBytes("dy\n\nB\n\nB\n\nb".getBytes(StandardCharsets.UTF_16LE));
      byte[] bytes = out.toByteArray();
      NewsFormat le = NewsFormat.builder().charset(StandardCharsets.UTF_16LE).build();
      NewsParseException e = assertThrows(NewsParseException.class, () -> strictBytes(bytes, le));
      assertThat(e.kind()).isEqualTo(INVALID_ENCODING);
      assertThat(e.line()).isEqualTo(5);
      assertThat(e.column()).isEqualTo(3);
      assertThat(e.getMessage()).contains("UTF-16LE");
      try (NewsReader r = NewsReader.open(new ByteArrayInputStream(bytes), "le",
          le.toBuilder().strict(false).build())) {
        assertThat(r.stream()).extracting(Article::body).containsExactly("Bo\uFFFDdy", "b");
        assertThat(r.diagnostics()).extracting(Diagnostic::kind).containsExactly(INVALID_ENCODING);
      }
      // windows-1252 has no character for 0x81; a truncated UTF-16 file ends in half a char.
      byte[] cp = {'T', '\n', '\n', 'T', '\n', '\n', 'x', (byte) 0x81, (byte) 0xE9};
      NewsFormat cp1252 = NewsFormat.builder().charset(Charset.forName("windows-1252"))
          .strict(false).build();
      try (NewsReader r = NewsReader.open(new ByteArrayInputStream(cp), "cp", cp1252)) {
        assertThat(r.stream()).extracting(Article::body).containsExactly("x\uFFFD\u00e9");
        assertThat(r.diagnostics()).extracting(Diagnostic::kind).containsExactly(INVALID_ENCODING);
      }
      byte[] odd = java.util.Arrays.copyOf("T\n\nT\n\nbody".getBytes(StandardCharsets.UTF_16LE),
          21);
      try (NewsReader r = NewsReader.open(new ByteArrayInputStream(odd), "odd",
          le.toBuilder().strict(false).build())) {
        assertThat(r.stream()).extracting(Article::body).containsExactly("body\uFFFD");
        assertThat(r.diagnostics()).extracting(Diagnostic::kind).containsExactly(INVALID_ENCODING);
      }
    }

    static final String TWO_RECORDS = "A\n\nA\n\nBody a.\n\nB\n\nB\n\nBody b.\n";

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"})
    void utf16And32ByteOrderMarksAreReportedWhenReadingUtf8(String encoding) {
      byte[] bytes = ("\uFEFF" + TWO_RECORDS).getBytes(Charset.forName(encoding));
      String family = encoding.substring(0, 6);

      NewsParseException e = assertThrows(NewsParseException.class,
          () -> strictBytes(bytes, NewsFormat.DEFAULT));
      assertThat(e.kind()).isEqualTo(INVALID_ENCODING);
      assertThat(e.line()).isEqualTo(1);
      assertThat(e.column()).isEqualTo(1);
      assertThat(e.getMessage()).startsWith("bytes:1:1: input starts with a " + encoding
          + " byte-order mark").contains("read as UTF-8").endsWith("read it with charset "
          + family);

      Accounting.Result r = Accounting.check(bytes, NewsFormat.LENIENT);
      assertThat(r.articles()).isEmpty();
      assertThat(r.diagnostics()).singleElement().satisfies(d -> {
        assertThat(d.kind()).isEqualTo(INVALID_ENCODING);
        assertThat(d.line()).isEqualTo(1);
        assertThat(d.message()).contains(encoding + " byte-order mark")
            .contains("read it with charset " + family).contains("skipped lines 1-");
        assertThat(d.firstLine()).isEqualTo(1);
      });

      // The advice is right: the suggested charset reads the same bytes.
      NewsFormat advised = NewsFormat.builder().charset(Charset.forName(family)).build();
      assertThat(strictBytes(bytes, advised)).extracting(Article::body)
          .containsExactly("Body a.", "Body b.");
    }

    @Test
    void foreignByteOrderMarksAreReportedForOtherEightBitCharsetsToo() {
      byte[] bytes = ("\uFEFF" + TWO_RECORDS).getBytes(StandardCharsets.UTF_16LE);
      for (Charset charset : List.of(StandardCharsets.ISO_8859_1, StandardCharsets.US_ASCII,
          Charset.forName("windows-1252"))) {
        NewsFormat format = NewsFormat.builder().charset(charset).build();
        NewsParseException e = assertThrows(NewsParseException.class,
            () -> strictBytes(bytes, format));
        assertThat(e.kind()).as(charset.name()).isEqualTo(INVALID_ENCODING);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).contains("UTF-16LE byte-order mark (FF FE)")
            .contains("read as " + charset.name());
      }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE"})
    void utf16WithoutAByteOrderMarkIsReportedLikeOneWithAMark(String encoding) {
      byte[] text = ("Title A\n\nTitle A\n\nBody a.\n").getBytes(Charset.forName(encoding));
      String shown = encoding.endsWith("LE") ? "54 00 69 00" : "00 54 00 69";

      NewsParseException e = assertThrows(NewsParseException.class,
          () -> strictBytes(text, NewsFormat.DEFAULT));
      assertThat(e.kind()).isEqualTo(INVALID_ENCODING);
      assertThat(e.line()).isEqualTo(1);
      assertThat(e.column()).isEqualTo(1);
      assertThat(e.getMessage()).isEqualTo("bytes:1:1: input starts like " + encoding
          + " text without a byte-order mark (" + shown + ") but is read as UTF-8; read it with"
          + " charset " + encoding);

      Accounting.Result r = Accounting.check(text, NewsFormat.LENIENT);
      assertThat(r.articles()).isEmpty();
      assertThat(r.diagnostics()).singleElement().satisfies(d -> {
        assertThat(d.kind()).isEqualTo(INVALID_ENCODING);
        assertThat(d.message()).contains("read it with charset " + encoding)
            .contains("skipped lines 1-").doesNotContain("\0");
        assertThat(d.firstLine()).isEqualTo(1);
      });

      // The advice is right: the charset named reads the same bytes.
      NewsFormat advised = NewsFormat.builder().charset(Charset.forName(encoding)).build();
      assertThat(strictBytes(text, advised)).extracting(Article::body)
          .containsExactly("Body a.");
    }

    @Test
    void unmarkedUtf16IsReportedInEveryCharsetThatWritesAsciiAsAscii() {
      byte[] bytes = "Title A\n\nTitle A\n\nBody a.\n".getBytes(StandardCharsets.UTF_16LE);
      for (Charset charset : List.of(StandardCharsets.ISO_8859_1, StandardCharsets.US_ASCII,
          Charset.forName("windows-1252"), Charset.forName("Shift_JIS"))) {
        NewsFormat format = NewsFormat.builder().charset(charset).build();
        NewsParseException e = assertThrows(NewsParseException.class,
            () -> strictBytes(bytes, format));
        assertThat(e.kind()).as(charset.name()).isEqualTo(INVALID_ENCODING);
        assertThat(e.getMessage()).contains("UTF-16LE text without a byte-order mark")
            .contains("read as " + charset.name());
      }
      // EBCDIC does not write ASCII as ASCII: its bytes are read as they are
      NewsFormat ebcdic = NewsFormat.LENIENT.toBuilder().charset(Charset.forName("IBM037"))
          .build();
      try (NewsReader r = NewsReader.open(new ByteArrayInputStream(bytes), "e", ebcdic)) {
        assertThat(r.stream().count()).isZero();
        assertThat(r.diagnostics()).isNotEmpty()
            .noneMatch(d -> d.message().contains("byte-order mark"));
      }
    }

    @Test
    void textThatOnlyStartsLikeUtf16IsReadNormally() {
      // a NUL after one printable byte only, or input shorter than four bytes
      byte[] oneNul = {'T', 0, '\n', '\n', 'T', 0, '\n', '\n', 'b', 'o', 'd', 'y'};
      assertThat(strictBytes(oneNul, NewsFormat.DEFAULT)).extracting(Article::title)
          .containsExactly("T\0");
      assertThat(Accounting.check(new byte[] {'T', 0, 'x'}, NewsFormat.LENIENT).diagnostics())
          .singleElement().satisfies(d -> assertThat(d.kind()).isEqualTo(STRAY_LINE));
    }

    @Test
    void lenientReadingGoesOnWithTheNextSourceAfterAForeignByteOrderMark(
        @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
      java.nio.file.Path utf16 = dir.resolve("a.txt");
      // the UTF-16 encoder writes a big-endian byte-order mark first
      java.nio.file.Files.write(utf16, TWO_RECORDS.getBytes(StandardCharsets.UTF_16));
      java.nio.file.Files.writeString(dir.resolve("b.txt"), "C\n\nC\n\nBody c.\n");
      try (NewsReader r = NewsReader.openAll(List.of(dir), NewsFormat.LENIENT)) {
        assertThat(r.stream()).extracting(Article::title).containsExactly("C");
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
          assertThat(d.source()).isEqualTo(utf16.toString());
          assertThat(d.toString()).startsWith(utf16 + ":1:1: input starts with a UTF-16BE");
        });
      }
    }

    @Test
    void bytesThatOnlyLookLikePartOfAMarkAreReadNormally() {
      // FE alone, or FF not followed by FE: ordinary (invalid UTF-8) bytes, reported as before.
      byte[] bytes = {(byte) 0xFF, 'T', '\n', '\n', (byte) 0xFF, 'T', '\n', '\n', 'b'};
      Accounting.Result r = Accounting.check(bytes, NewsFormat.LENIENT);
      assertThat(r.articles()).extracting(Article::title).containsExactly("\uFFFDT");
      assertThat(r.diagnostics()).singleElement().satisfies(d ->
          assertThat(d.message()).contains("invalid UTF-8 byte sequence at byte offset 0"));
      // and a UTF-16/32 charset reads its own marks without complaint
      NewsFormat le = NewsFormat.builder().charset(StandardCharsets.UTF_16LE).build();
      assertThat(strictBytes(("\uFEFF" + TWO_RECORDS).getBytes(StandardCharsets.UTF_16LE), le))
          .extracting(Article::title).containsExactly("A", "B");
    }
  }
}
