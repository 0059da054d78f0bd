package org.newsdesk.cli;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.newsdesk.classifier.LabeledText;
import org.newsdesk.core.Article;

/**
 * The labeled articles (category = label) that train and evaluate work on, as the library's
 * {@link LabeledText}s. Articles without a category, or with one that cannot be a label (the
 * library's rule: e.g. {@code (unknown)}, or a line break), are not silently dropped: each is a
 * diagnostic, reported through {@link Inputs#report} like the readers' (printed, and counted in
 * the summary line). It is not a malformed record, so {@code --strict} does not stop at it.
 *
 * <p>An instance is a view that can be iterated again, as {@code TopicTrainer} does (once per
 * pass over the examples), if the articles can: nothing is held, and only the first pass reports
 * and counts, so a skipped article is said once.
 */
final class Labeled implements Iterable<LabeledText> {
  private final Iterable<Article> articles;
  private final Inputs reports;
  private int passes;
  private long labeled;

  /** The labeled articles of {@code inputs}. */
  Labeled(Inputs inputs) {
    this(inputs, inputs);
  }

  /**
   * The labeled articles of {@code articles} (the articles of {@code reports}, possibly wrapped),
   * an article without a category reported to {@code reports}.
   */
  Labeled(Iterable<Article> articles, Inputs reports) {
    this.articles = articles;
    this.reports = reports;
  }

  /** The labeled examples the first pass found (so far, while it runs). */
  long count() {
    return labeled;
  }

  /** Whether a pass has been made and found nothing labeled. */
  boolean foundNone() {
    return passes > 0 && labeled == 0;
  }

  @Override
  public Iterator<LabeledText> iterator() {
    boolean first = ++passes == 1;
    Iterator<Article> it = articles.iterator();
    return new Iterator<>() {
      private LabeledText next;

      @Override
      public boolean hasNext() {
        while (next == null && it.hasNext()) {
          Article a = it.next();
          if (a.category().isEmpty()) {
            if (first) {
              reports.report(a.source(), a.line(), "no category to learn from; skipped");
            }
            continue;
          }
          try {
            next = LabeledText.from(a);
          } catch (IllegalArgumentException e) { // a category that cannot be a label
            if (first) {
              reports.report(
                  a.source(),
                  a.line(),
                  "category '" + a.category().get() + "' cannot be a label: " + e.getMessage()
                      + "; skipped");
            }
            continue;
          }
          if (first) {
            labeled++;
          }
        }
        return next != null;
      }

      @Override
      public LabeledText next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        LabeledText t = next;
        next = null;
        return t;
      }
    };
  }

  /** The error for inputs without a single labeled article. */
  static InputException noneLabeled() {
    return new InputException(
        "no labeled articles: a label is the category on an article's metadata line,"
            + " e.g. `01/31/2024 enforcement`, or the label of the other input formats");
  }
}
