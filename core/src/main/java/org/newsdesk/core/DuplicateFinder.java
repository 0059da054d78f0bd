package org.newsdesk.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds exact and near-duplicate articles.
 *
 * <p>Immutable and thread-safe; configure it fluently from {@link #DEFAULT}:
 *
 * <pre>{@code
 * List<DuplicateGroup> groups =
 *     DuplicateFinder.DEFAULT
 *         .withThreshold(0.6)
 *         .comparing(DuplicateFinder.Field.BODY)
 *         .find(articles);
 * }</pre>
 *
 * <h2>Exact duplicates</h2>
 *
 * Articles whose title and body are equal after normalisation (runs of whitespace collapsed,
 * runs of combining marks cut to 30 as in Unicode's stream-safe text format, accents stripped with
 * commons-lang3 {@code StringUtils.stripAccents}, lower-cased) form an exact
 * group with score {@code 1.0}, whatever {@link #field()} says. Date, category and source are not
 * compared.
 *
 * <h2>Near duplicates</h2>
 *
 * The compared text ({@link #field()}) is normalised the same way, split into letter/digit tokens
 * and stripped of common English function words; two articles are similar to the degree of the
 * cosine similarity of their token counts (commons-text {@code CosineSimilarity}). Articles linked
 * by pairs at or above {@link #threshold()} form a group (single linkage); its {@link
 * DuplicateGroup#score()} is the highest threshold at which it would still be found whole, at
 * most {@code 1.0}. Scores are compared with a tolerance of {@code 1e-9} for floating-point
 * rounding: texts with the same token counts score 1 up to rounding (e.g. 0.9999999999999998)
 * and are found with threshold {@code 1.0}. Exact copies take part once: a near-duplicate group
 * holds the first article of each exact group, the copies are in the exact group.
 *
 * <p>On the five seed files (title and body compared), "WCO IPPC Align Trade Facilitation with
 * Plant Health Rules" and "WCO and IPPC Boost Global Trade with Stricter Plant Health Rules" score
 * 0.800, while the most similar pair of unrelated seed articles ("China Customs Advances Global
 * Trade Via WCO Revenue Plan" and "WCO Workshop Enhances Panama Customs Valuation Practices")
 * scores 0.563. The {@link #DEFAULT} threshold {@value #DEFAULT_THRESHOLD} therefore pairs the
 * former and groups nothing else; any threshold in {@code [0.57, 0.80]} does the same. Comparing
 * only titles the pair scores 0.707 (best unrelated 0.600), only bodies 0.755 (best unrelated
 * 0.526).
 *
 * <h2>Cost</h2>
 *
 * <p>For {@code n} articles of at most {@code L} distinct tokens: exact grouping is one hash lookup
 * per article, {@code O(n L)}. Near-duplicate search does not score all {@code n²/2} pairs. Tokens
 * are ranked by document frequency; each article's most common tokens are left out of an inverted
 * index as long as they alone could not make it reach the threshold (its <em>tail</em>, the rarer
 * tokens, is indexed), and the index is probed with tails only, rarest token first, so the long
 * posting lists of common words are rarely read. Two articles sharing no tail token provably
 * cannot reach the threshold. For each article met while probing, a Cauchy-Schwarz bound on the
 * rest of the dot product decides whether to score it exactly ({@code O(L)}). Pairs that reach the
 * threshold are not all kept: only a maximum spanning forest of them ({@code O(n)} edges) survives,
 * which is all the grouping and its scores need. For example, 3,000 random Zipf-distributed texts
 * of 60 words plus 30 planted near copies score exactly the 30 planted pairs instead of 4.6
 * million.
 *
 * <p><b>Worst case.</b> Each article is compared with at most 2,048 earlier articles and its probe
 * reads at most 262,144 index entries, so time is {@code O(n (L log L + 2048 L + 262144))} and
 * memory {@code O(n L)} whatever the input: linear in {@code n}. The budgets bind only when more
 * than 2,048 earlier articles share one of an article's rarer tokens, as with thousands of
 * versions of one story or texts of random characters; they do not on the seeds, nor on the Zipf
 * texts above at thresholds down to 0.3. Where they do not bind, the result is exact: every pair
 * at the threshold is found. Where an article's probe stops at a budget, that article is compared
 * only with the articles met so far (those sharing its rarest tokens), skipping those already in
 * its group; then it can miss a group it would join only through an article not met (that group
 * is found split, or without it), and its group's score, computed from fewer links, can be lower
 * than the exact one (never higher). docs/BENCHMARKS.md gives measured times.
 */
public final class DuplicateFinder {

  /** The threshold of {@link #DEFAULT}. */
  public static final double DEFAULT_THRESHOLD = 0.7;

  /** Compares title and body with threshold {@value #DEFAULT_THRESHOLD}. */
  public static final DuplicateFinder DEFAULT =
      new DuplicateFinder(DEFAULT_THRESHOLD, Field.TITLE_AND_BODY);

  /** Which text of an article near-duplicate detection compares. */
  public enum Field {
    /** The title only: finds the same story told with different bodies. */
    TITLE,
    /** The body only: finds a story republished under another headline. */
    BODY,
    /** Title and body as one text. */
    TITLE_AND_BODY
  }

  private final double threshold;
  private final Field field;

  private DuplicateFinder(double threshold, Field field) {
    this.threshold = threshold;
    this.field = field;
  }

  /**
   * Returns a finder that groups near duplicates whose similarity is at least {@code threshold}.
   *
   * @param threshold the minimum cosine similarity, greater than 0 and at most 1
   * @return a new finder; this one is unchanged
   * @throws IllegalArgumentException if {@code threshold} is not in {@code (0, 1]}
   */
  public DuplicateFinder withThreshold(double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1]: " + threshold);
    }
    return new DuplicateFinder(threshold, field);
  }

  /**
   * Returns a finder that compares the given text for near duplicates.
   *
   * @param field what to compare
   * @return a new finder; this one is unchanged
   */
  public DuplicateFinder comparing(Field field) {
    return new DuplicateFinder(threshold, Objects.requireNonNull(field, "field"));
  }

  /**
   * Returns the minimum similarity of near duplicates.
   *
   * @return the threshold, in {@code (0, 1]}
   */
  public double threshold() {
    return threshold;
  }

  /**
   * Returns what near-duplicate detection compares.
   *
   * @return the compared field
   */
  public Field field() {
    return field;
  }

  /**
   * Groups the duplicates among {@code articles}.
   *
   * <p>Each article is in at most one exact and at most one near-duplicate group; articles without
   * a duplicate are in none. Groups are ordered by the position of their first article in {@code
   * articles}' iteration order, an exact group before a near-duplicate group starting with the same
   * article; members keep that order too. The result depends only on that order, not on hashing.
   *
   * @param articles the articles to search
   * @return the groups, possibly empty; unmodifiable
   * @throws NullPointerException if {@code articles} or one of its elements is {@code null}
   */
  public List<DuplicateGroup> find(Collection<Article> articles) {
    List<Article> input = List.copyOf(Objects.requireNonNull(articles, "articles"));

    // Exact stage: group by normalised content; the first article stands for its copies.
    Map<String, List<Integer>> byContent = new HashMap<>();
    List<Integer> representatives = new ArrayList<>();
    // Near stage over one article per distinct content, tokenised from the normalised text.
    List<Map<CharSequence, Integer>> vectors = new ArrayList<>();
    for (int i = 0; i < input.size(); i++) {
      Article article = input.get(i);
      String title = DupText.normalize(article.title());
      String body = DupText.normalize(article.body());
      List<Integer> copies = byContent.computeIfAbsent(title + '\n' + body,
          k -> new ArrayList<>());
      if (copies.isEmpty()) {
        representatives.add(i);
        vectors.add(tokens(title, body));
      }
      copies.add(i);
    }
    List<Found> found = new ArrayList<>();
    for (List<Integer> copies : byContent.values()) {
      if (copies.size() > 1) {
        found.add(new Found(copies, 1.0, true));
      }
    }

    DupForest forest = new DupForest(vectors.size());
    DupPairs.find(vectors, threshold, forest);
    for (DupForest.Group group : forest.groups()) {
      List<Integer> members = new ArrayList<>(group.members().size());
      for (int r : group.members()) {
        members.add(representatives.get(r));
      }
      found.add(new Found(members, group.score(), false));
    }

    found.sort(
        Comparator.<Found>comparingInt(f -> f.members().get(0)).thenComparing(f -> !f.exact()));
    List<DuplicateGroup> groups = new ArrayList<>(found.size());
    for (Found f : found) {
      List<Article> members = new ArrayList<>(f.members().size());
      for (int i : f.members()) {
        members.add(input.get(i));
      }
      groups.add(new DuplicateGroup(members, f.score(), f.exact()));
    }
    return List.copyOf(groups);
  }

  /** The compared text's token counts, from the normalised title and body. */
  private Map<CharSequence, Integer> tokens(String title, String body) {
    switch (field) {
      case TITLE:
        return DupText.tokenCountsOfNormalized(title);
      case BODY:
        return DupText.tokenCountsOfNormalized(body);
      default:
        return DupText.tokenCountsOfNormalized(title, body);
    }
  }

  /** A group by input positions, before the articles are looked up. */
  private record Found(List<Integer> members, double score, boolean exact) {}

  /**
   * Compares threshold and field.
   *
   * @param other the object to compare with
   * @return {@code true} if {@code other} is a finder with the same configuration
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof DuplicateFinder
        && Double.compare(((DuplicateFinder) other).threshold, threshold) == 0
        && ((DuplicateFinder) other).field == field;
  }

  /**
   * Hashes threshold and field.
   *
   * @return a hash code consistent with {@link #equals(Object)}
   */
  @Override
  public int hashCode() {
    return Objects.hash(threshold, field);
  }

  /**
   * Describes the configuration.
   *
   * @return e.g. {@code DuplicateFinder[threshold=0.7, field=TITLE_AND_BODY]}
   */
  @Override
  public String toString() {
    return "DuplicateFinder[threshold=" + threshold + ", field=" + field + "]";
  }
}
