package org.newsdesk.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random text and articles for property tests, biased towards the format's corner cases. */
final class Generators {

  private static final String[] PIECES = {
      "a", "Z", "0", "7", " ", "  ", "\t", "/", ".", ",", "\"", "'", "-", ":",
      "\u00e9", "\u00c5", "\u00df", "\u201c", "\u201d", "\u2019", "\u2014",
      "\u6d77", "\u5173", "\u65b0\u95fb", "\uac00", "\u0416",
      "\uD83D\uDE80", "\uD83C\uDDFA\uD83C\uDDF3", "\uD83D\uDC4D\uD83C\uDFFD",
      "\u00a0", "\u2028", "\u0085", "\u0000", "\u0007", "\u001b", "\uFEFF", "\uFFFD",
      "Read More", "11/07/2023", "WCO", "Customs", "\u0301"};

  private Generators() {}

  /** A string of 1-40 pieces: mostly words, sometimes corner-case characters. */
  static String text(Random r) {
    StringBuilder sb = new StringBuilder();
    int pieces = 1 + r.nextInt(r.nextInt(10) == 0 ? 200 : 40);
    for (int i = 0; i < pieces; i++) {
      if (r.nextInt(3) == 0) {
        sb.append(PIECES[r.nextInt(PIECES.length)]);
      } else {
        int len = 1 + r.nextInt(9);
        for (int j = 0; j < len; j++) {
          sb.append((char) ('a' + r.nextInt(26)));
        }
        sb.append(' ');
      }
    }
    return sb.toString();
  }

  /** A line of text as the writer accepts it: no breaks, no surrounding spaces or tabs. */
  static String line(Random r) {
    String s = text(r).replace("\n", "").replace("\r", "");
    s = s.replaceAll("^[ \t]+|[ \t]+$", "");
    return s.isEmpty() ? "x" : s;
  }

  /**
   * A representable article: regenerated until the rules of FORMAT.md section 5 hold; {@code
   * first} if it is the first of its output.
   */
  static Article article(Random r, String openBody, boolean first) {
    while (true) {
      Article a = anyArticle(r);
      if (RoundTripPropertyTest.unrepresentable(a, openBody, first) == null) {
        return a;
      }
    }
  }

  static Article anyArticle(Random r) {
    Article a = Article.of(line(r), line(r));
    if (r.nextInt(3) == 0) {
      a = a.withDate(LocalDate.ofEpochDay(r.nextInt(80_000) - 10_000));
      String category = line(r);
      if (r.nextBoolean() && !category.isBlank()) {
        a = a.withCategory(category);
      }
    }
    return a;
  }

  /** Articles, with a few raw (possibly unrepresentable) ones when {@code raw} is set. */
  static List<Article> articles(Random r, boolean raw) {
    int n = r.nextInt(12);
    List<Article> list = new ArrayList<>();
    String openBody = null;
    for (int i = 0; i < n; i++) {
      Article a = article(r, openBody, list.isEmpty());
      openBody = a.date().isPresent() ? null : a.body();
      if (raw && r.nextInt(4) == 0) {
        a = switch (r.nextInt(6)) {
          case 0 -> Article.of(text(r), text(r));
          case 1 -> Article.of("11/07/2023 " + line(r), line(r));
          case 2 -> Article.of(a.title(), "Read More");
          case 3 -> Article.of(a.title(), a.body()).withCategory("Cat " + line(r));
          case 4 -> Article.of(a.title() + "\n" + a.title(), a.body());
          default -> Article.of(list.isEmpty() ? a.title() : list.get(list.size() - 1).body(),
              a.body());
        };
      }
      list.add(a);
    }
    return list;
  }
}
