package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DedupeCommandTest {
  private static final String REPEATED =
      "WCO Outlines Plan for Postpandemic Supply Chain Resilience";

  @Test
  void findsTheArticleRepeatedAcrossSampleFiles() throws IOException {
    Cli.Result r = Cli.run("dedupe", "--format", "jsonl", Cli.SAMPLES.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<JsonNode> rows = ParseCommandTest.jsonLines(r.out());
    List<JsonNode> exact =
        rows.stream().filter(n -> n.get("kind").asText().equals("exact")).toList();
    assertThat(exact).hasSize(2);
    assertThat(exact)
        .allSatisfy(
            n -> {
              assertThat(n.get("title").asText()).isEqualTo(REPEATED);
              assertThat(n.get("group").asInt()).isEqualTo(exact.get(0).get("group").asInt());
              assertThat(n.get("score").asDouble()).isEqualTo(1.0);
            });
    assertThat(exact)
        .extracting(n -> n.get("source").asText().replaceAll(".*/", "") + ":" + n.get("line"))
        .containsExactly("000_7ea514dff1875352.txt:13", "001_c1db3e24d400ffe6.txt:51");
    long groups = rows.stream().map(n -> n.get("group").asInt()).distinct().count();
    assertThat(r.errLines())
        .contains(groups + (groups == 1 ? " duplicate group" : " duplicate groups"));
    assertThat(r.summary()).isEqualTo("49 articles, 0 diagnostics");
  }

  @Test
  void theDefaultThresholdPairsTheRewordedPlantHealthArticlesOnly() throws IOException {
    Cli.Result r = Cli.run("dedupe", "--format", "jsonl", Cli.SAMPLES.toString());

    List<JsonNode> near =
        ParseCommandTest.jsonLines(r.out()).stream()
            .filter(n -> n.get("kind").asText().equals("near"))
            .toList();
    assertThat(near)
        .extracting(n -> n.get("title").asText())
        .containsExactly(
            "WCO IPPC Align Trade Facilitation with Plant Health Rules",
            "WCO and IPPC Boost Global Trade with Stricter Plant Health Rules");
    assertThat(near.get(0).get("group")).isEqualTo(near.get(1).get("group"));
    assertThat(near.get(0).get("score").asDouble()).isBetween(0.7, 1.0);
  }

  @Test
  void thresholdAndCompareReachTheFinder() throws IOException {
    Cli.Result strict =
        Cli.run("dedupe", "--threshold", "0.95", "--format", "jsonl", Cli.SAMPLES.toString());
    Cli.Result titles =
        Cli.run(
            "dedupe",
            "--compare",
            "title",
            "--threshold",
            "0.65",
            "--format",
            "jsonl",
            Cli.SAMPLES.toString());

    assertThat(ParseCommandTest.jsonLines(strict.out()))
        .extracting(n -> n.get("kind").asText())
        .containsOnly("exact");
    // Titles alone: the plant-health pair scores about 0.71.
    assertThat(ParseCommandTest.jsonLines(titles.out()))
        .filteredOn(n -> n.get("kind").asText().equals("near"))
        .extracting(n -> n.get("title").asText())
        .contains("WCO IPPC Align Trade Facilitation with Plant Health Rules");
  }

  @Test
  void tableAndCsvShowOneRowPerArticle() {
    Cli.Result table = Cli.run("dedupe", Cli.SAMPLES.toString());
    Cli.Result csv = Cli.run("dedupe", "--format", "csv", Cli.SAMPLES.toString());

    assertThat(table.outLines().get(0)).matches("GROUP +KIND +SCORE +LOCATION +TITLE");
    assertThat(table.outLines())
        .anySatisfy(
            l ->
                assertThat(l)
                    .matches("1 +exact +1\\.000 +.*000_7ea514dff1875352\\.txt:13 +" + REPEATED));
    assertThat(csv.outLines().get(0))
        .isEqualTo("group,kind,score,source,line,title,body,date,category");
    assertThat(csv.outLines()).hasSize(table.outLines().size());
  }

  @Test
  void thresholdOutOfRangeIsAUsageError() {
    assertThat(Cli.run("dedupe", "--threshold", "1.5", Cli.SAMPLES.toString()).exitCode())
        .isEqualTo(2);
    assertThat(Cli.run("dedupe", "--threshold", "0", Cli.SAMPLES.toString()).exitCode())
        .isEqualTo(2);
    assertThat(Cli.run("dedupe", "--compare", "everything", Cli.SAMPLES.toString()).exitCode())
        .isEqualTo(2);
  }

  @Test
  void strictParseFailureIsBadInput() {
    Cli.Result r =
        Cli.runWithStdin("A title\n\nAnother title\n\nBody.\n", "dedupe", "--strict", "-");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines().get(0)).matches("<stdin>:1: .+");
    assertThat(r.summary()).isEqualTo("0 articles, 1 diagnostic");
    assertThat(r.out()).isEmpty();
  }
}
