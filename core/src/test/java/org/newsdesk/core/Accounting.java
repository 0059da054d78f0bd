package org.newsdesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Test helper: parses UTF-8 bytes leniently and checks the accounting invariant of FORMAT.md
 * with its own, independent line splitting: every non-blank line is a line of an article (in
 * the right place) or inside a diagnostic's range.
 */
final class Accounting {

  /** What a lenient parse produced. */
  record Result(List<Article> articles, List<Diagnostic> diagnostics) {
    List<Diagnostic.Kind> kinds() {
      return diagnostics.stream().map(Diagnostic::kind).toList();
    }
  }

  private Accounting() {}

  static Result parseLeniently(byte[] input, NewsFormat format) {
    NewsFormat lenient = format.toBuilder().strict(false).maxDiagnostics(Integer.MAX_VALUE)
        .build();
    try (NewsReader reader = NewsReader.open(new ByteArrayInputStream(input), "test", lenient)) {
      List<Article> articles = reader.stream().toList();
      Result result = new Result(articles, reader.diagnostics());
      assertThat(reader.diagnosticCount()).isEqualTo(result.diagnostics().size());
      return result;
    }
  }

  /** Parses leniently and asserts the accounting invariant; returns the result. */
  static Result check(byte[] input, NewsFormat format) {
    Result result = parseLeniently(input, format);
    assertAccounted(input, result, format);
    return result;
  }

  static Result check(String input) {
    return check(input.getBytes(StandardCharsets.UTF_8), NewsFormat.LENIENT);
  }

  /** Independent line splitting: LF, CRLF, CR; BOM skipped; trimmed of spaces and tabs. */
  static TreeMap<Long, String> nonBlankLines(byte[] input) {
    TreeMap<Long, String> lines = new TreeMap<>();
    int start = 0;
    if (input.length >= 3 && (input[0] & 0xFF) == 0xEF && (input[1] & 0xFF) == 0xBB
        && (input[2] & 0xFF) == 0xBF) {
      start = 3;
    }
    long number = 0;
    int i = start;
    while (i < input.length) {
      int end = i;
      while (end < input.length && input[end] != '\n' && input[end] != '\r') {
        end++;
      }
      number++;
      int s = i;
      int e = end;
      while (s < e && (input[s] == ' ' || input[s] == '\t')) {
        s++;
      }
      while (e > s && (input[e - 1] == ' ' || input[e - 1] == '\t')) {
        e--;
      }
      if (s < e) {
        lines.put(number, new String(input, s, e - s, StandardCharsets.UTF_8));
      }
      if (end == input.length) {
        break;
      }
      i = end + 1;
      if (input[end] == '\r' && i < input.length && input[i] == '\n') {
        i++;
      }
      if (i == input.length) {
        break;
      }
    }
    return lines;
  }

  static void assertAccounted(byte[] input, Result result, NewsFormat format) {
    TreeMap<Long, String> lines = nonBlankLines(input);
    DateTimeFormatter dates = DateTimeFormatter.ofPattern(format.datePattern());
    TreeMap<Long, Article> byLine = new TreeMap<>();
    long previous = 0;
    for (Article a : result.articles()) {
      assertThat(a.line()).as("article lines increase").isGreaterThan(previous);
      previous = a.line();
      assertThat(lines.get(a.line())).as("title line %d of %s", a.line(), a).isEqualTo(a.title());
      byLine.put(a.line(), a);
    }
    for (Diagnostic d : result.diagnostics()) {
      assertThat(d.line()).isPositive();
      if (d.firstLine() != 0) {
        assertThat(d.lastLine()).isGreaterThanOrEqualTo(d.firstLine());
      }
    }
    // Walk each article's uncovered lines through its expected slots, in order.
    Article current = null;
    int slot = 0;
    for (var entry : lines.entrySet()) {
      long n = entry.getKey();
      String text = entry.getValue();
      if (result.diagnostics().stream().anyMatch(d -> d.covers(n))) {
        continue;
      }
      var owner = byLine.floorEntry(n);
      if (owner == null) {
        fail("line %d %s is neither in an article nor in a diagnostic: %s", n, text,
            result.diagnostics());
      }
      if (owner.getValue() != current) {
        current = owner.getValue();
        slot = 0;
      }
      Article a = current;
      int matched = -1;
      for (int s = slot; s < 5 && matched < 0; s++) {
        if (fits(s, text, a, dates)) {
          matched = s;
        }
      }
      if (matched < 0) {
        fail("line %d %s is not part of article %s (lines: %s; diagnostics: %s)", n, text,
            a, lines, result.diagnostics());
      }
      slot = matched + 1;
    }
  }

  private static boolean fits(int slot, String text, Article a, DateTimeFormatter dates) {
    switch (slot) {
      case 0:
      case 1:
        return text.equals(a.title());
      case 2:
        return a.body().equals(text) || a.body().startsWith(text + " ");
      case 3:
        return a.date().isPresent() && text.startsWith(dates.format(a.date().get()))
            && a.category().map(text::endsWith).orElse(true);
      default:
        return text.equals("Read More");
    }
  }

  static List<String> titles(Result r) {
    List<String> titles = new ArrayList<>();
    r.articles().forEach(a -> titles.add(a.title()));
    return titles;
  }
}
