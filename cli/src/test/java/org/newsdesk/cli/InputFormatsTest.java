package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsdesk.classifier.TopicClassifier;
import org.newsdesk.testing.Fixtures;

/** The inputs people already have: lines, TSV, OpenNLP doccat, fastText and JSON Lines. */
class InputFormatsTest {

  private static List<JsonNode> parse(String stdin, String... options) throws IOException {
    String[] args = new String[options.length + 4];
    args[0] = "parse";
    args[1] = "--format";
    args[2] = "jsonl";
    System.arraycopy(options, 0, args, 3, options.length);
    args[args.length - 1] = "-";
    Cli.Result r = Cli.runWithStdin(stdin, args);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return ParseCommandTest.jsonLines(r.out());
  }

  @Test
  void aLineOnStandardInputGetsATopic() throws Exception {
    Cli.Result r =
        Cli.runWithStdin("Customs seize counterfeit watches\n", "classify", "--input", "lines", "-");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    String expected =
        TopicClassifier.builtIn().predict("", "Customs seize counterfeit watches").label();
    assertThat(r.outLines()).hasSize(2);
    assertThat(r.outLines().get(1))
        .startsWith("<stdin>:1")
        .contains(expected)
        .endsWith("Customs seize counterfeit watches");
    assertThat(r.summary()).isEqualTo("1 article, 0 diagnostics");
  }

  /** Every format gives the same article: text as body, label as category, source and line. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "lines    | Officers found fake watches.",
        "tsv      | enforcement\tOfficers found fake watches.",
        "doccat   | enforcement Officers found fake watches.",
        "fasttext | __label__enforcement Officers found fake watches.",
        "jsonl    | {\"text\": \"Officers found fake watches.\", \"label\": \"enforcement\"}",
      })
  void everyFormatGivesArticles(String format, String line) throws IOException {
    List<JsonNode> articles = parse("\n" + line + "\r\n", "--input", format);

    assertThat(articles).hasSize(1);
    JsonNode a = articles.get(0);
    assertThat(a.get("source").asText()).isEqualTo("<stdin>");
    assertThat(a.get("line").asLong()).isEqualTo(2); // after a blank line, which is skipped
    assertThat(a.get("title").asText()).isEmpty();
    assertThat(a.get("body").asText()).isEqualTo("Officers found fake watches.");
    if (format.equals("lines")) {
      assertThat(a.get("category").isNull()).isTrue();
    } else {
      assertThat(a.get("category").asText()).isEqualTo("enforcement");
    }
  }

  @Test
  void jsonLinesTakeTitleBodyCategoryAndDateAndReadBackTheCliOutput() throws IOException {
    Cli.Result parsed = Cli.run("parse", "--format", "jsonl", Cli.LABELED.toString());
    List<JsonNode> original = ParseCommandTest.jsonLines(parsed.out());

    List<JsonNode> again = parse(parsed.out(), "--input", "jsonl");

    assertThat(again).hasSameSizeAs(original).hasSize(48);
    for (int i = 0; i < original.size(); i++) {
      for (String field : List.of("title", "body", "date", "category")) {
        assertThat(again.get(i).get(field)).as(field).isEqualTo(original.get(i).get(field));
      }
      assertThat(again.get(i).get("line").asLong()).isEqualTo(i + 1);
    }
  }

  /** A label is stripped in every format: " A", "A " and "A" are one label, as in TSV. */
  @Test
  void labelsAreStrippedInEveryFormat() throws IOException {
    String lines =
        "{\"title\": \"t\", \"body\": \"b1\", \"label\": \" trade \"}\n"
            + "{\"title\": \"t\", \"body\": \"b2\", \"category\": \"trade\\t\"}\n";
    Cli.Result r = Cli.runWithStdin(lines, "parse", "--input", "jsonl", "--format", "jsonl", "-");

    assertThat(ParseCommandTest.jsonLines(r.out()))
        .extracting(n -> n.get("category").asText())
        .containsExactly("trade", "trade");
  }

