package org.newsdesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.CosineSimilarity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DuplicateFinderTest {

  private static final String PLANT_1 = "WCO IPPC Align Trade Facilitation with Plant Health Rules";
  private static final String PLANT_2 =
      "WCO and IPPC Boost Global Trade with Stricter Plant Health Rules";
  private static final String REPEATED =
      "WCO Outlines Plan for Postpandemic Supply Chain Resilience";

  private static final List<Article> SEEDS = DuplicateFinderTestSeeds.all();

  @Test
  void seedsAreTheFortyNineArticles() {
    assertThat(SEEDS).hasSize(49);
    assertThat(SEEDS.stream().map(Article::title).distinct()).hasSize(48);
  }

  @Test
  void defaultFindsTheRepeatedArticleAndThePlantHealthPairAndNothingElse() {
    List<DuplicateGroup> groups = DuplicateFinder.DEFAULT.find(SEEDS);

    assertThat(groups).hasSize(2);
    DuplicateGroup exact = groups.get(0);
    assertThat(exact.exact()).isTrue();
    assertThat(exact.score()).isEqualTo(1.0);
    assertThat(exact.articles()).extracting(Article::title).containsExactly(REPEATED, REPEATED);
    assertThat(exact.articles())
        .extracting(DuplicateFinderTestSeeds::where)
        .containsExactly("000_7ea514dff1875352.txt:13", "001_c1db3e24d400ffe6.txt:51");

    DuplicateGroup near = groups.get(1);
    assertThat(near.exact()).isFalse();
    assertThat(near.articles()).extracting(Article::title).containsExactly(PLANT_1, PLANT_2);
    assertThat(near.score()).isCloseTo(0.800, within(0.001));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.57, 0.6, 0.7, 0.8})
  void plantHealthPairIsTheOnlyNearGroupBetween057And080(double threshold) {
    List<DuplicateGroup> near = nearGroups(DuplicateFinder.DEFAULT.withThreshold(threshold));

    assertThat(near).hasSize(1);
    assertThat(near.get(0).articles()).extracting(Article::title).containsExactly(PLANT_1, PLANT_2);
  }

  @Test
  void aboveThePlantHealthScoreOnlyTheExactGroupRemains() {
    List<DuplicateGroup> groups = DuplicateFinder.DEFAULT.withThreshold(0.81).find(SEEDS);

    assertThat(groups).singleElement().satisfies(g -> assertThat(g.exact()).isTrue());
  }

  @Test
  void belowTheDocumentedRangeUnrelatedSeedsStartToGroup() {
    // Shows the documented margin is real: the best unrelated pair scores 0.563.
    List<DuplicateGroup> near = nearGroups(DuplicateFinder.DEFAULT.withThreshold(0.56));

    assertThat(near).hasSize(2);
    assertThat(near.get(0).articles())
        .extracting(Article::title)
        .containsExactly(
            "China Customs Advances Global Trade Via WCO Revenue Plan",
            "WCO Workshop Enhances Panama Customs Valuation Practices");
    assertThat(near.get(0).score()).isCloseTo(0.563, within(0.001));
  }

  @Test
  void comparingTitlesOrBodiesAloneAlsoSeparatesThePlantHealthPair() {
    assertThat(nearGroups(DuplicateFinder.DEFAULT.comparing(DuplicateFinder.Field.TITLE)))
        .singleElement()
        .satisfies(g -> assertThat(g.score()).isCloseTo(0.707, within(0.001)));
    assertThat(
            nearGroups(
                DuplicateFinder.DEFAULT.comparing(DuplicateFinder.Field.TITLE).withThreshold(0.61)))
        .hasSize(1);
    assertThat(nearGroups(DuplicateFinder.DEFAULT.comparing(DuplicateFinder.Field.BODY)))
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.articles()).extracting(Article::title).containsExactly(PLANT_1, PLANT_2);
              assertThat(g.score()).isCloseTo(0.755, within(0.001));
            });
  }

  @Test
  void exactDuplicatesIgnoreWhitespaceCaseAndAccentsButNotWords() {
    Article a = Article.of("Café  Opens", "The café opened\ttoday.");
    Article b = Article.of("cafe opens ", " THE CAFE OPENED TODAY.");
    Article c = Article.of("Cafe opens", "The cafe opened yesterday.");

    List<DuplicateGroup> groups = DuplicateFinder.DEFAULT.withThreshold(1.0).find(List.of(a, b, c));

    assertThat(groups).hasSize(1);
    assertThat(groups.get(0).articles()).containsExactly(a, b);
    assertThat(groups.get(0).exact()).isTrue();
  }

  @Test
  void exactCopiesAppearOnceInTheNearGroup() {
    Article first = Article.of("Port strike ends", "Dock workers at the port ended a strike today");
    Article copy = first.withOrigin("other.txt", 7);
    Article unrelated = Article.of("Rain expected", "Forecasters expect heavy rain on Sunday");
    Article variant = Article.of("Port strike ends", "Dock workers at the port ended their strike");

    List<DuplicateGroup> groups =
        DuplicateFinder.DEFAULT.withThreshold(0.5).find(List.of(unrelated, first, copy, variant));

    assertThat(groups).hasSize(2);
    assertThat(groups.get(0).exact()).isTrue();
    assertThat(groups.get(0).articles()).containsExactly(first, copy);
    assertThat(groups.get(1).exact()).isFalse();
    assertThat(groups.get(1).articles()).containsExactly(first, variant);
    assertThat(groups.get(1).score()).isLessThan(1.0).isGreaterThanOrEqualTo(0.5);
  }

  @Test
  void groupScoreIsTheWeakestLinkOfTheChain() {
    Article a = Article.of("a", "alpha beta gamma delta");
    Article b = Article.of("b", "alpha beta gamma epsilon");
    Article c = Article.of("c", "alpha beta zeta epsilon");
    Article d = Article.of("d", "kappa lambda mu nu");
    CosineSimilarity cosine = new CosineSimilarity();
    double ab =
        cosine.cosineSimilarity(
            DupText.tokenCounts("a", a.body()), DupText.tokenCounts("b", b.body()));
    double bc =
        cosine.cosineSimilarity(
            DupText.tokenCounts("b", b.body()), DupText.tokenCounts("c", c.body()));
    double ac =
        cosine.cosineSimilarity(
            DupText.tokenCounts("a", a.body()), DupText.tokenCounts("c", c.body()));
    assertThat(ab).isGreaterThan(0.5);
    assertThat(bc).isGreaterThan(0.5);
    assertThat(ac).isLessThan(0.5);

    List<DuplicateGroup> groups =
        DuplicateFinder.DEFAULT.withThreshold(0.5).find(List.of(d, c, a, b));

    assertThat(groups)
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.articles()).containsExactly(c, a, b);
              assertThat(g.score()).isEqualTo(Math.min(ab, bc));
            });
  }

  @Test
  void groupsFollowInputOrderAndRepeatExactly() {
    List<Article> shuffled = new ArrayList<>(SEEDS);
    Collections.shuffle(shuffled, new Random(42));
    DuplicateFinder finder = DuplicateFinder.DEFAULT.withThreshold(0.5);

    List<DuplicateGroup> groups = finder.find(shuffled);

    assertThat(finder.find(shuffled)).isEqualTo(groups);
    assertThat(groups).hasSizeGreaterThan(2);
    List<Integer> firstPositions = new ArrayList<>();
    for (DuplicateGroup group : groups) {
      List<Integer> positions =
          group.articles().stream().map(shuffled::indexOf).collect(Collectors.toList());
      assertThat(positions).isSorted();
      firstPositions.add(positions.get(0));
    }
    assertThat(firstPositions).isSorted();
  }

  @Test
  void articlesWithoutContentWordsNeverPair() {
    Article a = Article.of("The", "and of the");
    Article b = Article.of("...", "to be or not to be");

    assertThat(DuplicateFinder.DEFAULT.withThreshold(0.01).find(List.of(a, b))).isEmpty();
    assertThat(DuplicateFinder.DEFAULT.find(List.of())).isEmpty();
  }

  @Test
  void configurationIsImmutableAndValidated() {
    DuplicateFinder custom =
        DuplicateFinder.DEFAULT.withThreshold(0.5).comparing(DuplicateFinder.Field.BODY);

    assertThat(DuplicateFinder.DEFAULT.threshold()).isEqualTo(DuplicateFinder.DEFAULT_THRESHOLD);
    assertThat(DuplicateFinder.DEFAULT.field()).isEqualTo(DuplicateFinder.Field.TITLE_AND_BODY);
    assertThat(custom.threshold()).isEqualTo(0.5);
    assertThat(custom.field()).isEqualTo(DuplicateFinder.Field.BODY);
    assertThat(custom)
        .isEqualTo(
            DuplicateFinder.DEFAULT.comparing(DuplicateFinder.Field.BODY).withThreshold(0.5));
    assertThat(custom)
        .hasSameHashCodeAs(
            DuplicateFinder.DEFAULT.comparing(DuplicateFinder.Field.BODY).withThreshold(0.5));
    assertThat(custom).isNotEqualTo(DuplicateFinder.DEFAULT);
    assertThat(custom).hasToString("DuplicateFinder[threshold=0.5, field=BODY]");
    for (double bad : new double[] {0, -0.1, 1.01, Double.NaN}) {
      assertThatThrownBy(() -> DuplicateFinder.DEFAULT.withThreshold(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("threshold must be in (0, 1]");
    }
    assertThatThrownBy(() -> DuplicateFinder.DEFAULT.comparing(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void groupRecordValidatesAndCopies() {
    Article a = Article.of("a", "b");
    List<Article> list = new ArrayList<>(List.of(a, a));
    DuplicateGroup group = new DuplicateGroup(list, 0.9, false);
    list.clear();

    assertThat(group.articles()).hasSize(2);
    assertThatThrownBy(() -> group.articles().add(a))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> new DuplicateGroup(List.of(a), 1, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least two");
    assertThatThrownBy(() -> new DuplicateGroup(List.of(a, a), 1.5, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("score");
  }

  @Test
  void indexFindsExactlyTheBruteForcePairsOnTheSeeds() {
    for (DuplicateFinder.Field field : DuplicateFinder.Field.values()) {
      DuplicateFinder finder = DuplicateFinder.DEFAULT.comparing(field);
      List<Map<CharSequence, Integer>> vectors = new ArrayList<>();
      for (Article article : SEEDS) {
        vectors.add(
            field == DuplicateFinder.Field.TITLE
                ? DupText.tokenCounts(article.title())
                : field == DuplicateFinder.Field.BODY
                    ? DupText.tokenCounts(article.body())
                    : DupText.tokenCounts(article.title(), article.body()));
      }
      for (double threshold = 0.05; threshold <= 1.0; threshold += 0.05) {
        assertThat(pairSet(DupPairs.find(vectors, threshold)))
            .as("%s at %.2f", finder.field(), threshold)
            .isEqualTo(bruteForce(vectors, threshold));
      }
    }
  }

  @Test
  void indexFindsExactlyTheBruteForcePairsOnRandomTexts() {
    // Eight words with repeats make many overlapping, unequal count vectors.
    String[] words = {"ant", "bee", "cat", "dog", "eel", "fox", "gnu", "hen"};
    Random random = new Random(20261123);
    for (int trial = 0; trial < 500; trial++) {
      List<Map<CharSequence, Integer>> vectors = new ArrayList<>();
      int texts = random.nextInt(31);
      for (int t = 0; t < texts; t++) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(13);
        for (int w = 0; w < length; w++) {
          text.append(words[random.nextInt(words.length)]).append(' ');
        }
        vectors.add(DupText.tokenCounts(text.toString()));
      }
      double threshold = trial % 10 == 0 ? 1.0 : 0.01 + 0.99 * random.nextDouble();

      assertThat(pairSet(DupPairs.find(vectors, threshold)))
          .as("trial %d, threshold %s, texts %s", trial, threshold, vectors)
          .isEqualTo(bruteForce(vectors, threshold));
    }
  }

  @Test
  void boundedForestGivesTheSameGroupsAsKeepingEveryPair() {
    Random random = new Random(99);
    for (int trial = 0; trial < 200; trial++) {
      int size = 2 + random.nextInt(40);
      int edges = random.nextInt(size * 4);
      DupForest compacting = new DupForest(size, size); // compacts many times
      DupForest keepingAll = new DupForest(size, Integer.MAX_VALUE);
      for (int e = 0; e < edges; e++) {
        int a = random.nextInt(size);
        int b = random.nextInt(size);
        if (a != b) {
          // Few distinct scores, so that ties are exercised too.
          double score = 0.5 + random.nextInt(6) / 10.0;
          compacting.accept(Math.min(a, b), Math.max(a, b), score);
          keepingAll.accept(Math.min(a, b), Math.max(a, b), score);
        }
      }

      assertThat(compacting.groups()).as("trial %d", trial).isEqualTo(keepingAll.groups());
    }
  }

  @Test
  void forestScoreIsTheHighestThresholdThatKeepsTheGroupWhole() {
    DupForest forest = new DupForest(4, 4);
    forest.accept(0, 1, 0.9);
    forest.accept(1, 2, 0.6);
    forest.accept(0, 2, 0.8); // 0-1-2 stay connected at 0.8 through this edge
    forest.accept(2, 3, 0.7);
    forest.accept(0, 3, 0.65);

    assertThat(forest.groups()).containsExactly(new DupForest.Group(List.of(0, 1, 2, 3), 0.7));
  }

  @Test
  void largeInputScoresFewCandidatesAndStillFindsPlantedDuplicates() {
    // 3,000 articles of 60 words drawn from a Zipf law over 50,000 words without its 100 most
    // frequent ones (like news text without stop words), plus 30 planted near copies with 10 of
    // their 60 words replaced.
    int originals = 3_000;
    int planted = 30;
    int spacing = originals / planted;
    List<Article> articles = zipfArticles(originals, planted, 7);
    List<Map<CharSequence, Integer>> vectors = new ArrayList<>();
    for (Article article : articles) {
      vectors.add(DupText.tokenCounts(article.title(), article.body()));
    }

    DupPairs pairs = DupPairs.find(vectors, DuplicateFinder.DEFAULT_THRESHOLD);
    List<DuplicateGroup> groups = DuplicateFinder.DEFAULT.find(articles);

    long allPairs = (long) articles.size() * (articles.size() - 1) / 2;
    assertThat(allPairs).isGreaterThan(4_500_000);
    assertThat(pairs.candidates()).isLessThan(allPairs / 1000);
    assertThat(groups).hasSize(planted);
    for (int p = 0; p < planted; p++) {
      assertThat(groups.get(p).articles())
          .containsExactly(articles.get(p * spacing), articles.get(originals + p));
    }
  }

  /**
   * {@code originals} articles of 60 words drawn from a Zipf law over 50,000 words without its
   * 100 most frequent ones, then {@code planted} near copies of every {@code originals /
   * planted}-th one with 10 of their 60 words replaced.
   */
  static List<Article> zipfArticles(int originals, int planted, long seed) {
    Random random = new Random(seed);
    int vocabulary = 50_000;
    double[] cumulative = new double[vocabulary];
    double sum = 0;
    for (int i = 0; i < vocabulary; i++) {
      sum += 1.0 / (i + 101);
      cumulative[i] = sum;
    }
    List<List<String>> words = new ArrayList<>();
    for (int a = 0; a < originals; a++) {
      List<String> text = new ArrayList<>();
      for (int w = 0; w < 60; w++) {
        int rank = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
        text.add("w" + (rank < 0 ? -rank - 1 : rank));
      }
      words.add(text);
    }
    List<Article> articles = new ArrayList<>();
    for (List<String> text : words) {
      articles.add(Article.of("t", String.join(" ", text)));
    }
    int spacing = originals / planted;
    for (int p = 0; p < planted; p++) {
      List<String> copy = new ArrayList<>(words.get(p * spacing));
      for (int k = 0; k < 10; k++) {
        copy.set(random.nextInt(copy.size()), "planted" + p + "x" + k);
      }
      articles.add(Article.of("t", String.join(" ", copy)));
    }
    return articles;
  }

  private static Set<List<Object>> pairSet(DupPairs pairs) {
    return pairs.pairs().stream()
        .map(p -> List.<Object>of(p.first(), p.second(), p.score()))
        .collect(Collectors.toSet());
  }

  private static Set<List<Object>> bruteForce(
      List<Map<CharSequence, Integer>> vectors, double threshold) {
    CosineSimilarity cosine = new CosineSimilarity();
    Set<List<Object>> pairs = new HashSet<>();
    for (int x = 0; x < vectors.size(); x++) {
      for (int y = 0; y < x; y++) {
        if (vectors.get(x).isEmpty() || vectors.get(y).isEmpty()) {
          continue;
        }
        double score = cosine.cosineSimilarity(vectors.get(y), vectors.get(x));
        // The documented rule: a tolerance for rounding, so that equal directions reach 1.0.
        if (score >= threshold - 1e-9) {
          pairs.add(List.of(y, x, score));
        }
      }
    }
    return pairs;
  }

  private static List<DuplicateGroup> nearGroups(DuplicateFinder finder) {
    return finder.find(SEEDS).stream().filter(g -> !g.exact()).collect(Collectors.toList());
  }
  @Test
  void thresholdOneFindsTextsWithTheSameTokensDespiteRounding() {
    Article a = Article.of("Port reopens", "The port reopened today!");
    Article b = Article.of("Port reopens.", "The port reopened today.");
    double cosine = new CosineSimilarity().cosineSimilarity(
        DupText.tokenCounts(a.title(), a.body()), DupText.tokenCounts(b.title(), b.body()));
    // The premise of this test: the exact cosine is 1 but comes out just below it.
    assertThat(cosine).isLessThan(1.0).isCloseTo(1.0, within(1e-12));

    for (double threshold : new double[] {1.0, 0.999}) {
      List<DuplicateGroup> groups = DuplicateFinder.DEFAULT.withThreshold(threshold)
          .find(List.of(a, b));
      assertThat(groups).as("threshold %s", threshold).singleElement().satisfies(g -> {
        assertThat(g.exact()).isFalse();
        assertThat(g.articles()).containsExactly(a, b);
        assertThat(g.score()).isLessThanOrEqualTo(1.0).isCloseTo(1.0, within(1e-12));
      });
    }
    // The tolerance is for rounding only: a really different text still misses threshold 1.
    Article c = Article.of("Port reopens", "The port reopened today after repairs.");
    assertThat(DuplicateFinder.DEFAULT.withThreshold(1.0).find(List.of(a, c))).isEmpty();
  }

  /**
   * A hostile text of 300,000 combining marks in a row: the JDK's normalizer (under {@code
   * stripAccents}) is quadratic in such a run and took about a minute; runs are cut to Unicode's
   * stream-safe 30 marks first. The timeout only guards against a hang.
   */
  @Test
  void aHugeRunOfCombiningMarksIsNormalisedInLinearTime() {
    String marks = "\u0301\u0316".repeat(150_000);
    List<Article> articles =
        List.of(Article.of("Title a" + marks, "Body"), Article.of("Title a" + marks, "Body"));

    List<DuplicateGroup> groups =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(20), () -> DuplicateFinder.DEFAULT.find(articles));

    assertThat(groups).hasSize(1);
    assertThat(groups.get(0).exact()).isTrue();
  }

  @Test
  void streamSafeTextKeepsThirtyMarksInARowAndEverythingElse() {
    String thirty = "\u0301".repeat(30);
    assertThat(DupText.streamSafe("e" + thirty + "x")).isEqualTo("e" + thirty + "x");
    assertThat(DupText.streamSafe("e" + thirty + "\u0316\u0316x" + thirty))
        .isEqualTo("e" + thirty + "x" + thirty);
    // marks outside the BMP count as one each (U+1D167, a combining musical mark)
    String supplementary = "\uD834\uDD67".repeat(31);
    assertThat(DupText.streamSafe("a" + supplementary)).isEqualTo("a" + "\uD834\uDD67".repeat(30));
    assertThat(DupText.normalize("Caf\u00e9" + thirty)).isEqualTo("cafe");
  }
}
