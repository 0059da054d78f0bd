package org.newsdesk.core;

import java.util.List;
import java.util.Objects;

/**
 * Articles that {@link DuplicateFinder} considers the same story.
 *
 * @param articles the members, at least two, in the order they were given to {@link
 *     DuplicateFinder#find(java.util.Collection)}; unmodifiable
 * @param score {@code 1.0} for an exact group; for a near-duplicate group the highest threshold at
 *     which the group would still be found whole: the weakest link of the strongest chains that
 *     connect its members (the minimum of its maximum spanning tree), so every member is at least
 *     this similar to some other member
 * @param exact {@code true} if all members have the same title and body after normalisation
 *     (whitespace, accents and case ignored)
 */
public record DuplicateGroup(List<Article> articles, double score, boolean exact) {

  /**
   * Validates and copies the components.
   *
   * @param articles the members
   * @param score the similarity score
   * @param exact whether the members are exact duplicates
   * @throws NullPointerException if {@code articles} or one of its elements is {@code null}
   * @throws IllegalArgumentException if there are fewer than two articles or the score is not in
   *     {@code [0, 1]}
   */
  public DuplicateGroup {
    articles = List.copyOf(Objects.requireNonNull(articles, "articles"));
    if (articles.size() < 2) {
      throw new IllegalArgumentException(
          "a duplicate group needs at least two articles, got " + articles.size());
    }
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [0, 1]: " + score);
    }
  }
}
