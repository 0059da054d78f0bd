package org.newsdesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewsWriterTest {

  @TempDir Path dir;

  static final Article PLAIN = Article.of("Title one", "Body one.");
  static final Article DATED = Article.of("Title two", "Body two.")
      .withDate(LocalDate.of(2023, 11, 7)).withCategory("Logistics");

  @Test
  void writesTheCanonicalForm() {
    assertThat(NewsWriter.toString(List.of(PLAIN, DATED, Article.of("T3", "B3")
        .withDate(LocalDate.of(2024, 1, 31)))))
        .isEqualTo("Title one\n\nTitle one\n\nBody one.\n"
            + "\nTitle two\n\nTitle two\n\nBody two.\n\n11/07/2023 Logistics\n"
            + "\nT3\n\nT3\n\nB3\n\n01/31/2024\n");
    assertThat(NewsWriter.toString(List.of())).isEmpty();
  }

  @Test
  void outputReadsBackToTheSameContent() throws IOException {
    Path file = dir.resolve("out.txt");
    try (NewsWriter writer = NewsWriter.open(file)) {
      writer.writeAll(List.of(PLAIN, DATED));
    }
    List<Article> back = NewsReader.readAll(file);
    assertThat(back).hasSize(2);
    assertThat(back.get(0).sameContent(PLAIN)).isTrue();
    assertThat(back.get(1).sameContent(DATED)).isTrue();
    assertThat(back.get(1).line()).isEqualTo(7);
  }

  @Test
  void usesTheFormatsDatePatternAndCharset() throws IOException {
    NewsFormat format = NewsFormat.DEFAULT.toBuilder().datePattern("dd.MM.uuuu")
        .charset(StandardCharsets.ISO_8859_1).build();
    Article a = Article.of("Café", "Crème brûlée.").withDate(LocalDate.of(2023, 11, 7));
    Path file = dir.resolve("latin1.txt");
    try (NewsWriter writer = NewsWriter.open(file, format)) {
      writer.write(a);
    }
    assertThat(Files.readAllBytes(file)).hasSize("Café\n\nCafé\n\nCrème brûlée.\n\n07.11.2023\n"
        .length());
    try (NewsReader reader = format.parse(file)) {
      assertThat(reader.stream().collect(Collectors.toList())).singleElement()
          .satisfies(x -> assertThat(x.sameContent(a)).isTrue());
    }
  }

  @Test
  void rejectsArticlesTheFormatCannotRepresent() throws IOException {
    StringWriter out = new StringWriter();
    NewsWriter writer = NewsWriter.of(out);
    List<Article> bad = List.of(
        Article.of("", "b"),
        Article.of("t", ""),
        Article.of("two\nlines", "b"),
        Article.of("t", "cr\rhere"),
        Article.of(" padded", "b"),
        Article.of("t", "b\t"),
        Article.of("Read More", "b"),
        Article.of("11/07/2023 Logistics", "b"),
        Article.of("t", "12/01/2020"),
        Article.of("\uFEFFbom", "b"),
        Article.of("t", "lone \uD800 surrogate"),
        Article.of("t", "b").withCategory("Logistics"),
        Article.of("t", "b").withDate(LocalDate.of(-5, 1, 1)),
        Article.of("t", "b").withDate(LocalDate.of(2020, 1, 1)).withCategory(" x"));
    for (Article article : bad) {
      assertThatThrownBy(() -> writer.write(article))
          .as(article.toString()).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aTitleMayStartWithUFeffAfterTheStartOfTheOutput() throws IOException {
    Article bom = Article.of("\uFEFFTwo", "Body two.");
    StringWriter out = new StringWriter();
    try (NewsWriter writer = NewsWriter.of(out)) {
      assertThatThrownBy(() -> writer.write(bom)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("first title must not start with U+FEFF");
      writer.write(PLAIN);
      writer.write(bom);
    }
    try (NewsReader reader = NewsReader.ofString(out.toString())) {
      assertThat(reader.stream().map(Article::title)).containsExactly("Title one", "\uFEFFTwo");
    }
  }

  // ---- lines and records the reader would refuse (NewsFormat's limits)

  @Test
  void rejectsABodyLongerThanTheDefaultMaxLineLength() {
    Article huge = Article.of("Title", "x".repeat(NewsFormat.DEFAULT_MAX_LINE_LENGTH + 10));
    assertThatThrownBy(() -> NewsWriter.toString(List.of(huge)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("body is " + (NewsFormat.DEFAULT_MAX_LINE_LENGTH + 10)
            + " bytes, more than maxLineLength " + NewsFormat.DEFAULT_MAX_LINE_LENGTH);
    Article fits = Article.of("Title", "x".repeat(NewsFormat.DEFAULT_MAX_LINE_LENGTH));
    assertThat(RoundTripPropertyTest.parse(NewsWriter.toString(List.of(fits))))
        .singleElement().satisfies(a -> assertThat(a.sameContent(fits)).isTrue());
  }

  @Test
  void rejectsWhatTheFormatsLimitsWouldRefuseAndWritesWhatFits() throws IOException {
    NewsFormat small = NewsFormat.builder().maxLineLength(10).maxRecordLength(16).build();
    StringWriter out = new StringWriter();
    try (NewsWriter writer = NewsWriter.of(out, small)) {
      assertThatThrownBy(() -> writer.write(Article.of("A fairly long title", "body")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("title is 19 bytes, more than maxLineLength 10");
      assertThatThrownBy(() -> writer.write(Article.of("Title 9", "Body body!")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("title and body are 17 bytes together, more than "
              + "maxRecordLength 16");
      assertThatThrownBy(() -> writer.write(Article.of("T", "B")
          .withDate(LocalDate.of(2023, 11, 7)).withCategory("Logistics")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("date line is 20 bytes, more than maxLineLength 10");
      // 10 + 6 = 16 bytes and a 10-byte date line: every limit met exactly
      writer.write(Article.of("Title ten!", "Body 6").withDate(LocalDate.of(2023, 11, 7)));
    }
    try (NewsReader reader = NewsReader.ofString(out.toString(), small)) {
      assertThat(reader.stream().map(Article::title)).containsExactly("Title ten!");
    }
  }

  @Test
  void lengthsAreCountedInTheBytesTheReaderCounts() throws IOException {
    // six e-acute: 6 bytes in ISO-8859-1, 12 in UTF-8 and in the UTF-8 re-encoding that the
    // reader makes of other charsets (windows-1252) and of text
    String title = "\u00e9".repeat(6);
    Article article = Article.of(title, "Body");
    for (Charset charset : List.of(StandardCharsets.ISO_8859_1, StandardCharsets.UTF_8,
        Charset.forName("windows-1252"))) {
      NewsFormat format = NewsFormat.builder().charset(charset).maxLineLength(10).build();
      Path file = Files.write(dir.resolve(charset.name() + ".txt"),
          (title + "\n\n" + title + "\n\nBody\n").getBytes(charset));
      boolean readable = readable(file, format);
      assertThat(readable).as(charset.name()).isEqualTo(charset.equals(
          StandardCharsets.ISO_8859_1));
      try (NewsWriter writer = NewsWriter.open(file, format)) {
        if (readable) {
          writer.write(article);
        } else {
          assertThatThrownBy(() -> writer.write(article)).as(charset.name())
              .hasMessageContaining("title is 12 bytes, more than maxLineLength 10");
        }
      }
      assertThat(readable(file, format)).isTrue();
    }
    NewsFormat format = NewsFormat.builder().charset(StandardCharsets.ISO_8859_1)
        .maxLineLength(10).build();
    assertThatThrownBy(() -> NewsWriter.of(new StringWriter(), format).write(article))
        .hasMessageContaining("title is 12 bytes");
    assertThatThrownBy(() -> NewsReader.ofString(title + "\n\n" + title + "\n\nBody\n",
        format).stream().toList()).isInstanceOf(NewsParseException.class)
        .hasMessageContaining("maxLineLength");
  }

  private static boolean readable(Path file, NewsFormat format) throws IOException {
    try {
      NewsReader.readAll(file, format);
      return true;
    } catch (NewsParseException e) {
      return false;
    }
  }

  @Test
  void rejectsATitleEqualToThePreviousUndatedBody() throws IOException {
    StringWriter out = new StringWriter();
    try (NewsWriter writer = NewsWriter.of(out)) {
      writer.write(Article.of("A", "Same"));
      assertThatThrownBy(() -> writer.write(Article.of("Same", "x")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("previous body");
      writer.write(Article.of("B", "Same").withDate(LocalDate.of(2020, 2, 2)));
      writer.write(Article.of("Same", "x"));
    }
    try (NewsReader reader = NewsReader.ofString(out.toString())) {
      assertThat(reader.stream().map(Article::title)).containsExactly("A", "B", "Same");
    }
  }
  @Test
  void rejectsCharactersTheFilesCharsetCannotEncodeBeforeWritingAnyOfTheArticle()
      throws IOException {
    NewsFormat latin1 = NewsFormat.DEFAULT.toBuilder().charset(StandardCharsets.ISO_8859_1)
        .build();
    Path file = dir.resolve("latin1.txt");
    Article euroTitle = Article.of("Price in \u20ac", "Body.");
    Article euroBody = Article.of("Prices", "Costs rose 5 \u20ac.");
    Article emojiCategory = Article.of("Mood", "Fine.").withDate(LocalDate.of(2024, 3, 1))
        .withCategory("Weather \uD83C\uDF27");
    Article last = Article.of("Caf\u00e9", "Cr\u00e8me.").withDate(LocalDate.of(2024, 3, 2));
    try (NewsWriter writer = NewsWriter.open(file, latin1)) {
      writer.write(PLAIN);
      assertThatThrownBy(() -> writer.write(euroTitle))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("title contains U+20AC '\u20ac' at index 9")
          .hasMessageContaining("ISO-8859-1");
      assertThatThrownBy(() -> writer.write(euroBody))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("body contains U+20AC");
      assertThatThrownBy(() -> writer.write(emojiCategory))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("category contains U+1F327");
      writer.write(last); // still usable
    } // close() must not throw UnmappableCharacterException
    // Nothing of the rejected articles was written: the file is exactly the two others.
    assertThat(Files.readAllBytes(file)).isEqualTo(
        NewsWriter.toString(List.of(PLAIN, last)).getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void rejectsADateLineTheCharsetCannotEncode() throws IOException {
    NewsFormat format = NewsFormat.DEFAULT.toBuilder().charset(StandardCharsets.US_ASCII)
        .datePattern("dd\u00b7MM\u00b7uuuu").build();
    try (NewsWriter writer = NewsWriter.open(dir.resolve("ascii.txt"), format)) {
      assertThatThrownBy(() -> writer.write(PLAIN.withDate(LocalDate.of(2024, 3, 1))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("date line contains U+00B7");
      writer.write(PLAIN);
    }
    // A Writer's encoding is its own business: the same text goes through unchecked.
    StringWriter out = new StringWriter();
    try (NewsWriter writer = NewsWriter.of(out, format)) {
      writer.write(Article.of("Price in \u20ac", "Body."));
    }
    assertThat(out.toString()).startsWith("Price in \u20ac\n");
  }

  // ---- files are replaced all or nothing (AtomicFiles)

  static final String OLD = "Old title\n\nOld title\n\nOld body.\n";

  @Test
  void theFileAppearsWhenTheWriterIsClosed() throws IOException {
    Path file = Files.writeString(dir.resolve("out.txt"), OLD);
    try (NewsWriter writer = NewsWriter.open(file)) {
      writer.write(PLAIN);
      writer.flush();
      assertThat(Files.readString(file)).isEqualTo(OLD);
    }
    assertThat(Files.readString(file)).isEqualTo(NewsWriter.toString(List.of(PLAIN)));
    assertThat(AtomicFilesTest.names(dir)).containsExactly("out.txt");
  }

  @Test
  void aParseErrorWhileCopyingLeavesThePreviousFile() throws IOException {
    Path file = Files.writeString(dir.resolve("out.txt"), OLD);
    String input = "A\n\nA\n\nBody A.\n\nB\n\nB\n\nBody B.\n\nbroken\n\nno repeat\n\nx\n";
    assertThatThrownBy(() -> {
      try (NewsReader in = NewsReader.ofString(input);
          NewsWriter out = NewsWriter.open(file)) {
        out.writeAll(in);
      }
    }).isInstanceOf(NewsParseException.class)
        .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
            .satisfies(s -> assertThat(s).hasMessageStartingWith(file.toString())
                .hasMessageContaining("not written")));
    assertOld(file);
  }

  @Test
  void aRejectedArticleInWriteAllLeavesThePreviousFile() throws IOException {
    Path file = Files.writeString(dir.resolve("out.txt"), OLD);
    NewsWriter writer = NewsWriter.open(file);
    assertThatThrownBy(() -> writer.writeAll(List.of(PLAIN, Article.of("t", "two\nlines"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> writer.write(DATED)).isInstanceOf(IOException.class)
        .hasMessageContaining("an earlier write failed");
    assertThatThrownBy(writer::close).isInstanceOf(IOException.class)
        .hasMessageContaining("not written");
    writer.close(); // a second close does nothing
    assertOld(file);
  }

  @Test
  void aFileThatCannotBeCreatedFailsAtOpenNamingIt() {
    Path file = dir.resolve("missing/out.txt");
    assertThatThrownBy(() -> NewsWriter.open(file))
        .isInstanceOf(IOException.class).hasMessageContaining(file.toString());
  }

  @Test
  void aFileSizeLimitLeavesThePreviousFile() throws Exception {
    Path file = Files.writeString(dir.resolve("big.txt"), OLD);
    ChildProcess.Result result = ChildProcess.underFileSizeLimit(64,
        AtomicWriteChild.class, "writer", file.toString(), "1048576");
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
    assertThat(result.stderr()).contains(file + ": File too large");
    assertOld(file);
  }

  private void assertOld(Path file) throws IOException {
    assertThat(Files.readString(file)).isEqualTo(OLD);
    assertThat(AtomicFilesTest.names(file.getParent()))
        .as("no temporary file remains").containsExactly(file.getFileName().toString());
  }
}
