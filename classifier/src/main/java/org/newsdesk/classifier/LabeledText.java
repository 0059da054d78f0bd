package org.newsdesk.classifier;

import java.util.Objects;
import org.newsdesk.core.Article;

/**
 * A training or evaluation example: the text of an article, its topic label, and where it came
 * from.
 *
 * <p>Only {@link #title()} and {@link #body()} become features; the label never does, and the
 * source only serves to point back at the example (an evaluation's {@linkplain
 * Evaluation#misclassified() misclassified} list, error messages). Two examples are equal when all
 * components are, source included; the training-data hash covers label, title and body only.
 *
 * @param title the headline, never {@code null} (may be empty)
 * @param body the body text, never {@code null}
 * @param label the topic label: not blank, not {@link Evaluation#UNKNOWN} (which stands for a text
 *     a model cannot place), and without control characters (a line break, a tab), line or
 *     paragraph separators, or bidirectional-text controls, which would let a label rewrite the
 *     reports it is printed in
 * @param source where the example came from, e.g. {@code "digest.txt:13"}, or empty; never
 *     {@code null}
 */
public record LabeledText(String title, String body, String label, String source) {

  /**
   * Validates the components.
   *
   * @param title the headline
   * @param body the body text
   * @param label the topic label
   * @param source where the example came from, or empty
   * @throws NullPointerException if any component is {@code null}
   * @throws IllegalArgumentException if the label is not one a model can have (see {@code label})
   */
  public LabeledText {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(source, "source");
    String problem = labelProblem(label);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /**
   * Why {@code label} cannot be a model's label, or null if it can: the one rule for labels, for
   * examples and for the labels of a model read from a file (which is untrusted).
   */
  static String labelProblem(String label) {
    if (label.isBlank()) {
      return "label must not be blank";
    }
    if (label.equals(Evaluation.UNKNOWN)) {
      return "label '" + Evaluation.UNKNOWN + "' is reserved for texts a model cannot place";
    }
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (Character.isISOControl(c)
          || (c >= '\u2028' && c <= '\u202E')
          || (c >= '\u2066' && c <= '\u2069')
          || c == '\u200E'
          || c == '\u200F'
          || c == '\u061C') {
        return String.format(
            java.util.Locale.ROOT,
            "label must not contain U+%04X (a control, separator or bidirectional-text character),"
                + " found at index %d",
            (int) c,
            i);
      }
    }
    return null;
  }

  /**
   * Creates an example without a source.
   *
   * @param title the headline
   * @param body the body text
   * @param label the topic label
   * @throws NullPointerException if any argument is {@code null}
   * @throws IllegalArgumentException if the label is not one a model can have
   */
  public LabeledText(String title, String body, String label) {
    this(title, body, label, "");
  }

  /**
   * Creates an example from a text without a separate title.
   *
   * @param text the text
   * @param label the topic label
   * @return a new example with an empty title and no source
   * @throws NullPointerException if an argument is {@code null}
   * @throws IllegalArgumentException if the label is not one a model can have (see {@code label})
   */
  public static LabeledText of(String text, String label) {
    return new LabeledText("", text, label, "");
  }

  /**
   * Creates an example from an article whose category is the label; its source is the article's
   * {@link Article#location() location} ({@code file:line}), or empty for an article not read
   * from a source.
   *
   * @param article the article, which must have a category
   * @return a new example with the article's title, body, category and location
   * @throws IllegalArgumentException if the article has no category, or its category is not a
   *     label a model can have (see {@code label})
   */
  public static LabeledText from(Article article) {
    String label =
        article
            .category()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        article.location() + ": article has no category to use as label: \""
                            + article.title() + "\""));
    String source =
        article.source().isEmpty() && article.line() == 0 ? "" : article.location();
    return new LabeledText(article.title(), article.body(), label, source);
  }

  /**
   * Returns a copy with another source.
   *
   * @param newSource where the example came from, e.g. {@code "data.tsv:7"}
   * @return the copy
   */
  public LabeledText withSource(String newSource) {
    return new LabeledText(title, body, label, newSource);
  }
}
