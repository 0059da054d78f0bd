package org.newsdesk.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

/** Our scanner must find exactly the tokens OpenNLP's SimpleTokenizer finds. */
class TokenSpansTest {

  /** Characters from every class the tokenizer tells apart, and the edge cases between them. */
  private static final String ALPHABET =
      "aZé中ßﬁ" // letters, including one NFKC would expand
          + "07٣" // digits, one from another script
          + "..--!?'\"€—\u2019\u201C\u2026" // others (curly quotes and ellipsis among them), some repeated
          + "   \t\n\r\u00A0\u2007\u202F\u2028\u3000\u000B" // whitespace of several kinds
          + "\u0301\u20DD" // combining marks
          + "\uD83D\uDE00\uD800"; // a surrogate pair and a lone surrogate

  private static List<String> ours(String s) {
    TokenSpans t = new TokenSpans().scan(s);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < t.count(); i++) {
      out.add(s.substring(t.start(i), t.end(i)));
    }
    return out;
  }

  private static List<String> opennlp(String s) {
    List<String> out = new ArrayList<>();
    for (Span span : SimpleTokenizer.INSTANCE.tokenizePos(s)) {
      out.add(s.substring(span.getStart(), span.getEnd()));
    }
    return out;
  }

  @Test
  void matchesSimpleTokenizerOnRandomText() {
    Random random = new Random(20261123);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        // mostly the chosen alphabet, sometimes any char at all
        sb.append(
            random.nextInt(8) == 0
                ? (char) random.nextInt(Character.MAX_VALUE + 1)
                : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      String s = sb.toString();
      assertThat(ours(s)).as("tokens of %s", s).isEqualTo(opennlp(s));
      TokenSpans t = new TokenSpans().scan(s);
      char[] chars = s.toCharArray();
      for (int i = 0; i < t.count(); i++) {
        int from = t.start(i);
        int to = t.end(i);
        boolean packable = TokenSpans.packable(chars, from, to);
        long[] pack = {TokenSpans.pack(chars, from, to, 0), TokenSpans.pack(chars, from, to, 1)};
        String token = "token " + i + " of " + s;
        assertThat(t.packable(i)).as(token).isEqualTo(packable);
        assertThat(t.number(i)).as(token).isEqualTo(TokenSpans.isNumber(chars, from, to));
        if (packable) {
          assertThat(t.packed0(i)).as(token).isEqualTo(pack[0]);
          assertThat(t.packed1(i)).as(token).isEqualTo(pack[1]);
        }
        assertThat(t.hash(i))
            .as(token)
            .isEqualTo(TokenSpans.hash(chars, from, to, packable, pack[0], pack[1]));
      }
      assertThat(t.ascii()).as("ascii: %s", s).isEqualTo(s.chars().allMatch(c -> c < 0x80));
    }
  }

  @Test
  void matchesSimpleTokenizerOnEdgeCases() {
    for (String s :
        List.of(
            "",
            " ",
            "a",
            "WCO's 2023 plan--final!!",
            "3.5kg",
            "e-mail ... ok",
            "tab\tand\u00A0nbsp",
            "\uD83D\uDE00\uD83D\uDE00x")) {
      assertThat(ours(s)).as(s).isEqualTo(opennlp(s));
    }
  }

  @Test
  void packsTellPackableTokensApart() {
    Random random = new Random(20261130);
    Map<String, String> seen = new HashMap<>();
    for (int n = 0; n < 50_000; n++) {
      int length = 1 + random.nextInt(TokenSpans.MAX_PACKED);
      char[] chars = new char[length];
      for (int i = 0; i < length; i++) {
        chars[i] = (char) (random.nextBoolean() ? 'a' + random.nextInt(3) : random.nextInt(0x100));
      }
      assertThat(TokenSpans.packable(chars, 0, length)).isTrue();
      long[] pack = {TokenSpans.pack(chars, 0, length, 0), TokenSpans.pack(chars, 0, length, 1)};
      String token = new String(chars);
      String previous = seen.putIfAbsent(length + ":" + pack[0] + ":" + pack[1], token);
      assertThat(previous).as("same pack as %s", token).isIn(null, token);
    }
    char[] seventeen = "abcdefghijklmnopq".toCharArray();
    assertThat(TokenSpans.packable(seventeen, 0, 16)).isTrue();
    assertThat(TokenSpans.packable(seventeen, 0, 17)).isFalse();
    assertThat(TokenSpans.packable("aΩ".toCharArray(), 0, 2)).isFalse();
    TokenSpans t = new TokenSpans().scan("abcdefghijklmnop abcdefghijklmnopq Ωmega");
    assertThat(t.packable(0)).isTrue();
    assertThat(t.packable(1)).isFalse();
    assertThat(t.packable(2)).isFalse();
  }

  @Test
  void numbersAreShortRunsOfAsciiDigits() {
    TokenSpans t = new TokenSpans().scan("2023 x1 ٣٣ 1234567890123456 12345678901234567 7");
    assertThat(t.count()).isEqualTo(7);
    // "x1" is two tokens, a letter and a number
    boolean[] numbers = {true, false, true, false, true, false, true};
    for (int i = 0; i < numbers.length; i++) {
      assertThat(t.number(i)).as("token %d", i).isEqualTo(numbers[i]);
    }
    assertThat(t.start(6)).isEqualTo(t.end(5) + 1);
    assertThat(TokenSpans.isNumber("a12".toCharArray(), 1, 3)).isTrue();
    assertThat(TokenSpans.isNumber("a12".toCharArray(), 0, 3)).isFalse();
    assertThat(TokenSpans.isNumber("12".toCharArray(), 1, 1)).isFalse();
  }

  @Test
  void aReusedScannerForgetsThePreviousText() {
    TokenSpans t = new TokenSpans();
    t.scan("one two three four five six seven eight nine ten eleven twelve thirteen");
    assertThat(t.scan("alone").count()).isEqualTo(1);
    assertThat(t.scan("").count()).isZero();
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      many.append("w ");
    }
    assertThat(t.scan(many.toString()).count()).isEqualTo(1000);
  }
}
