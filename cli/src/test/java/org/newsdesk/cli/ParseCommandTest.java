package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LOGISTICS_TITLE =
      "Breaking Barriers: How Southwest China’s Rail-Port Summit is Revolutionizing Regional";

  static List<JsonNode> jsonLines(String out) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : out.lines().toList()) {
      nodes.add(JSON.readTree(line));
    }
    return nodes;
  }

  @Test
  void tableListsEverySampleArticleAndClosesWithTheSummary() {
    Cli.Result r = Cli.run("parse", Cli.SAMPLES.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<String> lines = r.outLines();
    assertThat(lines.get(0)).startsWith("LOCATION").contains("DATE", "CATEGORY", "TITLE");
    assertThat(lines).hasSize(1 + 49);
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .contains("001_c1db3e24d400ffe6.txt:7", "2023-11-07", "Logistics")
                    .endsWith(LOGISTICS_TITLE));
    // Columns line up: every row has its title where the header's TITLE starts.
    int titleColumn = lines.get(0).indexOf("TITLE");
    assertThat(lines.subList(1, lines.size()))
        .allSatisfy(l -> assertThat(l.charAt(titleColumn - 1)).isEqualTo(' '));
    assertThat(r.summary()).isEqualTo("49 articles, 0 diagnostics");
  }

  @Test
  void jsonLinesHaveExactlyTheDocumentedFields() throws IOException {
    Cli.Result r = Cli.run("parse", "--format", "jsonl", Cli.SAMPLES.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<JsonNode> articles = jsonLines(r.out());
    assertThat(articles).hasSize(49);
    for (JsonNode a : articles) {
      List<String> fields = new ArrayList<>();
      a.fieldNames().forEachRemaining(fields::add);
      assertThat(fields).containsExactly("source", "line", "title", "body", "date", "category");
      assertThat(a.get("line").isIntegralNumber()).isTrue();
    }
    List<JsonNode> dated = articles.stream().filter(a -> !a.get("date").isNull()).toList();
    assertThat(dated).hasSize(1);
    assertThat(dated.get(0).get("date").asText()).isEqualTo("2023-11-07");
    assertThat(dated.get(0).get("category").asText()).isEqualTo("Logistics");
    assertThat(dated.get(0).get("title").asText()).isEqualTo(LOGISTICS_TITLE);
    assertThat(dated.get(0).get("line").asLong()).isEqualTo(7);
    assertThat(dated.get(0).get("source").asText()).endsWith("001_c1db3e24d400ffe6.txt");
    assertThat(articles.stream().filter(a -> a.get("category").isNull())).hasSize(48);
  }

  @Test
  void directoriesAreReadInSortedOrder() throws IOException {
    Cli.Result r = Cli.run("parse", "--format", "jsonl", Cli.SAMPLES.toString());

    List<String> sources =
        jsonLines(r.out()).stream().map(a -> a.get("source").asText()).distinct().toList();
    assertThat(sources).hasSize(5).isSorted();
    assertThat(sources.get(0)).endsWith("000_7ea514dff1875352.txt");
  }

  @Test
  void csvHasAHeaderAndQuotesFieldsThatNeedIt() {
    Cli.Result r = Cli.run("parse", "--format", "csv", Cli.SAMPLES.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<String> lines = r.outLines();
    assertThat(lines.get(0)).isEqualTo("source,line,title,body,date,category");
    assertThat(lines).hasSize(1 + 49);
    // Bodies contain commas, so they are quoted; the dated row ends with its date and category.
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .contains(",7,Breaking Barriers: How Southwest China’s Rail-Port Summit"));
    assertThat(lines).anySatisfy(l -> assertThat(l).endsWith("\",2023-11-07,Logistics"));
    assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l).contains(".txt,"));
  }

  @Test
  void dashReadsStandardInput() throws IOException {
    String text =
        "First headline\n\nFirst headline\n\nThe body.\n\n"
            + "Second headline\n\nSecond headline\n\nAnother body, with a comma.\n";
    Cli.Result r = Cli.runWithStdin(text, "parse", "--format", "jsonl", "-");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<JsonNode> articles = jsonLines(r.out());
    assertThat(articles).extracting(a -> a.get("source").asText()).containsOnly("<stdin>");
    assertThat(articles).extracting(a -> a.get("line").asLong()).containsExactly(1L, 7L);
    assertThat(articles.get(1).get("body").asText()).isEqualTo("Another body, with a comma.");
    assertThat(r.summary()).isEqualTo("2 articles, 0 diagnostics");
  }

  @Test
  void filesAndStdinMixInArgumentOrder() throws IOException {
    Path file = Cli.SAMPLES.resolve("003_95692ade1897c29a.txt");
    Cli.Result r =
        Cli.runWithStdin(
            "Stdin title\n\nStdin title\n\nStdin body.\n",
            "parse",
            "--format",
            "jsonl",
            "-",
            file.toString());

    List<JsonNode> articles = jsonLines(r.out());
    assertThat(articles.get(0).get("source").asText()).isEqualTo("<stdin>");
    assertThat(articles.get(1).get("source").asText()).endsWith("003_95692ade1897c29a.txt");
  }

  @Test
  void datePatternChangesHowMetadataDatesAreRead() throws IOException {
    Cli.Result r =
        Cli.run(
            "parse",
            "--format",
            "jsonl",
            "--date-pattern",
            "dd/MM/yyyy",
            Cli.SAMPLES.resolve("001_c1db3e24d400ffe6.txt").toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(jsonLines(r.out()))
        .filteredOn(a -> !a.get("date").isNull())
        .extracting(a -> a.get("date").asText())
        .containsExactly("2023-07-11");
  }

  @Test
  void lenientByDefaultReportsDiagnosticsAsSourceLineMessage() throws IOException {
    String text =
        "Good title\n\nGood title\n\nGood body.\n\n"
            + "Broken title\n\nA different title\n\nBody.\n\n"
            + "Last title\n\nLast title\n\nLast body.\n";
    Cli.Result r = Cli.runWithStdin(text, "parse", "--format", "jsonl", "-");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(jsonLines(r.out()))
        .extracting(a -> a.get("title").asText())
        .contains("Good title", "Last title");
    List<String> diagnostics = r.errLines().subList(0, r.errLines().size() - 1);
    assertThat(diagnostics).isNotEmpty().allMatch(l -> l.matches("<stdin>:\\d+: .+"));
    assertThat(r.summary()).matches("\\d+ articles, " + diagnostics.size() + " diagnostics?");
  }

  @Test
  void strictStopsAtTheFirstProblemWithExitCode1AndTheSummaryCountsIt() {
    String text =
        "Good title\n\nGood title\n\nGood body.\n\n"
            + "Broken title\n\nA different title\n\nBody.\n";
    Cli.Result r = Cli.runWithStdin(text, "parse", "--strict", "-");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    // the diagnostic, said once (as the error), then the summary, which counts it
    assertThat(r.errLines()).hasSize(2);
    assertThat(r.errLines().get(0)).matches("<stdin>:7: .+");
    assertThat(r.summary()).isEqualTo("1 article, 1 diagnostic");
    // What was read before the failure is still printed.
    assertThat(r.out()).contains("Good title");
  }

  @Test
  void missingFileIsBadInput(@TempDir Path dir) {
    Path missing = dir.resolve("nope.txt");
    Cli.Result r = Cli.run("parse", missing.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains(missing + ": no such file or directory");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void emptyDirectoryGivesNoArticles(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("sub"));
    Cli.Result r = Cli.run("parse", "--format", "jsonl", dir.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.summary()).isEqualTo("0 articles, 0 diagnostics");
  }

  @Test
  void usageErrorsExitWith2() {
    assertThat(Cli.run("parse").exitCode()).isEqualTo(2); // no PATH
    assertThat(Cli.run("parse", "--format", "xml", "x.txt").exitCode()).isEqualTo(2);
    assertThat(Cli.run("parse", "--bogus", "x.txt").exitCode()).isEqualTo(2);
    Cli.Result badPattern =
        Cli.run("parse", "--date-pattern", "MM/dd/yyyy{", Cli.SAMPLES.toString());
    assertThat(badPattern.exitCode()).as(badPattern.toString()).isEqualTo(2);
    assertThat(badPattern.err()).contains("--date-pattern");
    assertThat(Cli.run().exitCode()).isEqualTo(2); // no subcommand
    assertThat(Cli.run("frobnicate").exitCode()).isEqualTo(2);
  }

  @Test
  void formatNamesAreCaseInsensitive() {
    assertThat(Cli.run("parse", "--format", "JSONL", Cli.SAMPLES.toString()).exitCode()).isZero();
  }
}
