package org.newsdesk.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parsing (and writing) costs time linear in the input for every input the limits allow: on
 * pathological inputs the time per megabyte stays within a constant factor of an ordinary digest's,
 * measured in this JVM (CPU time of this thread, best of several runs, so that other processes on
 * the machine matter little). The factor is generous ({@link #MAX_RATIO}); what it catches is
 * superlinear work, which at these sizes shows as factors in the hundreds to many thousands (two
 * near-equal 1,000,000-character lines took minutes).
 */
class LinearTimeTest {

  /**
   * Slowest allowed time per MB relative to an ordinary digest. Inputs of tiny lines pay per line
   * and per diagnostic (measured up to about 40 on a loaded machine, see FORMAT.md); quadratic
   * work shows as more than 1,000 already on the first, smallest case.
   */
  static final double MAX_RATIO = 100;

  static final int MB = 1 << 20;
  /** The size of most generated inputs. */
  static final int SIZE = MB / 2;
  static final int MAX_LINE = NewsFormat.DEFAULT_MAX_LINE_LENGTH;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  @TempDir Path dir;

  @Test
  void parsingTimePerMegabyteStaysWithinAFactorOfAnOrdinaryDigest() {
    byte[] ordinary = ordinaryDigest(MB).getBytes(UTF_8);
    Map<String, byte[]> cases = new LinkedHashMap<>();
    // Small before large, so that a quadratic regression fails early instead of running long.
    cases.put("near-equal 20k-character titles, both ends differ",
        repeat(i -> nearPair(20_000, i), SIZE));
    cases.put("near-equal 200-character titles", repeat(i -> nearPair(200, i), SIZE));
    cases.put("near-equal titles, only case and spacing differ",
        repeat(i -> "Customs " + i + "  Rule\n\ncustoms " + i + " rule\n\nBody.\n\n", SIZE));
    cases.put("periodic near-equal lines (abab.. / baba..)",
        repeat(i -> "ab".repeat(50_000) + "\n" + "ba".repeat(50_000) + "\n", SIZE));
    cases.put("two near-equal lines at the line limit", (nearLine(MAX_LINE, 'a', 'b') + "\n\n"
        + nearLine(MAX_LINE, 'c', 'd') + "\n\nBody.\n").getBytes(UTF_8));
    cases.put("a line at the limit, repeated", repeat(i -> "x".repeat(MAX_LINE) + "\n", SIZE));
    cases.put("lines over the limit", repeat(i -> "y".repeat(MAX_LINE + 1) + "\n", SIZE));
    cases.put("two million blank lines", repeat(i -> "\n", 2 * MB));
    cases.put("blank lines of spaces, tabs and CRs", repeat(i -> " \t\r\n\r", SIZE));
    cases.put("a record, then a run of date lines",
        concat("T\n\nT\n\nBody.\n", repeat(i -> "11/07/2023 Logistics\n", SIZE)));
    cases.put("a run of distinct date lines", repeat(i -> String.format("%02d/%02d/%04d x\n",
        1 + i % 12, 1 + i % 28, 1900 + i % 200), SIZE));
    cases.put("a run of invalid date lines", repeat(i -> "13/45/2023 X\n", SIZE));
    cases.put("a run of Read More lines", repeat(i -> "Read More\n", SIZE));
    cases.put("title pairs without bodies (a diagnostic every 6 bytes)",
        repeat(i -> "T\n\nT\n\n", SIZE));
    cases.put("stray single lines", repeat(i -> "a\n\nb\n\n", SIZE));
    cases.put("titles not repeated", repeat(i -> "a\nb\n\n", SIZE));
    cases.put("records without blank lines", repeat(i -> "T\nT\nB\n", SIZE));
    cases.put("a body continued on a million lines",
        concat("T\n\nT\n\n", repeat(i -> "more\n", SIZE)));
    cases.put("invalid UTF-8 in every body", invalidUtf8(SIZE));

    double base = Math.min(perMb(ordinary, NewsFormat.LENIENT), perMb(ordinary,
        NewsFormat.DEFAULT));
    List<String> report = new ArrayList<>();
    for (Map.Entry<String, byte[]> c : cases.entrySet()) {
      double ratio = Math.max(perMb(c.getValue(), NewsFormat.LENIENT),
          perMb(c.getValue(), NewsFormat.DEFAULT)) / base;
      report.add(String.format("%-60s %6.1f", c.getKey(), ratio));
      if (Boolean.getBoolean("newsdesk.linear.report")) {
        System.out.println(report.get(report.size() - 1));
      }
      assertThat(ratio).as("%s: time per MB / ordinary digest's; all so far:%n%s", c.getKey(),
          String.join("\n", report)).isLessThan(MAX_RATIO);
    }
  }

  @Test
  void stringAndReaderInputAreLinearToo() {
    String ordinary = ordinaryDigest(MB / 2);
    double base = perMbOfString(ordinary);
    for (String text : List.of(new String(repeat(i -> nearPair(20_000, i), MB / 2), UTF_8),
        new String(repeat(i -> "T\n\nT\n\n", MB / 2), UTF_8))) {
      assertThat(perMbOfString(text) / base).isLessThan(MAX_RATIO);
    }
  }

  @Test
  void writingTimePerMegabyteStaysWithinAFactorOfOrdinaryArticles() {
    List<Article> ordinary = NewsReader.ofString(ordinaryDigest(MB)).stream().toList();
    String big = "x".repeat(MB / 2);
    List<Article> huge = List.of(Article.of("Title " + big, "Body " + big)
        .withDate(LocalDate.of(2023, 11, 7)).withCategory("Category " + big));
    double base = perMbOfWriting(ordinary);
    assertThat(perMbOfWriting(huge) / base).isLessThan(MAX_RATIO);
    // A character the charset cannot encode at the very end: the writer looks for it.
    NewsFormat latin1 = NewsFormat.DEFAULT.toBuilder().charset(StandardCharsets.ISO_8859_1)
        .build();
    Article unencodable = Article.of("T", big + "\u20ac");
    Path file = dir.resolve("latin1.txt");
    double rejecting = best(() -> {
      try (NewsWriter writer = NewsWriter.open(file, latin1)) {
        assertThatThrownBy(() -> writer.write(unencodable))
            .hasMessageContaining("U+20AC");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }) / (big.length() / (double) MB);
    assertThat(rejecting / base).isLessThan(MAX_RATIO);
  }

  // ---- inputs

  /** Realistic records: ~60-character titles, ~400-character bodies, dates, Read More lines. */
  static String ordinaryDigest(int bytes) {
    Random random = new Random(1);
    StringBuilder text = new StringBuilder();
    for (int i = 0; text.length() < bytes; i++) {
      String title = "Customs authority " + i + " announces new measures for item "
          + random.nextInt(100_000);
      StringBuilder body = new StringBuilder();
      while (body.length() < 400) {
        body.append("word").append(random.nextInt(1000)).append(' ');
      }
      text.append(title).append("\n\n").append(title).append("\n\n")
          .append(body.toString().trim()).append("\n\n")
          .append(String.format("%02d/%02d/%04d Logistics%n", 1 + random.nextInt(12),
              1 + random.nextInt(28), 2000 + random.nextInt(30)))
          .append("Read More\n\n");
    }
    return text.toString();
  }

  /** A title and a repeat that differ in their first and last characters, then a body. */
  static String nearPair(int length, int seed) {
    String middle = ("title " + seed + " ").repeat(length / 8 + 1).substring(0, length - 2);
    return "a" + middle + "b\n\nc" + middle + "d\n\nBody " + seed + ".\n\n";
  }

  static String nearLine(int length, char first, char last) {
    return first + "m".repeat(length - 2) + last;
  }

  static byte[] repeat(IntFunction<String> unit, int bytes) {
    StringBuilder text = new StringBuilder(bytes + 1024);
    for (int i = 0; text.length() < bytes; i++) {
      text.append(unit.apply(i));
    }
    return text.toString().getBytes(UTF_8);
  }

  static byte[] concat(String head, byte[] tail) {
    byte[] h = head.getBytes(UTF_8);
    byte[] all = new byte[h.length + tail.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(tail, 0, all, h.length, tail.length);
    return all;
  }

  /** Records whose bodies each hold a byte that is not UTF-8 (0xFF). */
  static byte[] invalidUtf8(int bytes) {
    byte[] text = repeat(i -> "T" + i + "\n\nT" + i + "\n\nBody \u0001 end.\n\n", bytes);
    for (int i = 0; i < text.length; i++) {
      if (text[i] == 1) {
        text[i] = (byte) 0xFF;
      }
    }
    return text;
  }

  // ---- measuring

  /** Best-of-three CPU seconds per MB to read the bytes to the end (or the first strict error). */
  static double perMb(byte[] input, NewsFormat format) {
    return best(() -> {
      try (NewsReader reader = NewsReader.open(new ByteArrayInputStream(input), "x", format)) {
        drain(reader);
      }
    }) / (input.length / (double) MB);
  }

  static double perMbOfString(String text) {
    return best(() -> {
      try (NewsReader reader = NewsReader.ofString(text, NewsFormat.LENIENT)) {
        drain(reader);
      }
    }) / (text.getBytes(UTF_8).length / (double) MB);
  }

  static double perMbOfWriting(List<Article> articles) {
    long bytes = NewsWriter.toString(articles).getBytes(UTF_8).length;
    return best(() -> {
      StringWriter out = new StringWriter();
      try (NewsWriter writer = NewsWriter.of(out)) {
        writer.writeAll(articles);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }) / (bytes / (double) MB);
  }

  private static void drain(NewsReader reader) {
    Iterator<Article> it = reader.iterator();
    try {
      while (it.hasNext()) {
        it.next();
      }
    } catch (NewsParseException e) {
      // strict mode stops at the first problem
    }
  }

  /** The least CPU time of this thread over seven runs, in seconds (a load spike hits only some). */
  static double best(Runnable run) {
    double best = Double.MAX_VALUE;
    for (int i = 0; i < 7; i++) {
      long start = THREADS.getCurrentThreadCpuTime();
      run.run();
      best = Math.min(best, (THREADS.getCurrentThreadCpuTime() - start) / 1e9);
    }
    return Math.max(best, 1e-6);
  }
}
