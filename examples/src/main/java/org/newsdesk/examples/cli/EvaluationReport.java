package org.newsdesk.examples.cli;

import org.newsdesk.classifier.Evaluation;

/** Adapts an {@link Evaluation} to {@link HtmlReport}. */
final class EvaluationReport {
  private EvaluationReport() {}

  static String html(Evaluation e, String title, String subtitle) {
    return HtmlReport.render(title, subtitle, e.accuracy(), e.macroF1(), java.util.List.of(), java.util.List.of(), new long[0][0]);
  }
}
