package org.newsdesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsdesk.testing.AdversarialDigests;
import org.newsdesk.testing.Fixtures;

/**
 * The record-boundary rule (docs/FORMAT.md section 6): reading a digest in byte ranges cut at
 * {@link RecordBoundary#find} gives exactly the articles and diagnostics of reading it whole, on
 * valid digests, on adversarial ones built from a tiny vocabulary (bodies equal to titles,
 * bodies that look like titles, near-equal titles, metadata-looking lines, Read More followed
 * directly by a title, CR, LF and CR LF breaks) and on damaged seeds.
 */
class RecordBoundaryTest {

  private static final NewsFormat LENIENT = NewsFormat.LENIENT.toBuilder()
      .maxDiagnostics(Integer.MAX_VALUE).build();
  private static final NewsFormat TIGHT = LENIENT.toBuilder().maxLineLength(60)
      .maxRecordLength(90).build();

  private static byte[] seeds;

  @BeforeAll
  static void loadSeeds() throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (Path file : Fixtures.sampleFiles()) {
      all.write(Files.readAllBytes(file));
      all.write("\n\n".getBytes(StandardCharsets.UTF_8));
    }
    seeds = all.toByteArray();
  }

  // ---- the rule on small, explained cases

  @Test
  void boundaryIsTheFirstExactTitlePairAfterTheFirstWholeLine() throws IOException {
    String digest = "T1\n\nT1\n\nBody one\n\nT2\n\nT2\n\nBody two\n";
    // From offset 1 (inside "T1"): the first whole line is the blank line 2, the first non-blank
    // one is line 3 (the repeat); line 5 "Body one" does not pair with line 7, so line 7 is it.
    assertThat(find(digest, 1)).contains(new RecordBoundary(digest.indexOf("T2"), 7));
    assertThat(find(digest, 0)).contains(RecordBoundary.START);
    // From the start of line 7 itself: line 7 is the first whole line, so it only serves as
    // the predecessor; no later line starts a pair.
    assertThat(find(digest, digest.indexOf("T2"))).isEmpty();
  }

  @Test
  void aBodyEqualToItsTitleIsNotABoundary() throws IOException {
    String digest = "X\n\nX\n\nbody\n\nT\n\nT\n\nT\n\nU\n\nU\n\nbody u\n";
    // Lines 7, 9, 11 are all "T": line 9 pairs with line 11 but its predecessor is line 7 (an
    // exact pair), so only line 7 can start a record.
    int t = digest.indexOf("T");
    assertThat(find(digest, 1)).contains(new RecordBoundary(t, 7));
    assertThat(find(digest, t + 1)).contains(new RecordBoundary(digest.indexOf("U"), 13));
  }

  @Test
  void aTitleRightAfterReadMoreIsABoundary() throws IOException {
    String digest = "A\n\nA\n\nbody\n11/07/2023 Trade\nRead More\nB\n\nB\n\nbody b";
    assertThat(find(digest, 1)).contains(new RecordBoundary(digest.indexOf("B"), 8));
  }

  @Test
  void aPairWhosePredecessorNearlyEqualsItIsNotABoundary() throws IOException {
    // A stray "Customs rules for Q4 exports" directly before the pair "Customs rules for Q4
    // export": a reader at the stray line takes the next line as its (near) repeat.
    String near = "Customs rules for Q4 exports";
    String title = "Customs rules for Q4 export";
    String digest = "x\n\n" + near + "\n\n" + title + "\n\n" + title + "\n\nbody\n\n"
        + "Next\n\nNext\n\nb\n";
    assertThat(RecordParser.nearlyEqual(near, title)).isTrue();
    assertThat(find(digest, 1)).contains(new RecordBoundary(digest.indexOf("Next"), 11));
  }

  @Test
  void metadataLinesNeverStartAPair() throws IOException {
    String digest = "A\n\nA\n\nb\n\n11/07/2023 X\n11/07/2023 X\nRead More\nRead More\nC\n\nC\n\nc";
    assertThat(find(digest, 1)).contains(new RecordBoundary(digest.indexOf("C"), 11));
  }

  @Test
  void crAndCrLfBreaksCountLikeLf() throws IOException {
    for (String br : List.of("\r", "\r\n", "\n")) {
      String digest = String.join(br, "A", "", "A", "", "b", "", "C", "", "C", "", "c");
      assertThat(find(digest, 1)).as(br.replace("\r", "CR").replace("\n", "LF"))
          .contains(new RecordBoundary(digest.indexOf("C"), 7));
      // An offset on the LF of a CR LF: that LF ends the line of the CR.
      if (br.equals("\r\n")) {
        int lf = digest.indexOf("\r\n") + 1;
        assertThat(find(digest, lf, 1)).contains(new RecordBoundary(digest.indexOf("C"), 7));
      }
    }
  }

  @Test
  void limitStopsTheSearchAfterTheFirstLineStartingAfterIt() throws IOException {
    String digest = "A\n\nA\n\nb\n\nC\n\nC\n\nc\n";
    int c = digest.indexOf("C");
    // limit c - 1: the first non-blank line starting after it is line 7 (C), the boundary itself
    assertThat(RecordBoundary.find(in(digest, 1), 1, 1, c - 1, LENIENT)).isPresent();
    // limit c: the first line after it is line 9 (the repeat), after the boundary: still found
    assertThat(RecordBoundary.find(in(digest, 1), 1, 1, c, LENIENT)).isPresent();
    // limit 1: the first line after it is line 3; line 7 comes later
    assertThat(RecordBoundary.find(in(digest, 1), 1, 1, 1, LENIENT)).isEmpty();
  }

  @Test
  void aSplitInsideALongLineOrBlankRunReadsOnlyItsOwnBytes() throws IOException {
    // 4 MB without a line break (or of blank lines) before two records, cut in 64 KB splits:
    // every split that starts in it is empty, and its search reads its own bytes (plus one
    // small buffer), not the rest of the line up to the records.
    int split = 64 << 10;
    String records = "\n\nT\n\nT\n\nbody\n\nU\n\nU\n\nbody u\n";
    for (String filler : List.of("x", "\n", " \r\n")) {
      byte[] input = (filler.repeat((4 << 20) / filler.length()) + records)
          .getBytes(StandardCharsets.US_ASCII);
      long u = input.length - "U\n\nU\n\nbody u\n".length();
      long total = 0;
      long line = 1;
      for (long s = split; s < input.length; s += split) {
        long end = Math.min(s + split, input.length);
        line += RecordBoundary.countLineBreaks(in(input, s - split), split);
        long[] read = {0};
        Optional<RecordBoundary> found = RecordBoundary.find(counting(in(input, s), read), s,
            line, end, LENIENT);
        String what = "split at " + s + " in " + filler.replace("\r", "CR").replace("\n", "LF")
            + " filler";
        assertThat(read[0]).as(what).isLessThanOrEqualTo(split + 8192 + records.length());
        if (end < input.length) {
          assertThat(found).as(what).isEmpty();
        } else {
          assertThat(found).as(what).map(RecordBoundary::offset).contains(u);
        }
        total += read[0];
      }
      assertThat(total).as(filler).isLessThan(2L * input.length);
      // without a limit, the search from inside the filler reads on to the boundary
      assertThat(RecordBoundary.find(in(input, 1), 1,
          1 + RecordBoundary.countLineBreaks(in(input, 0), 1), Long.MAX_VALUE, LENIENT)).map(RecordBoundary::offset).contains(u);
    }
  }

  @Test
  void longLinesAndBlankRunsReadInRangesEqualReadWhole() {
    // Long lines and runs of blank lines between records, with cuts often inside them: the
    // bounded search for a range's first record must keep neighbouring ranges in agreement.
    PropertyCheck.forAll(0x10A6L, 400, r -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (int k = 1 + r.nextInt(4); k > 0; k--) {
        out.writeBytes(AdversarialDigests.soup(r));
        String br = List.of("\n", "\r\n", "\r").get(r.nextInt(3));
        String filler = switch (r.nextInt(3)) {
          case 0 -> "y".repeat(50 + r.nextInt(400));
          case 1 -> br.repeat(1 + r.nextInt(300));
          default -> "Long " + "z ".repeat(20 + r.nextInt(200));
        };
        out.writeBytes((br + filler + br).getBytes(StandardCharsets.US_ASCII));
      }
      return out.toByteArray();
    }, RecordBoundaryTest::assertThreeCutsAgree);
  }

  @Test
  void onlyAsciiCompatibleDigestsWithoutForeignMarksSplit() throws IOException {
    assertThat(RecordBoundary.splittable(in("A\n", 0), LENIENT)).isTrue();
    assertThat(RecordBoundary.splittable(new ByteArrayInputStream(
        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'A'}), LENIENT)).isTrue();
    assertThat(RecordBoundary.splittable(new ByteArrayInputStream(
        new byte[] {(byte) 0xFF, (byte) 0xFE, 'A', 0}), LENIENT)).isFalse();
    // UTF-16 text without a mark, which the reader reports for the whole input too
    for (String encoding : List.of("UTF-16LE", "UTF-16BE")) {
      assertThat(RecordBoundary.splittable(new ByteArrayInputStream(
          "Title\n".getBytes(java.nio.charset.Charset.forName(encoding))), LENIENT))
          .as(encoding).isFalse();
    }
    assertThat(RecordBoundary.splittable(new ByteArrayInputStream(
        new byte[] {'A', 0, '\n', 0}), LENIENT)).isTrue(); // not the pattern: read as it is
    NewsFormat utf16 = LENIENT.toBuilder().charset(StandardCharsets.UTF_16).build();
    assertThat(RecordBoundary.splittable(in("A\n", 0), utf16)).isFalse();
    assertThatThrownBy(() -> RecordBoundary.find(in("A\n", 0), 1, 1, Long.MAX_VALUE, utf16))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UTF-16");
    assertThatThrownBy(() -> NewsReader.open(in("A\n", 0), "x", utf16, RecordBoundary.START, 5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void lineBreaksAreCountedWhereTheyEnd() throws IOException {
    byte[] b = "a\r\nb\rc\n\r\r\n".getBytes(StandardCharsets.US_ASCII);
    // breaks end at 2 (CR LF), 4 (CR), 6 (LF), 7 (CR), 9 (CR LF)
    long[] expected = {0, 0, 0, 1, 1, 2, 2, 3, 4, 4, 5};
    for (int len = 0; len <= b.length; len++) {
      assertThat(RecordBoundary.countLineBreaks(new ByteArrayInputStream(b), len))
          .as("first %d bytes", len).isEqualTo(expected[len]);
    }
  }

  // ---- reading in ranges equals reading whole

  @Test
  void seedsReadInRangesEqualSeedsReadWhole() {
    Random random = new Random(20261130L);
    for (int i = 0; i < 300; i++) {
      byte[] input = i % 3 == 0 ? seeds : recode(seeds, i % 3 == 1 ? "\r\n" : "\r");
      assertSplitsAgree(input, cuts(input.length, random), NewsFormat.DEFAULT);
      assertSplitsAgree(input, cuts(input.length, random), LENIENT);
    }
  }

  /** Three random ways of cutting the input, each read in ranges under three formats. */
  private static void assertThreeCutsAgree(byte[] input) {
    Random random = new Random(Arrays.hashCode(input));
    for (int k = 0; k < 3; k++) {
      long[] cuts = cuts(input.length, random);
      assertSplitsAgree(input, cuts, LENIENT);
      assertSplitsAgree(input, cuts, NewsFormat.DEFAULT);
      assertSplitsAgree(input, cuts, TIGHT);
    }
  }

  @Test
  void adversarialDigestsReadInRangesEqualReadWhole() {
    PropertyCheck.forAll(
        0xB0DAL, 1500, AdversarialDigests::soup, RecordBoundaryTest::assertThreeCutsAgree);
  }

  @Test
  void damagedSeedsReadInRangesEqualReadWhole() {
    Random random = new Random(0xDA3A6EL);
    for (int i = 0; i < 800; i++) {
      byte[] input = MutationTest.mutate(seeds, random);
      long[] cuts = cuts(input.length, random);
      assertSplitsAgree(input, cuts, LENIENT);
      assertSplitsAgree(input, cuts, NewsFormat.DEFAULT);
    }
  }

  /**
   * Reads {@code input} whole and in the ranges between {@code cuts}, the way a Spark task
   * reads its split, and asserts the same articles and diagnostics come out; in strict mode, the
   * first range that fails fails with the whole reading's error.
   */
  private static void assertSplitsAgree(byte[] input, long[] cuts, NewsFormat format) {
    List<Article> whole = new ArrayList<>();
    List<Diagnostic> wholeDiagnostics = new ArrayList<>();
    String wholeError = read(input, RecordBoundary.START, Long.MAX_VALUE, format, whole,
        wholeDiagnostics);
    List<Article> split = new ArrayList<>();
    List<Diagnostic> splitDiagnostics = new ArrayList<>();
    String splitError = null;
    long[] lines = new long[cuts.length];
    lines[0] = 1;
    for (int j = 1; j < cuts.length; j++) {
      long a = cuts[j - 1];
      long b = cuts[j];
      lines[j] = lines[j - 1] + uncheck(() -> RecordBoundary.countLineBreaks(in(input, a),
          b - a));
    }
    for (int j = 0; j < cuts.length && splitError == null; j++) {
      int k = j;
      Optional<RecordBoundary> from = j == 0 ? Optional.of(RecordBoundary.START)
          : uncheck(() -> RecordBoundary.find(in(input, cuts[k]), cuts[k], lines[k],
              k + 1 < cuts.length ? cuts[k + 1] : Long.MAX_VALUE, format));
      long to = j + 1 == cuts.length ? Long.MAX_VALUE
          : uncheck(() -> RecordBoundary.find(in(input, cuts[k + 1]), cuts[k + 1], lines[k + 1],
              Long.MAX_VALUE, format)).map(RecordBoundary::offset).orElse(Long.MAX_VALUE);
      if (from.isPresent()) {
        assertThat(from.get().offset()).isLessThanOrEqualTo(to);
        splitError = read(input, from.get(), to, format, split, splitDiagnostics);
      }
    }
    if (!Objects.equals(splitError, wholeError) || !split.equals(whole)
        || !splitDiagnostics.equals(wholeDiagnostics)) {
      String what = "cuts " + Arrays.toString(cuts) + " of "
          + new String(input, StandardCharsets.ISO_8859_1);
      assertThat(splitError).as(what).isEqualTo(wholeError);
      assertThat(split).as(what).isEqualTo(whole);
      assertThat(splitDiagnostics).as(what).isEqualTo(wholeDiagnostics);
    }
  }

  /** Reads one range; returns the strict-mode error message, or null. */
  private static String read(byte[] input, RecordBoundary from, long to, NewsFormat format,
      List<Article> articles, List<Diagnostic> diagnostics) {
    NewsFormat listening = format.toBuilder().onDiagnostic(diagnostics::add).build();
    try (NewsReader reader = NewsReader.open(in(input, from.offset()), "test", listening, from,
        to)) {
      reader.forEach(articles::add);
      return null;
    } catch (NewsParseException e) {
      return e.getMessage();
    }
  }

  /** Cut points: 0, then 1-12 random offsets in increasing order, sometimes adjacent. */
  private static long[] cuts(int length, Random r) {
    int n = 1 + r.nextInt(12);
    long[] c = new long[n + 1];
    for (int i = 1; i <= n; i++) {
      c[i] = length == 0 ? 0 : r.nextInt(length + 1);
    }
    Arrays.sort(c);
    return c;
  }

  private static byte[] recode(byte[] input, String br) {
    String text = new String(input, StandardCharsets.UTF_8);
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", br)
        .getBytes(StandardCharsets.UTF_8);
  }

  private static Optional<RecordBoundary> find(String digest, int offset) throws IOException {
    return find(digest, offset, 1 + digest.substring(0, offset).replace("\r\n", "\n")
        .chars().filter(c -> c == '\n' || c == '\r').count());
  }

  private static Optional<RecordBoundary> find(String digest, int offset, long line)
      throws IOException {
    return RecordBoundary.find(in(digest, offset), offset, line, Long.MAX_VALUE, LENIENT);
  }

  private static InputStream in(String s, long offset) {
    return in(s.getBytes(StandardCharsets.UTF_8), offset);
  }

  private static InputStream in(byte[] b, long offset) {
    int o = (int) Math.min(offset, b.length);
    return new ByteArrayInputStream(b, o, b.length - o);
  }

  /** Counts the bytes read through it into {@code read[0]}. */
  private static InputStream counting(InputStream in, long[] read) {
    return new java.io.FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        read[0] += b < 0 ? 0 : 1;
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        read[0] += Math.max(n, 0);
        return n;
      }
    };
  }

  private interface IoCall<T> {
    T call() throws IOException;
  }

  private static <T> T uncheck(IoCall<T> call) {
    try {
      return call.call();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
