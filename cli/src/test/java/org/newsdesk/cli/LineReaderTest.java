package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsdesk.core.Article;
import org.newsdesk.core.Diagnostic;
import org.newsdesk.core.NewsFormat;
import org.newsdesk.core.NewsParseException;
import org.newsdesk.core.NewsReader;

/** How {@link LineReader} finds lines, decodes them and reports what it cannot read. */
class LineReaderTest {

  private final List<Diagnostic> diagnostics = new ArrayList<>();

  private NewsFormat format(String charset, boolean strict) {
    return NewsFormat.builder()
        .charset(Charset.forName(charset))
        .strict(strict)
        .onDiagnostic(diagnostics::add)
        .build();
  }

  private List<Article> read(byte[] bytes, InputFormat input, String charset, boolean strict) {
    List<Article> articles = new ArrayList<>();
    try (LineReader r =
        new LineReader(new ByteArrayInputStream(bytes), "in", format(charset, strict), input)) {
      r.forEachRemaining(articles::add);
    }
    return articles;
  }

  private List<Article> read(String text, InputFormat input, String charset) {
    return read(text.getBytes(Charset.forName(charset)), input, charset, false);
  }

  private static List<Long> lines(List<Article> articles) {
    return articles.stream().map(Article::line).toList();
  }

  private static List<String> bodies(List<Article> articles) {
    return articles.stream().map(Article::body).toList();
  }

  // ---- line ends

  /** CR, LF and CRLF each end a line, and CR CR is two (the second line blank), as in digests. */
  @ParameterizedTest
  @ValueSource(strings = {"UTF-8", "ISO-8859-1", "UTF-16", "UTF-16LE", "UTF-32"})
  void crLfAndCrlfEndLines(String charset) {
    String text = "a\tfirst text\rb\tsecond text\r\nc\tthird text\r\rd\tfourth text\ne\tfifth\r";

    List<Article> articles = read(text, InputFormat.TSV, charset);

    assertThat(bodies(articles))
        .containsExactly("first text", "second text", "third text", "fourth text", "fifth");
    assertThat(lines(articles)).containsExactly(1L, 2L, 3L, 5L, 6L);
    assertThat(diagnostics).isEmpty();
  }

  @Test
  void lineNumbersAreTheDigestReadersLineNumbers() {
    String digest = "T1\r\rT1\r\n\r\nBody one.\r\r\n\nT2\n\rT2\r\rBody two.\r";
    List<Long> digestLines = new ArrayList<>();
    NewsReader.ofString(digest).forEach(a -> digestLines.add(a.line()));
    List<Article> lines = read(digest, InputFormat.LINES, "UTF-8");

    assertThat(digestLines).containsExactly(1L, 8L);
    assertThat(lines(lines)).containsExactly(1L, 3L, 5L, 8L, 10L, 12L);
    assertThat(bodies(lines)).containsExactly("T1", "T1", "Body one.", "T2", "T2", "Body two.");
  }

  /** A CRLF split between two reads is still one line end, in the bytes and in decoded text. */
  @ParameterizedTest
  @ValueSource(strings = {"UTF-8", "UTF-16LE"})
  void aCrlfSplitBetweenReadsIsOneLineEnd(String charset) {
    Charset cs = Charset.forName(charset);
    String first = "l\t" + "x".repeat(70_000) + "\r";
    InputStream in =
        new SequenceInputStream(
            new ByteArrayInputStream(first.getBytes(cs)),
            new ByteArrayInputStream("\nm\tnext\r\n".getBytes(cs)));
    List<Article> articles = new ArrayList<>();
    try (LineReader r = new LineReader(in, "in", format(charset, true), InputFormat.TSV)) {
      r.forEachRemaining(articles::add);
    }

    assertThat(lines(articles)).containsExactly(1L, 2L);
    assertThat(articles.get(1).body()).isEqualTo("next");
  }

  @Test
  void jsonLinesWithCrEndsAreRead() {
    List<Article> articles =
        read("{\"body\": \"B1\"}\r{\"body\": \"B2\"}\r", InputFormat.JSONL, "UTF-8");

    assertThat(bodies(articles)).containsExactly("B1", "B2");
    assertThat(diagnostics).isEmpty();
  }

  // ---- charsets

  /** Charsets that can decode but not encode are read through the decoded text. */
  @ParameterizedTest
  @ValueSource(strings = {"x-JISAutoDetect", "ISO-2022-CN"})
  void decodeOnlyCharsetsAreRead(String charset) {
    assertThat(Charset.forName(charset).canEncode()).isFalse();
    byte[] bytes = "a\tfirst\r\nb\tsecond\rc\tthird\n".getBytes(StandardCharsets.US_ASCII);

    List<Article> articles = read(bytes, InputFormat.TSV, charset, true);

    assertThat(bodies(articles)).containsExactly("first", "second", "third");
    assertThat(lines(articles)).containsExactly(1L, 2L, 3L);
  }

