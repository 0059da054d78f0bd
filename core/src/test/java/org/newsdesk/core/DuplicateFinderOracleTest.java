package org.newsdesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.text.similarity.CosineSimilarity;
import org.junit.jupiter.api.Test;

/**
 * {@link DuplicateFinder} against the algorithm it replaced, kept here as a brute-force oracle:
 * every pair scored with commons-text's {@link CosineSimilarity}, every pair at the threshold
 * kept. Where the work budgets do not bind, the groups must be the same records (members, score
 * to the last bit, exact flag); where they bind, the cost stays bounded.
 */
class DuplicateFinderOracleTest {

  @Test
  void sameGroupsAsBruteForceOnTheSeedsForEveryFieldAndThreshold() {
    List<Article> seeds = DuplicateFinderTestSeeds.all();
    for (DuplicateFinder.Field field : DuplicateFinder.Field.values()) {
      for (int t = 1; t <= 20; t++) {
        DuplicateFinder finder = DuplicateFinder.DEFAULT.comparing(field).withThreshold(t / 20.0);
        assertThat(finder.find(seeds)).as(finder.toString()).isEqualTo(bruteForce(seeds, finder));
        assertThat(stats(seeds, finder).capped).as(finder + " capped").isZero();
      }
    }
  }

  @Test
  void sameGroupsAsBruteForceOnRandomWordTexts() {
    String[] words = {"ant", "bee", "cat", "dog", "eel", "fox", "gnu", "hen", "ibis", "jay"};
    Random random = new Random(20261130);
    for (int trial = 0; trial < 150; trial++) {
      List<Article> articles = new ArrayList<>();
      int count = random.nextInt(60);
      for (int a = 0; a < count; a++) {
        articles.add(Article.of(words[random.nextInt(words.length)], text(random, words)));
        if (random.nextInt(8) == 0 && a > 0) {
          articles.add(articles.get(random.nextInt(a))); // exact copies too
        }
      }
      DuplicateFinder finder = DuplicateFinder.DEFAULT.withThreshold(
          trial % 10 == 0 ? 1.0 : 0.05 + 0.95 * random.nextDouble());
      assertThat(finder.find(articles)).as("trial %d, %s", trial, finder)
          .isEqualTo(bruteForce(articles, finder));
    }
  }

  @Test
  void sameGroupsAsBruteForceOnZipfTextsWithPlantedCopies() {
    List<Article> articles = DuplicateFinderTest.zipfArticles(300, 15, 11);
    for (double threshold : new double[] {0.4, 0.7}) {
      DuplicateFinder finder = DuplicateFinder.DEFAULT.withThreshold(threshold);
      assertThat(finder.find(articles)).as(finder.toString())
          .isEqualTo(bruteForce(articles, finder));
      assertThat(stats(articles, finder).capped).isZero();
    }
    // the full-size set of DuplicateFinderTest stays below the budgets too, down to 0.3
    assertThat(stats(DuplicateFinderTest.zipfArticles(3_000, 30, 7),
        DuplicateFinder.DEFAULT.withThreshold(0.3)).capped).isZero();
  }

  @Test
  void manyVersionsOfOneStoryFormOneGroupWithBoundedWork() {
    // 1,500 versions of a 60-word story, each with two words replaced: every pair is a near
    // duplicate. With budgets of 64 candidates per article (2,048 in DuplicateFinder), most
    // articles are capped, yet all join the one group and the work stays bounded.
    List<Map<CharSequence, Integer>> vectors = new ArrayList<>();
    Random random = new Random(1);
    int n = 1_500;
    for (int i = 0; i < n; i++) {
      String[] body = new String[60];
      for (int w = 0; w < body.length; w++) {
        body[w] = "word" + w;
      }
      body[random.nextInt(60)] = "variant" + i;
      body[random.nextInt(60)] = "edit" + random.nextInt(n);
      vectors.add(DupText.tokenCounts("Port extends customs hours", String.join(" ", body)));
    }
    DupForest forest = new DupForest(n);
    DupPairs.Stats stats = DupPairs.find(vectors, DuplicateFinder.DEFAULT_THRESHOLD, forest, 64,
        DupPairs.MAX_POSTINGS);
    assertThat(stats.capped).isGreaterThan(n - 100);
    assertThat(stats.scored).isLessThanOrEqualTo(64L * n).isLessThan((long) n * (n - 1) / 20);
    assertThat(forest.groups()).singleElement().satisfies(g -> {
      assertThat(g.members()).hasSize(n);
      assertThat(g.score()).isGreaterThanOrEqualTo(DuplicateFinder.DEFAULT_THRESHOLD);
    });
  }

  private static String text(Random random, String[] words) {
    StringBuilder text = new StringBuilder();
    for (int w = random.nextInt(14); w > 0; w--) {
      text.append(words[random.nextInt(words.length)]).append(' ');
    }
    return text.toString();
  }

  private static DupPairs.Stats stats(List<Article> articles, DuplicateFinder finder) {
    List<Map<CharSequence, Integer>> vectors = new ArrayList<>();
    for (Article article : articles) {
      vectors.add(tokens(article, finder.field()));
    }
    return DupPairs.find(vectors, finder.threshold(), (a, b, s) -> { },
        DupPairs.MAX_CANDIDATES, DupPairs.MAX_POSTINGS);
  }

  private static Map<CharSequence, Integer> tokens(Article article, DuplicateFinder.Field field) {
    return switch (field) {
      case TITLE -> DupText.tokenCounts(article.title());
      case BODY -> DupText.tokenCounts(article.body());
      default -> DupText.tokenCounts(article.title(), article.body());
    };
  }

  /** DuplicateFinder's documented result, computed the slow way. */
  static List<DuplicateGroup> bruteForce(List<Article> input, DuplicateFinder finder) {
    Map<String, List<Integer>> byContent = new HashMap<>();
    List<Integer> representatives = new ArrayList<>();
    for (int i = 0; i < input.size(); i++) {
      Article a = input.get(i);
      List<Integer> copies = byContent.computeIfAbsent(
          DupText.normalize(a.title()) + '\n' + DupText.normalize(a.body()),
          k -> new ArrayList<>());
      if (copies.isEmpty()) {
        representatives.add(i);
      }
      copies.add(i);
    }
    record Found(List<Integer> members, double score, boolean exact) {}
    List<Found> found = new ArrayList<>();
    byContent.values().stream().filter(c -> c.size() > 1)
        .forEach(c -> found.add(new Found(c, 1.0, true)));

    CosineSimilarity cosine = new CosineSimilarity();
    List<Map<CharSequence, Integer>> vectors = new ArrayList<>();
    for (int r : representatives) {
      vectors.add(tokens(input.get(r), finder.field()));
    }
    DupForest forest = new DupForest(vectors.size(), Integer.MAX_VALUE);
    for (int x = 0; x < vectors.size(); x++) {
      for (int y = 0; y < x; y++) {
        if (!vectors.get(x).isEmpty() && !vectors.get(y).isEmpty()) {
          double score = cosine.cosineSimilarity(vectors.get(y), vectors.get(x));
          if (score >= finder.threshold() - DupPairs.EPSILON) {
            forest.accept(y, x, score);
          }
        }
      }
    }
    for (DupForest.Group group : forest.groups()) {
      found.add(new Found(group.members().stream().map(representatives::get).toList(),
          group.score(), false));
    }
    found.sort(Comparator.<Found>comparingInt(f -> f.members().get(0))
        .thenComparing(f -> !f.exact()));
    return found.stream().map(f -> new DuplicateGroup(
        f.members().stream().map(input::get).toList(), f.score(), f.exact())).toList();
  }
}
