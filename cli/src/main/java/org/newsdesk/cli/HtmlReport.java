package org.newsdesk.cli;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.newsdesk.classifier.Evaluation;
import org.newsdesk.classifier.Evaluation.LabelMetrics;
import org.newsdesk.classifier.TopicClassifier;

/**
 * A self-contained HTML evaluation report: inline CSS and SVG, no scripts, fonts or anything else
 * fetched from the network, so it opens the same offline, attached to a mail or archived by CI.
 */
final class HtmlReport {
  private HtmlReport() {}

  private static final int CELL = 44;

  /** Renders the page for an evaluation, without a model section. */
  static String render(Evaluation evaluation, String title, String subtitle) {
    return render(evaluation, title, subtitle, null, false);
  }

  /**
   * Renders the page for an evaluation of {@code model} (may be null: no model section, no
   * overlap check), described as {@link ModelFacts} does; {@code misclassified} adds the table of
   * wrong predictions.
   */
  static String render(
      Evaluation evaluation,
      String title,
      String subtitle,
      TopicClassifier model,
      boolean misclassified) {
    List<String> labels = evaluation.labels();
    List<LabelMetrics> rows = evaluation.perLabel();
    int[][] confusion = evaluation.confusionMatrix();
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(text(title))
        .append("</title>\n<style>\n")
        .append("body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;")
        .append("margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1d2330}\n")
        .append("h1{font-size:1.6rem;margin-bottom:.2rem}.sub{color:#667;margin-top:0}\n")
        .append(".kpis{display:flex;gap:1rem;margin:1.5rem 0}")
        .append(".kpi{border:1px solid #dde;border-radius:8px;padding:.8rem 1.2rem}")
        .append(".kpi b{display:block;font-size:1.8rem}\n")
        .append("table{border-collapse:collapse;margin:1rem 0}")
        .append("th,td{padding:.3rem .8rem;border-bottom:1px solid #e4e4ea;text-align:right}")
        .append("th:first-child,td:first-child{text-align:left}\n")
        .append("table.facts th{text-align:left;vertical-align:top;font-weight:600}")
        .append("table.facts td{text-align:left;overflow-wrap:anywhere}\n")
        .append(".warn{border:2px solid #c0392b;background:#fdecea;color:#7b1d12;")
        .append("border-radius:8px;padding:.8rem 1.2rem;margin:1rem 0;font-weight:600}\n")
        .append(".note{border:1px solid #dde;background:#f6f7fb;border-radius:8px;")
        .append("padding:.6rem 1.2rem;margin:1rem 0}\n")
        .append("tr.avg td{font-weight:600;border-top:2px solid #c8c8d4}\n")
        .append("table.wrong td{text-align:left}table.wrong td.n{text-align:right}\n")
        .append("svg text{font:12px system-ui,sans-serif;fill:#1d2330}")
        .append("svg text.in{fill:#fff}\n")
        .append("</style>\n</head>\n<body>\n");
    h.append("<h1>")
        .append(text(title))
        .append("</h1>\n")
        .append("<p class=\"sub\">")
        .append(text(subtitle))
        .append("</p>\n");
    if (model != null) {
      TrainingOverlap overlap = TrainingOverlap.of(model, evaluation);
      overlap
          .warning()
          .ifPresent(
              w ->
                  h.append("<p class=\"warn\" role=\"alert\">Warning: ")
                      .append(text(w))
                      .append(".</p>\n"));
      if (!overlap.checked()) {
        h.append("<p class=\"note\">Training data: ")
            .append(text(ModelFacts.NO_PROVENANCE))
            .append(".</p>\n");
      }
    }
    evaluation
        .labelsNotPredicted()
        .forEach(
            (label, n) ->
                h.append("<p class=\"warn\">Label ")
                    .append(text(label))
                    .append(" (")
                    .append(n)
                    .append(n == 1 ? " example" : " examples")
                    .append(") is not one the model predicts: its examples can only be"
                        + " wrong.</p>\n"));
    h.append("<div class=\"kpis\">")
        .append(kpi("accuracy", evaluation.accuracy()))
        .append(kpi("top-2 accuracy", evaluation.topKAccuracy(2)))
        .append(kpi("top-3 accuracy", evaluation.topKAccuracy(3)))
        .append(kpi("macro-F1", evaluation.macroF1()))
        .append(kpi("weighted F1", evaluation.weightedF1()))
        .append("<div class=\"kpi\">examples<b>")
        .append(evaluation.total())
        .append("</b></div>")
        .append("</div>\n");
    h.append("<h2>Confusion matrix</h2>\n<p>Rows are the true labels, columns the predicted ones;")
        .append(" blue cells are correct, orange cells errors, darker means a larger share of the")
        .append(" row.</p>\n");
    // the labels the text's matrix shows too
    Set<String> busiest = new HashSet<>(evaluation.matrixLabels());
    int[] shown =
        IntStream.range(0, labels.size()).filter(i -> busiest.contains(labels.get(i))).toArray();
    if (shown.length < labels.size()) {
      h.append("<p class=\"note\">The matrix shows ")
          .append(shown.length)
          .append(" of ")
          .append(labels.size())
          .append(" labels, those in the most examples (true or predicted);")
          .append(" <code>newsdesk evaluate --format json</code> has the whole matrix.</p>\n");
    }
    heatMap(h, labels, confusion, shown);
    h.append("<h2>F1 per label</h2>\n");
    f1Bars(h, rows);
    h.append("<h2>Per-label figures</h2>\n<table>\n<tr><th>label</th><th>precision</th>")
        .append("<th>recall</th><th>F1</th><th>support</th></tr>\n");
    for (LabelMetrics r : rows) {
      figuresRow(h, "", r.label(), r.precision(), r.recall(), r.f1(), r.support());
    }
    figuresRow(
        h,
        " class=\"avg\"",
        "macro avg",
        evaluation.macroPrecision(),
        evaluation.macroRecall(),
        evaluation.macroF1(),
        evaluation.total());
    figuresRow(
        h,
        " class=\"avg\"",
        "weighted avg",
        evaluation.weightedPrecision(),
        evaluation.weightedRecall(),
        evaluation.weightedF1(),
        evaluation.total());
    h.append("</table>\n");
    if (misclassified) {
      misclassified(h, evaluation.misclassified());
    }
    if (model != null) {
      modelFacts(h, model);
    }
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  private static void figuresRow(
      StringBuilder h, String attributes, String label, double p, double r, double f1, int n) {
    h.append("<tr")
        .append(attributes)
        .append("><td>")
        .append(text(label))
        .append("</td><td>")
        .append(fmt(p))
        .append("</td><td>")
        .append(fmt(r))
        .append("</td><td>")
        .append(fmt(f1))
        .append("</td><td>")
        .append(n)
        .append("</td></tr>\n");
  }

  /** The wrong predictions, as {@code evaluate --misclassified} lists them. */
  private static void misclassified(StringBuilder h, List<Evaluation.Misclassified> wrong) {
    h.append("<h2>Misclassified (").append(wrong.size()).append(")</h2>\n");
    if (wrong.isEmpty()) {
      h.append("<p>Every example was predicted correctly.</p>\n");
      return;
    }
    h.append("<table class=\"wrong\">\n<tr><th>source</th><th>true</th><th>predicted</th>")
        .append("<th>score</th><th>title</th></tr>\n");
    for (Evaluation.Misclassified m : wrong) {
      h.append("<tr><td>")
          .append(text(m.source().isEmpty() ? "#" + (m.index() + 1) : m.source()))
          .append("</td><td>")
          .append(text(m.label()))
          .append("</td><td>")
          .append(text(m.predicted()))
          .append("</td><td class=\"n\">")
          .append(fmt(m.score()))
          .append("</td><td>")
          .append(text(m.title()))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  /** How the model was made: the facts {@code newsdesk info} prints. */
  private static void modelFacts(StringBuilder h, TopicClassifier model) {
    h.append("<h2>Model</h2>\n<table class=\"facts\">\n");
    for (ModelFacts.Fact fact : ModelFacts.of(model)) {
      String value = fact.value();
      if (fact.name().equals("labels") && !ModelFacts.perLabel(model).isEmpty()) {
        StringBuilder perLabel = new StringBuilder(value).append(": ");
        ModelFacts.perLabel(model)
            .forEach((label, n) -> perLabel.append(label).append(" (").append(n).append("), "));
        value = perLabel.substring(0, perLabel.length() - 2);
      }
      h.append("<tr><th>")
          .append(text(fact.name()))
          .append("</th><td>")
          .append(text(value))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static String kpi(String name, double value) {
    return "<div class=\"kpi\">" + name + "<b>" + fmt(value) + "</b></div>";
  }

  /**
   * The text of data (labels, titles, model facts) for the page: control and bidi characters
   * escaped as the CLI's tables show them, so that they can neither break the HTML nor drive a
   * terminal that prints the file, then HTML-escaped.
   */
  static String text(String data) {
    return escapeHtml4(Messages.escape(data));
  }

  private static void heatMap(StringBuilder h, List<String> all, int[][] m, int[] shown) {
    List<String> labels = IntStream.of(shown).mapToObj(all::get).toList();
    int n = labels.size();
    int labelPx = 7 * labels.stream().mapToInt(l -> Messages.escape(l).length()).max().orElse(4);
    int left = labelPx + 8;
    // Column labels are rotated 45 degrees: they rise and reach right by about 0.71 of their
    // length.
    int top = labelPx * 3 / 4 + 24;
    int width = left + n * CELL + labelPx * 3 / 4;
    int height = top + n * CELL + 10;
    h.append(
        String.format(
            Locale.ROOT,
            "<svg role=\"img\" aria-label=\"confusion matrix\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\">\n",
            width,
            height,
            width,
            height));
    for (int j = 0; j < n; j++) {
      int x = left + j * CELL + CELL / 2;
      h.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" transform=\"rotate(-45 %d %d)\">%s</text>\n",
              x,
              top - 6,
              x,
              top - 6,
              text(labels.get(j))));
    }
    for (int i = 0; i < n; i++) {
      // the share is of the whole row, labels not shown included
      int[] row = m[shown[i]];
      long rowTotal = 0;
      for (int v : row) {
        rowTotal += v;
      }
      int y = top + i * CELL;
      h.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n",
              left - 6,
              y + CELL / 2 + 4,
              text(labels.get(i))));
      for (int j = 0; j < n; j++) {
        int count = row[shown[j]];
        double share = rowTotal == 0 ? 0 : (double) count / rowTotal;
        int x = left + j * CELL;
        h.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"#e4e4ea\">"
                    + "<title>true %s, predicted %s: %d (%.0f%% of row)</title></rect>\n",
                x,
                y,
                CELL,
                CELL,
                color(share, i == j),
                text(labels.get(i)),
                text(labels.get(j)),
                count,
                share * 100));
        if (count != 0) {
          h.append(
              String.format(
                  Locale.ROOT,
                  "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\"%s>%d</text>\n",
                  x + CELL / 2,
                  y + CELL / 2 + 4,
                  share > 0.5 ? " class=\"in\"" : "",
                  count));
        }
      }
    }
    h.append("</svg>\n");
  }

  /** White to blue on the diagonal (right), white to orange off it (wrong). */
  static String color(double share, boolean diagonal) {
    int[] to = diagonal ? new int[] {33, 102, 172} : new int[] {217, 95, 14};
    int[] rgb = new int[3];
    for (int k = 0; k < 3; k++) {
      rgb[k] = (int) Math.round(255 + (to[k] - 255) * share);
    }
    return String.format(Locale.ROOT, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
  }

  private static void f1Bars(StringBuilder h, List<LabelMetrics> rows) {
    int left = 8 + 7 * rows.stream().mapToInt(r -> r.label().length()).max().orElse(4);
    int barMax = 360;
    int rowHeight = 24;
    int width = left + barMax + 60;
    int height = rows.size() * rowHeight + 8;
    h.append(
        String.format(
            Locale.ROOT,
            "<svg role=\"img\" aria-label=\"F1 per label\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\">\n",
            width,
            height,
            width,
            height));
    for (int i = 0; i < rows.size(); i++) {
      LabelMetrics r = rows.get(i);
      int y = 4 + i * rowHeight;
      int w = (int) Math.round(barMax * Math.max(0, Math.min(1, r.f1())));
      h.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>"
                  + "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"3\" fill=\"#2166ac\">"
                  + "<title>%s: F1 %s</title></rect>"
                  + "<text x=\"%d\" y=\"%d\">%s</text>\n",
              left - 6,
              y + 15,
              text(r.label()),
              left,
              y,
              w,
              rowHeight - 6,
              text(r.label()),
              fmt(r.f1()),
              left + w + 6,
              y + 15,
              fmt(r.f1())));
    }
    h.append("</svg>\n");
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
