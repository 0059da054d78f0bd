package org.newsdesk.core;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One news article read from (or to be written to) a title-repeated-paragraph digest.
 *
 * <p>Instances are immutable values: two articles are equal when all components are equal,
 * including where they came from. Use {@link #sameContent(Article)} to compare only what an
 * article says.
 *
 * <p>The constructor checks only what every article needs ({@code null}s, the line number, a
 * blank category): it accepts any title and body, also one with a line break or an empty one.
 * What a digest can hold is checked where one is written: {@link NewsWriter} rejects such an
 * article when it is written (see its class comment). The title and body of an article read by
 * {@link NewsReader} are never empty and never contain CR or LF.
 *
 * @param title the headline, never {@code null}; one line in a digest (see above)
 * @param body the one-paragraph body, never {@code null}; one line in a digest (see above)
 * @param date the publication date from the metadata line, if any
 * @param category the category from the metadata line, if any (never blank when present)
 * @param source a name for where the article came from (a file path, or a caller-supplied name
 *     such as {@code "<string>"}); never {@code null}
 * @param line the 1-based line number of the article's first title line in {@code source}, or
 *     {@code 0} when the article was not read from a source
 */
public record Article(
    String title,
    String body,
    Optional<LocalDate> date,
    Optional<String> category,
    String source,
    long line) {

  /** The {@link #source()} of articles that were built in code rather than read. */
  public static final String NO_SOURCE = "";

  /**
   * Validates the components.
   *
   * @param title the headline
   * @param body the body paragraph
   * @param date the publication date, if any
   * @param category the category, if any
   * @param source where the article came from
   * @param line the 1-based line of the first title line, or 0
   * @throws NullPointerException if any component is {@code null}
   * @throws IllegalArgumentException if the line number is negative or the category is blank
   */
  public Article {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(source, "source");
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0: " + line);
    }
    if (category.isPresent() && category.get().isBlank()) {
      throw new IllegalArgumentException("category must not be blank; use Optional.empty()");
    }
  }

  /**
   * Creates an article with a title and body only, not tied to any source.
   *
   * @param title the headline
   * @param body the body paragraph
   * @return a new article without date, category or source
   */
  public static Article of(String title, String body) {
    return new Article(title, body, Optional.empty(), Optional.empty(), NO_SOURCE, 0);
  }

  /**
   * Returns a copy of this article with the given date.
   *
   * @param newDate the publication date, or {@code null} for none
   * @return a new article
   */
  public Article withDate(LocalDate newDate) {
    return new Article(title, body, Optional.ofNullable(newDate), category, source, line);
  }

  /**
   * Returns a copy of this article with the given category.
   *
   * @param newCategory the category, or {@code null} for none
   * @return a new article
   */
  public Article withCategory(String newCategory) {
    return new Article(title, body, date, Optional.ofNullable(newCategory), source, line);
  }

  /**
   * Returns a copy of this article with the given origin.
   *
   * @param newSource the source name
   * @param newLine the 1-based line of the first title line, or 0
   * @return a new article
   */
  public Article withOrigin(String newSource, long newLine) {
    return new Article(title, body, date, category, newSource, newLine);
  }

  /**
   * Tells whether this article has the same title, body, date and category as another,
   * ignoring where each came from.
   *
   * @param other the article to compare with
   * @return {@code true} if the content is equal
   */
  public boolean sameContent(Article other) {
    return title.equals(other.title)
        && body.equals(other.body)
        && date.equals(other.date)
        && category.equals(other.category);
  }

  /**
   * Returns {@code source:line}, the form error messages and tools use to point at an article.
   *
   * @return the location, e.g. {@code "seeds/001.txt:13"}
   */
  public String location() {
    return source + ":" + line;
  }
}
