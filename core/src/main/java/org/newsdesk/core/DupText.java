package org.newsdesk.core;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.lang3.StringUtils;

/** Text normalisation and tokenisation shared by {@link DuplicateFinder}'s two stages. */
final class DupText {

  /** Anything that is not a letter or digit separates tokens. */
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

  /**
   * Function words that every English news body contains; counting them makes unrelated articles
   * look alike (on the seeds the best unrelated pair drops from 0.75 to 0.56 without them). {@code
   * s} and {@code t} are what is left of {@code China's} and {@code don't}.
   */
  static final Set<String> STOP_WORDS =
      Set.of(
          "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
          "been", "being", "between", "both", "but", "by", "can", "could", "did", "do", "does",
          "during", "each", "for", "from", "had", "has", "have", "he", "her", "his", "how", "i",
          "if", "in", "into", "is", "it", "its", "more", "most", "new", "not", "of", "on", "or",
          "other", "our", "out", "over", "s", "she", "should", "so", "such", "t", "than", "that",
          "the", "their", "them", "then", "there", "these", "they", "this", "those", "through",
          "to", "under", "up", "was", "we", "were", "what", "when", "which", "while", "who", "will",
          "with", "would", "you", "your");

  private DupText() {}

  /**
   * Normalises text for exact comparison: collapses whitespace, strips accents, lower-cases.
   *
   * @param text the title or body
   * @return the normalised form
   */
  static String normalize(String text) {
    return StringUtils.stripAccents(streamSafe(StringUtils.normalizeSpace(text)))
        .toLowerCase(Locale.ROOT);
  }

  /**
   * The most combining marks kept in a row, Unicode's limit for stream-safe text (UAX #15): the
   * JDK's normalizer, under {@code stripAccents}, takes time quadratic in the length of a run, so
   * a hostile text of a megabyte of marks took minutes. No real text has such a run.
   */
  static final int MAX_MARKS_IN_A_ROW = 30;

  /** The text with every run of combining marks cut to {@link #MAX_MARKS_IN_A_ROW}. */
  static String streamSafe(String text) {
    if (longestMarkRun(text) <= MAX_MARKS_IN_A_ROW) {
      return text;
    }
    StringBuilder kept = new StringBuilder(text.length());
    int run = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      run = isMark(c) ? run + 1 : 0;
      if (run <= MAX_MARKS_IN_A_ROW) {
        kept.appendCodePoint(c);
      }
    }
    return kept.toString();
  }

  private static int longestMarkRun(String text) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x300) { // no combining mark is below U+0300
        run = 0;
        continue;
      }
      int cp = text.codePointAt(i);
      if (Character.isSupplementaryCodePoint(cp)) {
        i++;
      }
      run = isMark(cp) ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }

  private static boolean isMark(int c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  /**
   * Counts the non-stop-word tokens of the given texts, in the form commons-text's {@code
   * CosineSimilarity} takes.
   *
   * @param texts texts to tokenise together (for example title and body)
   * @return token counts; empty when the texts hold only stop words or punctuation
   */
  static Map<CharSequence, Integer> tokenCounts(String... texts) {
    String[] normalized = new String[texts.length];
    for (int i = 0; i < texts.length; i++) {
      normalized[i] = normalize(texts[i]);
    }
    return tokenCountsOfNormalized(normalized);
  }

  /**
   * Like {@link #tokenCounts}, for texts already {@link #normalize normalised}.
   *
   * @param normalized normalised texts to tokenise together
   * @return token counts
   */
  static Map<CharSequence, Integer> tokenCountsOfNormalized(String... normalized) {
    Map<CharSequence, Integer> counts = new HashMap<>();
    for (String text : normalized) {
      for (String token : SEPARATORS.split(text)) {
        if (!token.isEmpty() && !STOP_WORDS.contains(token)) {
          counts.merge(token, 1, Integer::sum);
        }
      }
    }
    return counts;
  }
}
