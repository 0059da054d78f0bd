package org.newsdesk.classifier;

import java.util.Objects;
import org.newsdesk.core.Article;

/**
 * A training or evaluation example: the text of an article and its topic label.
 *
 * <p>Only {@link #title()} and {@link #body()} become features; the label never does.
 *
 * @param title the headline, never {@code null} (may be empty)
 * @param body the body text, never {@code null}
 * @param label the topic label, never blank
 */
public record LabeledText(String title, String body, String label) {

  /**
   * Validates the components.
   *
   * @param title the headline
   * @param body the body text
   * @param label the topic label
   * @throws NullPointerException if any component is {@code null}
   * @throws IllegalArgumentException if the label is blank
   */
  public LabeledText {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(label, "label");
    if (label.isBlank()) {
      throw new IllegalArgumentException("label must not be blank");
    }
  }

  /**
   * Creates an example from a text without a separate title.
   *
   * @param text the text
   * @param label the topic label
   * @return a new example with an empty title
   */
  public static LabeledText of(String text, String label) {
    return new LabeledText("", text, label);
  }

  /**
   * Creates an example from an article whose category is the label.
   *
   * @param article the article, which must have a category
   * @return a new example with the article's title, body and category
   * @throws IllegalArgumentException if the article has no category
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
    return new LabeledText(article.title(), article.body(), label);
  }
}
