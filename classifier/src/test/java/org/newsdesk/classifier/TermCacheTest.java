package org.newsdesk.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TermCacheTest {

  /** A term for a token, its analysis being the token upper-cased (any value would do). */
  private static Term term(String token) {
    char[] chars = token.toCharArray();
    return new Term(chars, 0, chars.length, token.hashCode(), token.toUpperCase(), -1, -1, 0, false);
  }

  /**
   * Looks a token up as the analyser does: a slice of a longer text, packed as the scanner packs
   * it, with a candidate. The hash is the token's string hash: the cache takes any hash its entries
   * were put with, and string hashes make colliding tokens easy to write ("Aa", "BB").
   */
  private static Term get(TermCache cache, String token, Term candidate) {
    char[] text = ("<<" + token + ">>").toCharArray();
    int from = 2;
    int to = 2 + token.length();
    boolean packable = TokenSpans.packable(text, from, to);
    return cache.get(
        text,
        from,
        to,
        token.hashCode(),
        packable,
        packable ? TokenSpans.pack(text, from, to, 0) : 0,
        packable ? TokenSpans.pack(text, from, to, 1) : 0,
        candidate);
  }

  /** Tokens of every kind the cache tells apart: packable or not, and equal string hashes. */
  private static List<String> tokens(Random random, int n) {
    Set<String> out = new LinkedHashSet<>(List.of("Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa"));
    String alphabet = "abcdefghijklmnopqrstuvwxyzÀéßΩжℕ—’0123456789";
    while (out.size() < n) {
      // around the 16-char packing limit, and beyond U+00FF now and then
      int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 40 : 18);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < length; i++) {
        sb.append(alphabet.charAt(random.nextInt(random.nextInt(4) == 0 ? alphabet.length() : 26)));
      }
      out.add(sb.toString());
    }
    return new ArrayList<>(out);
  }

  @Test
  void findsEveryPutTokenAndNothingElse() {
    Random random = new Random(7);
    List<String> tokens = tokens(random, 6_000);
    List<String> present = tokens.subList(0, 3_000);
    List<String> absent = tokens.subList(3_000, tokens.size());
    TermCache cache = new TermCache();
    List<Term> terms = new ArrayList<>();
    for (String t : present) {
      Term term = term(t);
      terms.add(term);
      cache.put(term);
    }
    for (int i = 0; i < present.size(); i++) {
      assertThat(get(cache, present.get(i), null)).as(present.get(i)).isSameAs(terms.get(i));
    }
    for (String t : absent) {
      assertThat(get(cache, t, null)).as(t).isNull();
    }
  }

  @Test
  void aCandidateCountsOnlyIfItIsTheSameToken() {
    TermCache cache = new TermCache();
    Term aa = term("Aa");
    Term bb = term("BB"); // the same String.hashCode as "Aa"
    cache.put(aa);
    cache.put(bb);
    assertThat(get(cache, "Aa", bb)).isSameAs(aa);
    assertThat(get(cache, "BB", aa)).isSameAs(bb);
    // a candidate no longer in the table is still the token's analysis
    Term gone = term("gone");
    assertThat(get(cache, "gone", gone)).isSameAs(gone);
    assertThat(get(cache, "gone", null)).isNull();
  }

  @Test
  void prefetchLoadsTheFirstProbeSlotOfEachHash() {
    TermCache cache = new TermCache();
    Term word = term("word");
    cache.put(word);
    Term[] out = new Term[2];
    cache.prefetch(new int[] {"word".hashCode(), "other".hashCode()}, 2, out);
    assertThat(out[0]).isSameAs(word);
    assertThat(out[1]).isNull();
  }

  @Test
  void emptiesItselfWhenFullSoMemoryStaysBounded() {
    List<String> tokens = tokens(new Random(11), FeatureExtractor.TOKEN_CACHE_LIMIT + 10);
    TermCache cache = new TermCache();
    for (String t : tokens) {
      cache.put(term(t));
    }
    // the first LIMIT filled it; the next put emptied it and the last 10 are all it holds
    int limit = FeatureExtractor.TOKEN_CACHE_LIMIT;
    assertThat(get(cache, tokens.get(0), null)).isNull();
    assertThat(get(cache, tokens.get(limit - 1), null)).isNull();
    for (String t : tokens.subList(limit, tokens.size())) {
      assertThat(get(cache, t, null)).as(t).isNotNull();
    }
  }
}
