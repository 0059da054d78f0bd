package org.newsdesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MetadataParserTest {

  static final List<String> FIXED = List.of("MM/dd/yyyy", "dd.MM.yyyy", "yyyy-MM-dd",
      "uuuu-MM-dd", "dd/MM/uuuu", "MM-dd-yyyy");

  @Test
  void fixedWidthDatesAreReadWithoutTheFormatterAndAsTheFormatterReadsThem() {
    for (String pattern : FIXED) {
      MetadataParser parser = new MetadataParser(pattern);
      int[] direct = new int[1];
      PropertyCheck.forAll(pattern.hashCode(), 5_000, r -> dateLike(r, pattern), text -> {
        MetadataParser.DateLine fast = parser.parseFixedWidth(text);
        if (fast != null) {
          direct[0]++;
          assertThat(fast).isEqualTo(parser.parseWithFormatter(text));
        }
        assertThat(parser.parseDate(text)).as("with the cache")
            .isEqualTo(parser.parseWithFormatter(text));
      });
      assertThat(direct[0]).as(pattern + ": dates read directly").isGreaterThan(1_000);
    }
  }

  @Test
  void otherPatternsAlwaysUseTheFormatter() {
    for (String pattern : List.of("M/d/yyyy", "MM/dd/yy", "MMM d, yyyy", "MM/dd/yyyy[ HH:mm]",
        "yyyyMMdd", "MM/MM/yyyy", "dd/MM/yyyy/dd")) {
      assertThat(new MetadataParser(pattern).parseFixedWidth("11/07/2023"))
          .as(pattern).isNull();
    }
  }

  @Test
  void fourDigitYearsOnlyUnlessSigned() {
    MetadataParser parser = new MetadataParser("MM/dd/yyyy");
    assertThat(parser.parseDate("11/07/2023 Logistics").date()).isEqualTo(
        LocalDate.of(2023, 11, 7));
    assertThat(parser.parseDate("11/07/20231")).isNull();
    assertThat(parser.parseDate("11/07/+20231").date()).isEqualTo(LocalDate.of(20231, 11, 7));
    assertThat(parser.parseDate("11/07/0000").error()).contains("YearOfEra");
  }

  /** Text shaped like a date of {@code pattern}, often valid, often slightly off. */
  private static String dateLike(Random r, String pattern) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (Character.isLetter(c)) {
        int run = 1;
        while (i + 1 < pattern.length() && pattern.charAt(i + 1) == c) {
          i++;
          run++;
        }
        int width = r.nextInt(10) == 0 ? run + r.nextInt(3) - 1 : run;
        int value = switch (c) {
          case 'M' -> r.nextInt(14);
          case 'd' -> r.nextInt(33);
          default -> r.nextInt(8) == 0 ? r.nextInt(3) : 1890 + r.nextInt(240);
        };
        String digits = String.format("%0" + Math.max(width, 1) + "d", value);
        text.append(digits.length() > width ? digits.substring(digits.length() - width) : digits);
      } else {
        text.append(r.nextInt(20) == 0 ? "-/. x".charAt(r.nextInt(5)) : c);
      }
    }
    switch (r.nextInt(6)) {
      case 0 -> text.append(" Logistics");
      case 1 -> text.append("\t \tTrade News ");
      case 2 -> text.append(r.nextInt(10));
      case 3 -> text.append("x");
      default -> { }
    }
    return LineText.trim(text.toString());
  }
}
