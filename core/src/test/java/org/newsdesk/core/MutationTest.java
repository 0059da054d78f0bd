package org.newsdesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsdesk.testing.Fixtures;

/**
 * Thousands of randomly damaged seed files (fixed seed): strict mode throws nothing but
 * {@link NewsParseException}, lenient mode never throws, every non-blank line is accounted for,
 * and the two modes agree.
 */
class MutationTest {

  /** Fixed, so runs are reproducible; -Dnewsdesk.mutationSeed / -Dnewsdesk.mutants explore more. */
  private static final long SEED = Long.getLong("newsdesk.mutationSeed", 0x5EED_2026L);
  private static final int MUTANTS = Integer.getInteger("newsdesk.mutants", 6000);
  private static final byte[][] NOISE = {
      {'\n'}, {'\r'}, {'\r', '\n'}, {' '}, {'\t'}, {(byte) 0xFF}, {(byte) 0xC3},
      {(byte) 0xE2, (byte) 0x80}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {0},
      "11/07/2023 Logistics".getBytes(StandardCharsets.UTF_8),
      "13/45/2023 Bad".getBytes(StandardCharsets.UTF_8),
      "Read More".getBytes(StandardCharsets.UTF_8), {'/'}, {'1'},
      "\u6d77\u5173 \uD83D\uDE80".getBytes(StandardCharsets.UTF_8)};

  private static List<byte[]> seeds;

  @BeforeAll
  static void loadSeeds() throws IOException {
    seeds = new ArrayList<>();
    try (Stream<Path> files = Files.list(Fixtures.samples())) {
      for (Path p : files.sorted().toList()) {
        seeds.add(Files.readAllBytes(p));
      }
    }
  }

  @Test
  void damagedSeedsNeverBreakTheReader() {
    Random random = new Random(SEED);
    NewsFormat roomy = NewsFormat.DEFAULT;
    NewsFormat tight = NewsFormat.builder().maxLineLength(800).maxRecordLength(700).build();
    Map<Diagnostic.Kind, Integer> seen = new EnumMap<>(Diagnostic.Kind.class);
    int clean = 0;
    for (int i = 0; i < MUTANTS; i++) {
      byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
      NewsFormat format = random.nextInt(4) == 0 ? tight : roomy;
      try {
        Accounting.Result lenient = Accounting.check(input, format);
        lenient.diagnostics().forEach(d -> seen.merge(d.kind(), 1, Integer::sum));
        List<Article> strictArticles = new ArrayList<>();
        NewsParseException failure = null;
        try (NewsReader reader = NewsReader.open(new ByteArrayInputStream(input), "test",
            format)) {
          reader.forEach(strictArticles::add);
        } catch (NewsParseException e) {
          failure = e;
        }
        if (failure == null) {
          clean++;
          assertThat(lenient.diagnostics()).isEmpty();
          assertThat(strictArticles).isEqualTo(lenient.articles());
        } else {
          Diagnostic first = lenient.diagnostics().get(0);
          assertThat(failure.kind()).isEqualTo(first.kind());
          assertThat(failure.line()).isEqualTo(first.line());
          assertThat(lenient.articles().subList(0, strictArticles.size()))
              .isEqualTo(strictArticles);
        }
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("mutant " + i + " (seed " + SEED + "): "
            + new String(input, StandardCharsets.UTF_8), e);
      }
    }
    // The mutations reach every kind of problem, and some mutants stay valid.
    assertThat(seen.keySet()).containsAll(List.of(Diagnostic.Kind.values()));
    assertThat(clean).isGreaterThan(MUTANTS / 50);
  }

  static byte[] mutate(byte[] original, Random r) {
    List<byte[]> lines = splitKeepingBreaks(original);
    int ops = 1 + r.nextInt(4);
    for (int k = 0; k < ops && !lines.isEmpty(); k++) {
      int i = r.nextInt(lines.size());
      switch (r.nextInt(11)) {
        case 0 -> lines.remove(i);
        case 1 -> lines.add(i, lines.get(i).clone());
        case 2 -> {
          int j = r.nextInt(lines.size());
          byte[] t = lines.get(i);
          lines.set(i, lines.get(j));
          lines.set(j, t);
        }
        case 3 -> lines.set(i, insert(lines.get(i), NOISE[r.nextInt(NOISE.length)], r));
        case 4 -> {
          byte[] line = lines.get(i).clone();
          if (line.length > 0) {
            line[r.nextInt(line.length)] = (byte) r.nextInt(256);
          }
          lines.set(i, line);
        }
        case 5 -> lines.set(i, crlf(lines.get(i), r));
        case 6 -> lines.add(i, (r.nextBoolean() ? "\n" : " \t\r\n").getBytes(
            StandardCharsets.UTF_8));
        case 7 -> lines.add(i, ("x".repeat(300 + r.nextInt(900)) + "\n")
            .getBytes(StandardCharsets.UTF_8));
        case 8 -> { // join a line with the next one
          if (i + 1 < lines.size()) {
            byte[] a = stripBreak(lines.get(i));
            lines.set(i, concat(a, lines.remove(i + 1)));
          }
        }
        case 9 -> lines.add(i, NOISE[10 + r.nextInt(3)].clone());
        default -> { // truncate the file
          byte[] all = join(lines);
          return java.util.Arrays.copyOf(all, r.nextInt(all.length + 1));
        }
      }
    }
    return join(lines);
  }

  static List<byte[]> splitKeepingBreaks(byte[] b) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\n') {
        lines.add(java.util.Arrays.copyOfRange(b, start, i + 1));
        start = i + 1;
      }
    }
    if (start < b.length) {
      lines.add(java.util.Arrays.copyOfRange(b, start, b.length));
    }
    return lines;
  }

  static byte[] insert(byte[] line, byte[] noise, Random r) {
    int at = r.nextInt(line.length + 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(line, 0, at);
    out.writeBytes(noise);
    out.write(line, at, line.length - at);
    return out.toByteArray();
  }

  static byte[] crlf(byte[] line, Random r) {
    byte[] text = stripBreak(line);
    if (text.length == line.length) {
      return line;
    }
    return concat(text, r.nextBoolean() ? new byte[] {'\r', '\n'} : new byte[] {'\r'});
  }

  static byte[] stripBreak(byte[] line) {
    int n = line.length;
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) {
      n--;
    }
    return java.util.Arrays.copyOf(line, n);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  static byte[] join(List<byte[]> lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    lines.forEach(out::writeBytes);
    return out.toByteArray();
  }
}
