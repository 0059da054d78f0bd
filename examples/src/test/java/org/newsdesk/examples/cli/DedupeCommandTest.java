package org.newsdesk.examples.cli;

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
    assertThat(exact).allSatisfy(n -> {
      assertThat(n.get("title").asText()).isEqualTo(REPEATED);
      assertThat(n.get("group").asInt()).isEqualTo(exact.get(0).get("group").asInt());
      assertThat(n.get("score").asDouble()).isEqualTo(1.0);
    });
    assertThat(exact)
        .extracting(n -> n.get("source").asText().replaceAll(".*/", "") + ":" + n.get("line"))
        .containsExactly("000_7ea514dff1875352.txt:13", "001_c1db3e24d400ffe6.txt:51");
    long groups = rows.stream().map(n -> n.get("group").asInt()).distinct().count();
    assertThat(r.errLines()).contains(groups + (groups == 1 ? " duplicate group" : " duplicate groups"));
    assertThat(r.summary()).isEqualTo("49 articles, 0 diagnostics");
  }

  @Test
  void aLowerThresholdAlsoPairsTheRewordedPlantHealthArticles() throws IOException {
    Cli.Result r =
        Cli.run("dedupe", "--threshold", "0.3", "--format", "jsonl", Cli.SAMPLES.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<JsonNode> rows = ParseCommandTest.jsonLines(r.out());
    JsonNode a = find(rows, "WCO IPPC Align Trade Facilitation with Plant Health Rules");
    JsonNode b = find(rows, "WCO and IPPC Boost Global Trade with Stricter Plant Health Rules");
    assertThat(a.get("group")).isEqualTo(b.get("group"));
    assertThat(a.get("kind").asText()).isEqualTo("near");
  }

  @Test
  void tableAndCsvShowOneRowPerArticle() {
    Cli.Result table = Cli.run("dedupe", Cli.SAMPLES.toString());
    Cli.Result csv = Cli.run("dedupe", "--format", "csv", Cli.SAMPLES.toString());

    assertThat(table.outLines().get(0)).matches("GROUP +KIND +SCORE +LOCATION +TITLE");
    assertThat(table.outLines()).anySatisfy(l -> assertThat(l).matches(
        "1 +exact +1\\.000 +.*000_7ea514dff1875352\\.txt:13 +" + REPEATED));
    assertThat(csv.outLines().get(0))
        .isEqualTo("group,kind,score,source,line,title,body,date,category");
    assertThat(csv.outLines()).hasSize(table.outLines().size());
  }

  @Test
  void thresholdOutOfRangeIsAUsageError() {
    assertThat(Cli.run("dedupe", "--threshold", "1.5", Cli.SAMPLES.toString()).exitCode())
        .isEqualTo(2);
    assertThat(Cli.run("dedupe", "--threshold", "-0.1", Cli.SAMPLES.toString()).exitCode())
        .isEqualTo(2);
  }

  private static JsonNode find(List<JsonNode> rows, String title) {
    return rows.stream()
        .filter(n -> n.get("title").asText().equals(title))
        .findFirst()
        .orElseThrow(() -> new AssertionError("not in any group: " + title));
  }
}