  @Test
  void japaneseTextIsDecodedByJisAutoDetect() {
    byte[] bytes = "news\t\u65e5\u672c\u8a9e\n".getBytes(Charset.forName("Shift_JIS"));

    List<Article> articles = read(bytes, InputFormat.TSV, "x-JISAutoDetect", true);

    assertThat(bodies(articles)).containsExactly("\u65e5\u672c\u8a9e");
  }

  /** UTF-16 read as UTF-8 is reported as the digest reader reports it, with its message. */
  @ParameterizedTest
  @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"})
  void aForeignByteOrderMarkIsReportedAsForDigests(String encoding) {
    byte[] bytes = "\uFEFFa\tfirst text\nb\tsecond text\n".getBytes(Charset.forName(encoding));
    List<Diagnostic> digest = new ArrayList<>();
    NewsReader.open(
            new ByteArrayInputStream(bytes),
            "in",
            NewsFormat.builder().strict(false).onDiagnostic(digest::add).build())
        .forEach(a -> { });

    List<Article> articles = read(bytes, InputFormat.TSV, "UTF-8", false);

    assertThat(articles).isEmpty();
    assertThat(digest).hasSize(1);
    assertThat(diagnostics).containsExactlyElementsOf(digest);
    assertThat(diagnostics.get(0).kind()).isEqualTo(Diagnostic.Kind.INVALID_ENCODING);
    assertThat(diagnostics.get(0).message())
        .startsWith("input starts with a " + encoding + " byte-order mark")
        .contains("read it with charset " + encoding.substring(0, 6));
    diagnostics.clear();
    assertThatThrownBy(() -> read(bytes, InputFormat.TSV, "UTF-8", true))
        .isInstanceOf(NewsParseException.class)
        .hasMessageContaining("byte-order mark");
  }

  @Test
  void inputThatStartsLikeAMarkButIsNotOneIsRead() {
    byte[] bytes = {(byte) 0xFE, 'x', '\t', 'y', '\n', 'a', '\t', 'b', '\n'};

    List<Article> articles = read(bytes, InputFormat.TSV, "ISO-8859-1", true);

    assertThat(bodies(articles)).containsExactly("y", "b");
    assertThat(articles.get(0).category()).contains("\u00fex");
  }

