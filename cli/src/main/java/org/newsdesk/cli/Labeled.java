package org.newsdesk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.newsdesk.classifier.LabeledText;
import org.newsdesk.core.Article;

/** Collects the labeled articles (category = label) that train and evaluate work on. */
final class Labeled {
  private Labeled() {}

  /**
   * Returns every article with a category as a labeled text; articles without one are reported on
   * standard error, not silently dropped.
   */
  static List<LabeledText> collect(Iterable<Article> articles, PrintWriter err) {
    List<LabeledText> labeled = new ArrayList<>();
    for (Article a : articles) {
      if (a.category().isPresent()) {
        labeled.add(LabeledText.from(a));
      } else {
        err.println(Messages.at(a.source(), a.line(), "no category to learn from; skipped"));
      }
    }
    if (labeled.isEmpty()) {
      throw new InputException(
          "no labeled articles: a label is the category on an article's metadata line,"
              + " e.g. `01/31/2024 enforcement`");
    }
    return labeled;
  }
}
