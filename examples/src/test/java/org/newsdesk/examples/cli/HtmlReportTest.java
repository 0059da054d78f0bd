package org.newsdesk.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  private static final List<String> LABELS = List.of("alpha", "b<&>eta");

  private static String render() {
    return HtmlReport.render(
        "Report <title>",
        "3 articles & more",
        2.0 / 3,
        0.5,
        List.of(
            new HtmlReport.LabelRow("alpha", 1.0, 0.5, 0.667, 2),
            new HtmlReport.LabelRow("b<&>eta", 0.5, 1.0, 0.333, 1)),
        LABELS,
        new long[][] {{1, 1}, {0, 1}});
  }

  @Test
  void isOneSelfContainedPageWithoutAnythingFetchedFromTheNetwork() {
    String html = render();

    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    assertThat(html).doesNotContainIgnoringCase("http");
    assertThat(html).doesNotContain("<script", "<link", "src=", "@import", "url(");
    assertThat(html).contains("<style>");
  }

  @Test
  void drawsTheConfusionMatrixAsAHeatMapAndF1AsBars() {
    String html = render();

    assertThat(html).containsOnlyOnce("aria-label=\"confusion matrix\"");
    assertThat(html).containsOnlyOnce("aria-label=\"F1 per label\"");
    // One cell per (true, predicted) pair, with the count and a tooltip.
    assertThat(html).contains("<title>true alpha, predicted alpha: 1 (50% of row)</title>");
    assertThat(html).contains("<title>true b&lt;&amp;&gt;eta, predicted b&lt;&amp;&gt;eta: 1 (100% of row)</title>");
    assertThat(html).contains("fill=\"" + HtmlReport.color(1.0, true) + "\"");
    assertThat(html).contains("fill=\"" + HtmlReport.color(0.5, false) + "\"");
    // F1 bars: bar length proportional to F1 (360 px for 1.0).
    assertThat(html).contains("width=\"240\" height=\"18\"", "width=\"120\" height=\"18\"");
    assertThat(html).contains("<b>0.667</b>", "<b>0.500</b>", "<b>3</b>");
  }

  @Test
  void escapesEveryLabelAndTitle() {
    String html = render();

    assertThat(html).doesNotContain("b<&>eta", "<title>Report <title>");
    assertThat(html).contains("<title>Report &lt;title&gt;</title>", "3 articles &amp; more");
  }

  @Test
  void heatColoursGoFromWhiteToBlueForHitsAndOrangeForErrors() {
    assertThat(HtmlReport.color(0, true)).isEqualTo("#ffffff");
    assertThat(HtmlReport.color(0, false)).isEqualTo("#ffffff");
    assertThat(HtmlReport.color(1, true)).isEqualTo("#2166ac");
    assertThat(HtmlReport.color(1, false)).isEqualTo("#d95f0e");
  }
}