  /**
   * A slow producer ({@code tail -f log | newsdesk classify --input lines -}): each line is read as
   * soon as its line break arrives, not when more bytes or the end come; a first line shorter than
   * a byte-order mark too. In every charset: one whose line break takes several bytes is decoded
   * without waiting for more input once a line's characters are there.
   */
  @ParameterizedTest
  @ValueSource(strings = {"UTF-8", "ISO-8859-1", "UTF-16LE", "UTF-16BE", "UTF-32"})
  void eachLineIsReadWhileTheProducerWaits(String charset) throws IOException {
    Pipe pipe = Pipe.open();
    // U+00FE is the byte 0xFE in ISO-8859-1: the start of a UTF-16 mark, then a line break
    String first = charset.equals("ISO-8859-1") ? "\u00fe" : "a";
    try (WritableByteChannel producer = pipe.sink();
        LineReader r =
            new LineReader(
                Channels.newInputStream(pipe.source()),
                "in",
                format(charset, true),
                InputFormat.LINES)) {
      producer.write(ByteBuffer.wrap((first + "\n").getBytes(Charset.forName(charset))));

      Article a = assertTimeoutPreemptively(Duration.ofSeconds(10), r::next);

      assertThat(a.body()).isEqualTo(first);
      producer.write(ByteBuffer.wrap("second\n".getBytes(Charset.forName(charset))));
      assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), r::next).body())
          .isEqualTo("second");
      producer.close();
      assertThat(r.hasNext()).isFalse();
    }
  }

  /**
   * The mark is decided by as few bytes as can decide it, with the result four bytes give, and no
   * byte is lost: every input of up to 6 bytes over the bytes that marks are made of (and two
   * others).
   */
  @Test
  void theMarkIsDecidedByTheFewestBytesThatCan() throws IOException {
    byte[] alphabet = {0, (byte) 0xFE, (byte) 0xFF, '\n', 'x'};
    int checked = 0;
    for (int length = 0; length <= 6; length++) {
      int combinations = (int) Math.pow(alphabet.length, length);
      for (int c = 0; c < combinations; c++) {
        byte[] input = new byte[length];
        for (int i = 0, rest = c; i < length; i++, rest /= alphabet.length) {
          input[i] = alphabet[rest % alphabet.length];
        }
        ByteArrayInputStream in = new ByteArrayInputStream(input);
        byte[] head = new byte[LineReader.MARK_PREFIX];

        int n = LineReader.readMarkHead(in, head);

        byte[] four = Arrays.copyOf(input, Math.min(4, length));
        String what = HexFormat.ofDelimiter(" ").formatHex(input);
        assertThat(LineReader.startsWithUtf16Or32Mark(head, n))
            .as(what)
            .isEqualTo(startsWithMarkAsBefore(four));
        assertThat(n).as(what).isEqualTo(fewestThatDecide(input));
        byte[] again = new byte[length];
        System.arraycopy(head, 0, again, 0, n);
        System.arraycopy(in.readAllBytes(), 0, again, n, length - n);
        assertThat(again).as(what).isEqualTo(input);
        checked++;
      }
    }
    assertThat(checked).isEqualTo(1 + 5 + 25 + 125 + 625 + 3125 + 15625);
  }

  /** The check of up to four bytes read at once, as it was before. */
  private static boolean startsWithMarkAsBefore(byte[] head) {
    int n = head.length;
    int b0 = n > 0 ? head[0] & 0xFF : -1;
    int b1 = n > 1 ? head[1] & 0xFF : -1;
    return (b0 == 0xFF && b1 == 0xFE)
        || (b0 == 0xFE && b1 == 0xFF)
        || (n == 4 && b0 == 0 && b1 == 0 && (head[2] & 0xFF) == 0xFE && (head[3] & 0xFF) == 0xFF);
  }

  /** How many bytes decide: 1 unless the input starts with 0xFF, 0xFE or 0x00. */
  private static int fewestThatDecide(byte[] input) {
    int n = input.length;
    if (n == 0) {
      return 0;
    }
    int b0 = input[0] & 0xFF;
    if (b0 == 0xFF || b0 == 0xFE) {
      return Math.min(2, n); // FF FE and FE FF are whole marks
    }
    if (b0 != 0) {
      return 1;
    }
    if (n == 1 || input[1] != 0) {
      return Math.min(2, n);
    }
    if (n == 2 || (input[2] & 0xFF) != 0xFE) {
      return Math.min(3, n);
    }
    return Math.min(4, n); // 00 00 FE and a fourth byte
  }

  @Test
  void invalidUtf16IsAProblemAtItsLine() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("a\tgood\nb\tbad ".getBytes(StandardCharsets.UTF_16LE));
    out.writeBytes(new byte[] {0x00, (byte) 0xD8}); // an unpaired high surrogate
    out.writeBytes("\nc\tlast\n".getBytes(StandardCharsets.UTF_16LE));
    byte[] bytes = out.toByteArray();

    List<Article> articles = read(bytes, InputFormat.TSV, "UTF-16LE", false);

    assertThat(bodies(articles)).containsExactly("good", "bad \uFFFD", "last");
    assertThat(diagnostics).hasSize(1);
    Diagnostic d = diagnostics.get(0);
    assertThat(d.line()).isEqualTo(2);
    assertThat(d.column()).isEqualTo(7);
    assertThat(d.kind()).isEqualTo(Diagnostic.Kind.INVALID_ENCODING);
    assertThat(d.message())
        .isEqualTo("input that is not valid UTF-16LE at column 7; replaced with U+FFFD");
    assertThatThrownBy(() -> read(bytes, InputFormat.TSV, "UTF-16LE", true))
        .isInstanceOf(NewsParseException.class)
        .satisfies(e -> assertThat(((NewsParseException) e).line()).isEqualTo(2))
        .hasMessageContaining("input that is not valid UTF-16LE at column 7")
        .hasMessageNotContaining("replaced");
  }

  @Test
  void aLongLineInDecodedTextIsSkipped() {
    NewsFormat small =
        NewsFormat.builder()
            .charset(StandardCharsets.UTF_16)
            .strict(false)
            .maxLineLength(10)
            .onDiagnostic(diagnostics::add)
            .build();
    byte[] bytes = "a\tshort\rb\tmuch too long\rc\tend".getBytes(StandardCharsets.UTF_16);
    List<Article> articles = new ArrayList<>();
    try (LineReader r =
        new LineReader(new ByteArrayInputStream(bytes), "in", small, InputFormat.TSV)) {
      r.forEachRemaining(articles::add);
    }

    assertThat(bodies(articles)).containsExactly("short", "end");
    assertThat(lines(articles)).containsExactly(1L, 3L);
    assertThat(diagnostics).extracting(Diagnostic::line).containsExactly(2L);
  }

  // ---- JSON Lines

  @Test
  void aBadDateLeavesTheDateOutAndKeepsTheRecord() {
    String line = "{\"body\":\"Body.\",\"title\":\"T\",\"date\":\"2024-13-45\",\"category\":\"sports\"}";

    List<Article> articles = read(line + "\n", InputFormat.JSONL, "UTF-8");

    assertThat(articles).hasSize(1);
    Article a = articles.get(0);
    assertThat(a.title()).isEqualTo("T");
    assertThat(a.date()).isEmpty();
    assertThat(a.category()).contains("sports");
    assertThat(diagnostics).hasSize(1);
    assertThat(diagnostics.get(0).kind()).isEqualTo(Diagnostic.Kind.INVALID_DATE);
    assertThat(diagnostics.get(0).message())
        .startsWith("invalid date '2024-13-45': ")
        .endsWith("; date left out");
    diagnostics.clear();
    assertThatThrownBy(
            () -> read((line + "\n").getBytes(StandardCharsets.UTF_8), InputFormat.JSONL, "UTF-8",
                true))
        .isInstanceOf(NewsParseException.class)
        .hasMessageContaining("invalid date");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-01-05",
        "2024-01-05T10:00:00Z",
        "2024-01-05T23:30:00-05:00",
        "2024-01-05T10:00",
        "2024-01-05T10:00:00.123+01:00[Europe/Paris]"
      })
  void isoDatesAndTheDatesOfIsoDateTimesAreRead(String date) {
    List<Article> articles =
        read("{\"body\": \"B\", \"date\": \"" + date + "\"}\n", InputFormat.JSONL, "UTF-8");

    assertThat(articles).extracting(Article::date).containsExactly(
        Optional.of(LocalDate.of(2024, 1, 5)));
    assertThat(diagnostics).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"category", "label", "title", "body"})
  void aStringWithAnUnpairedSurrogateIsAProblem(String field) {
    String json =
        field.equals("body")
            ? "{\"body\": \"a\\ud800\"}"
            : "{\"body\": \"B\", \"" + field + "\": \"a\\ud800\"}";

    List<Article> articles = read(json + "\n{\"body\": \"ok\"}\n", InputFormat.JSONL, "UTF-8");

    assertThat(bodies(articles)).containsExactly("ok");
    assertThat(diagnostics).hasSize(1);
    assertThat(diagnostics.get(0).kind()).isEqualTo(Diagnostic.Kind.INVALID_ENCODING);
    assertThat(diagnostics.get(0).message())
        .isEqualTo("\"" + field + "\" has an unpaired surrogate U+D800 at character 2, which is not text");
  }

  @Test
  void surrogatePairsAreText() {
    List<Article> articles =
        read("{\"body\": \"B\", \"label\": \"\\ud83d\\ude00\"}\n", InputFormat.JSONL, "UTF-8");

    assertThat(articles.get(0).category()).contains("\ud83d\ude00");
    assertThat(diagnostics).isEmpty();
  }

  // ---- messages

  @Test
  void messagesQuoteAShortExcerptOfAHugeLine() {
    String token = "x".repeat(1_000_000);
    String labels = "__label__" + "y".repeat(1_000_000) + " __label__z text";
    String json = "{\"body\": \"B\", \"date\": \"" + token + "\"}";

    List<Article> articles =
        read(token + "\n", InputFormat.DOCCAT, "UTF-8");
    articles.addAll(read(labels + "\n", InputFormat.FASTTEXT, "UTF-8"));
    articles.addAll(read(json + "\n", InputFormat.JSONL, "UTF-8"));

    assertThat(diagnostics).hasSize(3);
    assertThat(diagnostics).allSatisfy(d -> assertThat(d.message()).hasSizeLessThan(300));
    assertThat(diagnostics.get(0).message()).startsWith("expected 'label text...', found only 'xxx");
    assertThat(articles).hasSize(2); // fastText keeps the first label, JSON the record
  }

  /** A read error names the input it happened in: the operating system's message does not. */
  @Test
  void aReadErrorNamesTheInput() {
    InputStream broken =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("Input/output error");
          }
        };
    InputStream failing =
        new SequenceInputStream(
            new ByteArrayInputStream("first line\n".getBytes(StandardCharsets.UTF_8)), broken);
    try (LineReader r = new LineReader(failing, "feed.txt", format("UTF-8", true), InputFormat.LINES)) {
      assertThat(r.next().body()).isEqualTo("first line");
      assertThatThrownBy(r::hasNext)
          .isInstanceOf(UncheckedIOException.class)
          .cause()
          .hasMessage("feed.txt: Input/output error");
    }
  }
}