  @Test
  void fastTextLabelsMayStandAnywhereAndSeveralAreAProblem() throws IOException {
    String text = "watches __label__enforcement seized\n__label__a __label__b two labels\n";
    Cli.Result r = Cli.runWithStdin(text, "parse", "--input", "fasttext", "--format", "jsonl", "-");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<JsonNode> articles = ParseCommandTest.jsonLines(r.out());
    assertThat(articles.get(0).get("body").asText()).isEqualTo("watches seized");
    assertThat(articles.get(0).get("category").asText()).isEqualTo("enforcement");
    // lenient: the first label is kept, and the line is reported
    assertThat(articles.get(1).get("category").asText()).isEqualTo("a");
    assertThat(r.errLines())
        .containsExactly(
            "<stdin>:2: 2 labels [a, b]; Newsdesk assigns one label per text, so only the first,"
                + " 'a', is used",
            "2 articles, 1 diagnostic");

    Cli.Result strict = Cli.runWithStdin(text, "parse", "--strict", "--input", "fasttext", "-");
    assertThat(strict.exitCode()).isEqualTo(1);
    assertThat(strict.errLines().get(0)).startsWith("<stdin>:2: 2 labels");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "tsv      | no tab here           | expected label<TAB>text, found no tab",
        "doccat   | lonely                | expected 'label text...', found only 'lonely'",
        "fasttext | __label__x            | no text besides the labels",
        "jsonl    | {\"title\": \"T\"}    | no text: expected a non-empty \"body\" or \"text\"",
        "jsonl    | {bad                  | not JSON: ",
        "jsonl    | {\"body\": \"b\"} x   | not JSON: ",
        "jsonl    | [1, 2]                | expected a JSON object, found array",
        "jsonl    | {\"body\": 5}         | \"body\" must be a string, found number",
        "jsonl    | {\"body\": \"b\", \"text\": \"t\"} | both \"body\" and \"text\" are given",
      })
  void badLinesAreDiagnosticsNamingSourceAndLine(String format, String bad, String message) {
    String text = "first good\tline\n" + bad + "\n";
    if (!format.equals("tsv")) {
      text =
          switch (format) {
            case "doccat" -> "label good text\n";
            case "fasttext" -> "__label__l good text\n";
            default -> "{\"body\": \"good\"}\n";
          }
              + bad
              + "\n";
    }
    Cli.Result lenient = Cli.runWithStdin(text, "parse", "--input", format, "-");
    Cli.Result strict = Cli.runWithStdin(text, "parse", "--strict", "--input", format, "-");

    assertThat(lenient.exitCode()).as(lenient.toString()).isZero();
    assertThat(lenient.errLines().get(0)).startsWith("<stdin>:2: " + message);
    assertThat(lenient.summary()).isEqualTo("1 article, 1 diagnostic");
    assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(1);
    assertThat(strict.errLines().get(0)).startsWith("<stdin>:2: " + message);
    assertThat(strict.out()).contains("good"); // what came before is still printed
    // the line that stopped the run is counted, as lenient mode counts it
    assertThat(strict.summary()).isEqualTo("1 article, 1 diagnostic");
  }

  @Test
  void aLineLongerThanTheReadBufferIsReadWhole() {
    String text = "label\t" + "word ".repeat(40_000) + "end\nnext\tline\n";
    Cli.Result r = Cli.runWithStdin(text, "parse", "--input", "tsv", "--format", "jsonl", "-");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.outLines()).hasSize(2);
    assertThat(r.outLines().get(0)).contains("word word", "word end\"");
  }

  @Test
  void aTsvLineWithoutTextIsAProblem() {
    Cli.Result r = Cli.runWithStdin("label\t  \n", "parse", "--input", "tsv", "-");

    assertThat(r.errLines()).containsExactly("<stdin>:1: no text after the label", "0 articles, 1 diagnostic");
  }

  @Test
  void theFormatFollowsTheFileExtensionByDefault(@TempDir Path dir) throws IOException {
    Path tsv = Files.writeString(dir.resolve("a.TSV"), "enforcement\tSeized watches.\n");
    Path jsonl = Files.writeString(dir.resolve("b.jsonl"), "{\"text\": \"Port opens.\"}\n");
    Path digest = Fixtures.sample("003_95692ade1897c29a.txt");

    Cli.Result r =
        Cli.run(
            "parse", "--format", "jsonl", tsv.toString(), jsonl.toString(), digest.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<JsonNode> articles = ParseCommandTest.jsonLines(r.out());
    assertThat(articles.get(0).get("category").asText()).isEqualTo("enforcement");
    assertThat(articles.get(1).get("body").asText()).isEqualTo("Port opens.");
    assertThat(articles.get(2).get("source").asText()).endsWith("003_95692ade1897c29a.txt");
    assertThat(articles.get(2).get("title").asText()).isNotEmpty();
  }

  @Test
  void aDirectoryReadInALineFormatGivesItsTxtFiles(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("b.txt"), "second\n");
    Files.writeString(dir.resolve("a.txt"), "first\n");
    Files.writeString(dir.resolve("notes.md"), "not read\n");

    Cli.Result r = Cli.run("parse", "--input", "lines", "--format", "csv", dir.toString());

    assertThat(r.outLines())
        .containsExactly(
            "source,line,title,body,date,category",
            dir.resolve("a.txt") + ",1,,first,,",
            dir.resolve("b.txt") + ",1,,second,,");
  }

  @Test
  void trainAndEvaluateWorkOnTsv(@TempDir Path dir) throws IOException {
    Path model = dir.resolve("fortunes.bin");
    Cli.Result train =
        Cli.run("train", "--out", model.toString(), Fixtures.fortunesTrain().toString());
    Cli.Result evaluate =
        Cli.run("evaluate", "--model", model.toString(), Fixtures.fortunesTest().toString());

    assertThat(train.exitCode()).as(train.toString()).isZero();
    int rows = Fixtures.readTsv(Fixtures.fortunesTrain()).size();
    assertThat(train.summary()).isEqualTo(rows + " articles, 0 diagnostics");
    assertThat(TopicClassifier.load(model).labels()).hasSize(8);
    assertThat(evaluate.exitCode()).as(evaluate.toString()).isZero();
    assertThat(evaluate.out()).contains("accuracy");
    int testRows = Fixtures.readTsv(Fixtures.fortunesTest()).size();
    assertThat(evaluate.summary()).isEqualTo(testRows + " articles, 0 diagnostics");
  }

  @Test
  void badBytesAreReportedAndReplacedAsInDigests() {
    byte[] text = "ok line\nbad \u00ff byte\n".getBytes(StandardCharsets.ISO_8859_1);
    Cli.Result r = Cli.runWithStdin(text, "parse", "--input", "lines", "--format", "csv", "-");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.outLines()).contains("<stdin>,2,,bad \uFFFD byte,,");
    assertThat(r.errLines().get(0))
        .isEqualTo("<stdin>:2: invalid UTF-8 byte sequence at byte column 5; replaced with U+FFFD");
  }

  @Test
  void theCharsetOptionAppliesToLineFormatsToo() {
    byte[] latin = "caf\u00e9 au lait\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] utf16 = "line one\nline two\n".getBytes(Charset.forName("UTF-16"));

    Cli.Result r1 =
        Cli.runWithStdin(latin, "parse", "--input", "lines", "--charset", "ISO-8859-1", "-");
    Cli.Result r2 =
        Cli.runWithStdin(
            utf16, "parse", "--input", "lines", "--charset", "UTF-16", "--format", "csv", "-");

    assertThat(r1.out()).contains("caf\u00e9 au lait");
    assertThat(r2.outLines()).containsExactly(
        "source,line,title,body,date,category", "<stdin>,1,,line one,,", "<stdin>,2,,line two,,");
  }

  /** The review's reproducers: CR line ends, and a charset that can only decode. */
  @Test
  void crLineEndsAndDecodeOnlyCharsetsWorkFromTheCommandLine(@TempDir Path dir)
      throws IOException {
    Path cr = Files.writeString(dir.resolve("cr.tsv"), "a\tfirst text\rb\tsecond text\rc\tthird\r");

    Cli.Result r1 = Cli.run("parse", "--format", "csv", cr.toString());
    Cli.Result r2 =
        Cli.run("parse", "--charset", "x-JISAutoDetect", "--format", "csv", cr.toString());

    for (Cli.Result r : List.of(r1, r2)) {
      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(r.outLines())
          .containsExactly(
              "source,line,title,body,date,category",
              cr + ",1,,first text,,a",
              cr + ",2,,second text,,b",
              cr + ",3,,third,,c");
      assertThat(r.errLines()).containsExactly("3 articles, 0 diagnostics");
    }
  }

  @Test
  void aByteOrderMarkIsSkippedAndLongLinesAreSkippedWithoutHoldingThem() {
    String huge = "x".repeat((1 << 20) + 10);
    String text = "\uFEFFfirst\n" + huge + "\nlast";
    Cli.Result r = Cli.runWithStdin(text, "parse", "--input", "lines", "--format", "csv", "-");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.outLines())
        .containsExactly(
            "source,line,title,body,date,category", "<stdin>,1,,first,,", "<stdin>,3,,last,,");
    assertThat(r.errLines().get(0)).isEqualTo("<stdin>:2: line longer than 1048576 bytes; skipped");
  }
}
