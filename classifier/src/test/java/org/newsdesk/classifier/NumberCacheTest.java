package org.newsdesk.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumberCacheTest {

  /** A number's entry with its scanner hash and pack, as the analyser makes it on a miss. */
  private static Term term(String number) {
    char[] chars = number.toCharArray();
    return new Term(chars, 0, chars.length, hash(number), number, -1, -1, 0, false);
  }

  private static int hash(String number) {
    char[] c = number.toCharArray();
    long p0 = TokenSpans.pack(c, 0, c.length, 0);
    long p1 = TokenSpans.pack(c, 0, c.length, 1);
    return TokenSpans.hash(c, 0, c.length, true, p0, p1);
  }

  private static Term get(NumberCache cache, String number) {
    char[] c = number.toCharArray();
    return cache.get(
        hash(number),
        c.length,
        TokenSpans.pack(c, 0, c.length, 0),
        TokenSpans.pack(c, 0, c.length, 1));
  }

  @Test
  void findsAPutNumberUntilAnotherTakesItsSlot() {
    NumberCache cache = new NumberCache();
    assertThat(get(cache, "2023")).isNull();
    Term year = term("2023");
    cache.put(year);
    assertThat(get(cache, "2023")).isSameAs(year);
    assertThat(get(cache, "2024")).isNull();
    assertThat(get(cache, "02023")).isNull();
    // the first number that shares the year's slot evicts it
    for (int n = 0; ; n++) {
      String other = Integer.toString(n);
      if (!other.equals("2023")
          && NumberCache.slot(hash(other)) == NumberCache.slot(hash("2023"))) {
        Term taker = term(other);
        cache.put(taker);
        assertThat(get(cache, other)).isSameAs(taker);
        assertThat(get(cache, "2023")).isNull();
        break;
      }
    }
  }

  @Test
  void holdsTheLastNumberPutInEachSlotAndNoOther() {
    NumberCache cache = new NumberCache();
    String[] last = new String[NumberCache.SLOTS];
    for (int n = 0; n < 100_000; n++) {
      String number = Integer.toString(n);
      cache.put(term(number));
      last[NumberCache.slot(hash(number))] = number;
    }
    for (int n = 0; n < 100_000; n++) {
      String number = Integer.toString(n);
      Term t = get(cache, number);
      if (number.equals(last[NumberCache.slot(hash(number))])) {
        assertThat(t).as(number).isNotNull();
        assertThat(t.text).isEqualTo(number);
      } else {
        assertThat(t).as(number).isNull();
      }
    }
  }
}
