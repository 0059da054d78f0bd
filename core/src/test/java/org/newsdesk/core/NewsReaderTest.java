package org.newsdesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.testing.AdversarialDigests;

/** The reader's entry points and its Iterable/Stream/Closeable behaviour. */
class NewsReaderTest {

  static final String TWO = "A\n\nA\n\nBody a.\n\nB\n\nB\n\nBody b.\n";

  @TempDir Path dir;

  @Test
  void ofStringReadsArticlesWithSourceAndLine() {
    try (NewsReader reader = NewsReader.ofString(TWO)) {
      List<Article> articles = reader.stream().collect(Collectors.toList());
      assertThat(articles).extracting(Article::title).containsExactly("A", "B");
      assertThat(articles).extracting(Article::body).containsExactly("Body a.", "Body b.");
      assertThat(articles).extracting(Article::line).containsExactly(1L, 7L);
      assertThat(articles).extracting(Article::source).containsOnly("<string>");
    }
  }

  @Test
  void emptyAndBlankInputGiveNoArticles() {
    for (String text : List.of("", "\n", "  \t \r\n\r\n", "\n\n\n")) {
      try (NewsReader reader = NewsReader.ofString(text)) {
        assertThat(reader.iterator().hasNext()).isFalse();
        assertThat(reader.diagnostics()).isEmpty();
      }
    }
  }

  @Test
  void iteratorIsSharedAndOneShot() {
    NewsReader reader = NewsReader.ofString(TWO);
    Iterator<Article> it = reader.iterator();
    assertThat(reader.iterator()).isSameAs(it);
    assertThat(it.next().title()).isEqualTo("A");
    assertThat(reader.stream().map(Article::title)).containsExactly("B");
    assertThat(it.hasNext()).isFalse();
    assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
  }

  /** The digest {@code TWO} as a stream that sets {@code closed} when it is closed. */
  private static InputStream twoArticles(AtomicBoolean closed) {
    return new ByteArrayInputStream(TWO.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public void close() {
        closed.set(true);
      }
    };
  }

  @Test
  void closingTheStreamClosesTheInput() {
    AtomicBoolean closed = new AtomicBoolean();
    InputStream in = twoArticles(closed);
    NewsReader reader = NewsReader.open(in, "in", NewsFormat.DEFAULT);
    try (Stream<Article> stream = reader.stream()) {
      assertThat(stream.findFirst()).isPresent();
    }
    assertThat(closed).isTrue();
    assertThat(reader.iterator().hasNext()).isFalse();
  }

  @Test
  void aCallersStreamIsClosedByCloseNotWhenItsInputEnds() {
    AtomicBoolean closed = new AtomicBoolean();
    InputStream in = twoArticles(closed);
    NewsReader reader = NewsReader.open(in, "in", NewsFormat.DEFAULT);
    List<String> titles = new ArrayList<>();
    reader.forEach(a -> titles.add(a.title()));
    assertThat(titles).containsExactly("A", "B");
    assertThat(reader.readUnit()).isTrue();
    assertThat(closed).as("closed at the end of input").isFalse();
    reader.close();
    assertThat(closed).isTrue();
  }

  @Test
  void eachEntryOfAZipStreamIsReadWithItsOwnReader() throws IOException {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
      for (String name : List.of("a.txt", "b.txt")) {
        zip.putNextEntry(new ZipEntry(name));
        String digest = "T " + name + "\n\nT " + name + "\n\nBody.\n";
        zip.write(digest.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    List<String> read = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(
        new ByteArrayInputStream(zipped.toByteArray()))) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        NewsReader reader = NewsReader.open(zip, entry.getName(), NewsFormat.DEFAULT);
        reader.forEach(a -> read.add(a.location() + " " + a.title()));
      }
    }
    assertThat(read).containsExactly("a.txt:1 T a.txt", "b.txt:1 T b.txt");
  }

  @Test
  void readerInputIsSupported() {
    try (NewsReader reader = NewsReader.open(new StringReader("\uFEFF" + TWO), "r",
        NewsFormat.DEFAULT)) {
      assertThat(reader.stream().map(Article::title)).containsExactly("A", "B");
    }
  }

  @Test
  void openPathAndReadAll() throws IOException {
    Path file = Files.writeString(dir.resolve("one.txt"), TWO);
    try (NewsReader reader = NewsReader.open(file)) {
      assertThat(reader.stream().map(Article::location))
          .containsExactly(file + ":1", file + ":7");
    }
    assertThat(NewsReader.readAll(file)).hasSize(2);
  }

  @Test
  void openAllWalksDirectoriesInSortedOrderReadingOnlyVisibleTxtFiles() throws IOException {
    Path sub = Files.createDirectories(dir.resolve("d/sub"));
    Files.writeString(dir.resolve("d/b.txt"), "B\n\nB\n\nb");
    Files.writeString(dir.resolve("d/a.txt"), "A\n\nA\n\na");
    Files.writeString(sub.resolve("c.txt"), "C\n\nC\n\nc");
    Files.writeString(dir.resolve("d/.hidden"), "H\n\nH\n\nh");
    Files.writeString(dir.resolve("d/README.md"), "# About these digests");
    Files.writeString(dir.resolve("d/E.TXT"), "E\n\nE\n\ne");
    Path notes = Files.writeString(dir.resolve("notes.dat"), "N\n\nN\n\nn");
    Files.createDirectories(dir.resolve("d/.git"));
    Files.writeString(dir.resolve("d/.git/x.txt"), "X\n\nX\n\nx");
    Path single = Files.writeString(dir.resolve("z.txt"), "Z\n\nZ\n\nz");

    try (NewsReader reader = NewsReader.openAll(List.of(single, dir.resolve("d")),
        NewsFormat.DEFAULT)) {
      assertThat(reader.stream().map(Article::title)).containsExactly("Z", "E", "A", "B", "C");
    }
    assertThat(NewsReader.readAll(dir.resolve("d"))).extracting(Article::title)
        .containsExactly("E", "A", "B", "C");
    // a file named explicitly is read whatever its name
    assertThat(NewsReader.readAll(notes)).extracting(Article::title).containsExactly("N");
  }

  @Test
  void openRejectsADirectory() {
    assertThatThrownBy(() -> NewsReader.open(dir))
        .isInstanceOf(IOException.class).hasMessageContaining("is a directory");
  }

  @Test
  void missingFilesFailAtOpen() {
    assertThatThrownBy(() -> NewsReader.open(dir.resolve("nope.txt")))
        .isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> NewsReader.openAll(List.of(dir.resolve("nope")), NewsFormat.DEFAULT))
        .isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> NewsReader.readAll(dir.resolve("nope")))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void ioErrorsSurfaceAsUncheckedIoException() {
    InputStream failing = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("disk on fire");
      }
    };
    NewsReader reader = NewsReader.open(failing, "bad", NewsFormat.DEFAULT); // reads nothing yet
    assertThatThrownBy(() -> reader.iterator().hasNext())
        .isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk on fire");
    assertThatThrownBy(() -> reader.iterator().hasNext())
        .isInstanceOf(UncheckedIOException.class);
  }

  /**
   * A read error names the input it happened in (the operating system's message does not), also
   * in the middle of a file and after other inputs; an error that names its file already, or whose
   * type says what happened, is passed on as it is.
   */
  @Test
  void aReadErrorNamesItsInput() throws IOException {
    InputStream broken =
        new SequenceInputStream(
            new ByteArrayInputStream("A\n\nA\n\nBody.\n\nB\n\nB\n\n".getBytes(StandardCharsets.UTF_8)),
            new InputStream() {
              @Override
              public int read() throws IOException {
                throw new IOException("Input/output error");
              }
            });
    try (NewsReader reader = NewsReader.open(broken, "feed.txt", NewsFormat.DEFAULT)) {
      Iterator<Article> it = reader.iterator();
      assertThat(it.next().title()).isEqualTo("A");
      assertThatThrownBy(it::hasNext)
          .isInstanceOf(UncheckedIOException.class)
          .cause()
          .hasMessage("feed.txt: Input/output error");
    }
    InputStream gone =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new java.io.FileNotFoundException("/data/feed.txt (deleted)");
          }
        };
    try (NewsReader reader = NewsReader.open(gone, "feed.txt", NewsFormat.DEFAULT)) {
      assertThatThrownBy(() -> reader.iterator().hasNext())
          .cause()
          .isExactlyInstanceOf(java.io.FileNotFoundException.class)
          .hasMessage("/data/feed.txt (deleted)");
    }
  }

  @Test
  void strictModeThrowsTypedExceptionAndKeepsThrowing() {
    NewsReader reader = NewsReader.ofString("A\n\nA\n\nBody\n\nstray\n\nB\n\nB\n\nb");
    Iterator<Article> it = reader.iterator();
    assertThat(it.next().title()).isEqualTo("A");
    NewsParseException e = org.junit.jupiter.api.Assertions.assertThrows(
        NewsParseException.class, it::hasNext);
    assertThat(e.source()).isEqualTo("<string>");
    assertThat(e.line()).isEqualTo(7);
    assertThat(e.column()).isEqualTo(1);
    assertThat(e.kind()).isEqualTo(Diagnostic.Kind.STRAY_LINE);
    assertThat(e.getMessage()).startsWith("<string>:7:1: ").contains("'stray'");
    assertThat(e.diagnostic().toString()).isEqualTo(e.getMessage());
    assertThatThrownBy(it::hasNext).isSameAs(e);
  }

  /** Two records, the first with a title repeat that does not pair: a problem at line 1. */
  static final String BAD_FIRST = "Alpha\n\nSomething else\n\nBody\n\nBeta\n\nBeta\n\nBody two\n";

  @Test
  void aStrictReaderWhoseListenerThrowsKeepsThrowingThatAndKeepsTheProblem() {
    IllegalStateException fromListener = new IllegalStateException("listener");
    List<Diagnostic> seen = new ArrayList<>();
    NewsFormat format = NewsFormat.builder().onDiagnostic(d -> {
      seen.add(d);
      throw fromListener;
    }).build();
    try (NewsReader reader = NewsReader.ofString(BAD_FIRST, format)) {
      Iterator<Article> it = reader.iterator();
      assertThatThrownBy(it::hasNext).isSameAs(fromListener);
      assertThatThrownBy(it::hasNext).isSameAs(fromListener);
      assertThatThrownBy(it::next).isSameAs(fromListener);
      assertThatThrownBy(reader::readUnit).isSameAs(fromListener);
      assertThat(seen).singleElement().extracting(Diagnostic::line).isEqualTo(1L);
      assertThat(reader.diagnosticCount()).isEqualTo(1);
      assertThat(fromListener.getSuppressed()).singleElement()
          .isInstanceOfSatisfying(NewsParseException.class, e -> {
            assertThat(e.diagnostic()).isEqualTo(seen.get(0));
            assertThat(e.kind()).isEqualTo(Diagnostic.Kind.TITLE_NOT_REPEATED);
          });
    }
  }

  @Test
  void aLenientReaderWhoseListenerThrowsStopsThereAndCountsOnce() {
    IllegalStateException fromListener = new IllegalStateException("listener");
    NewsFormat format = NewsFormat.LENIENT.toBuilder().onDiagnostic(d -> {
      throw fromListener;
    }).build();
    try (NewsReader reader = NewsReader.ofString(BAD_FIRST, format)) {
      assertThatThrownBy(() -> reader.iterator().hasNext()).isSameAs(fromListener);
      assertThatThrownBy(() -> reader.stream().toList()).isSameAs(fromListener);
      assertThat(reader.diagnosticCount()).isEqualTo(1);
      assertThat(fromListener.getSuppressed()).isEmpty();
    }
  }

  @Test
  void lenientModeCollectsBoundedDiagnosticsAndCountsAll() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      text.append("stray ").append(i).append("\n\nT").append(i).append("\n\nT").append(i)
          .append("\n\nbody\n\n");
    }
    NewsFormat format = NewsFormat.LENIENT.toBuilder().maxDiagnostics(3).build();
    try (NewsReader reader = NewsReader.ofString(text.toString(), format)) {
      assertThat(reader.stream()).hasSize(10);
      assertThat(reader.diagnostics()).hasSize(3);
      assertThat(reader.diagnosticCount()).isEqualTo(10);
      assertThat(reader.diagnostics()).extracting(Diagnostic::line).containsExactly(1L, 9L, 17L);
    }
  }
  @Test
  void openAllFollowsSymbolicLinksToDirectoriesAndFiles() throws IOException {
    Path real = Files.createDirectories(dir.resolve("real/sub"));
    Files.writeString(dir.resolve("real/a.txt"), "A\n\nA\n\na");
    Files.writeString(real.resolve("b.txt"), "B\n\nB\n\nb");
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("c.txt"), "C\n\nC\n\nc");
    Files.writeString(elsewhere.resolve("d.txt"), "D\n\nD\n\nd");
    Path top = Files.createDirectories(dir.resolve("top"));
    Files.writeString(top.resolve("e.txt"), "E\n\nE\n\ne");
    Files.createSymbolicLink(top.resolve("linkdir"), elsewhere);
    Files.createSymbolicLink(top.resolve("linked.txt"), dir.resolve("real/a.txt"));
    Files.createSymbolicLink(top.resolve(".hiddenlink"), real);
    Files.createSymbolicLink(top.resolve("broken-not-txt"), dir.resolve("nowhere"));

    // the directory named is itself a link
    Path link = Files.createSymbolicLink(dir.resolve("L"), dir.resolve("real"));
    assertThat(NewsReader.readAll(link)).extracting(Article::title).containsExactly("A", "B");
    assertThat(NewsReader.readAll(link)).extracting(Article::source)
        .containsExactly(link.resolve("a.txt").toString(), link.resolve("sub/b.txt").toString());

    // links inside a directory, in sorted order of their paths; hidden links are skipped
    try (NewsReader reader = NewsReader.openAll(List.of(top), NewsFormat.DEFAULT)) {
      assertThat(reader.stream().map(Article::title)).containsExactly("E", "C", "D", "A");
    }
  }

  @Test
  void aBrokenLinkToADigestInADirectoryIsAnErrorNotASilentGap() throws IOException {
    Path d = Files.createDirectories(dir.resolve("with-broken"));
    Files.writeString(d.resolve("a.txt"), "A\n\nA\n\na");
    Path broken = Files.createSymbolicLink(d.resolve("gone.txt"), dir.resolve("nowhere.txt"));

    assertThatThrownBy(() -> NewsReader.readAll(d))
        .isInstanceOf(java.nio.file.NoSuchFileException.class)
        .hasMessageContaining(broken.toString())
        .hasMessageContaining("symbolic link");
  }

  @Test
  void openAllFailsClearlyOnASymbolicLinkCycle() throws IOException {
    Path d = Files.createDirectories(dir.resolve("d/inner"));
    Files.writeString(dir.resolve("d/a.txt"), "A\n\nA\n\na");
    Path loop = Files.createSymbolicLink(d.resolve("loop"), dir.resolve("d"));
    assertThatThrownBy(() -> NewsReader.openAll(List.of(dir.resolve("d")), NewsFormat.DEFAULT))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(loop.toString())
        .hasMessageContaining("cycle");
    assertThatThrownBy(() -> NewsReader.readAll(dir.resolve("d")))
        .isInstanceOf(IOException.class).hasMessageContaining(loop.toString());
    // a self-link that is hidden is never entered, so it is no cycle
    Files.delete(loop);
    Files.createSymbolicLink(d.resolve(".loop"), dir.resolve("d"));
    assertThat(NewsReader.readAll(dir.resolve("d"))).extracting(Article::title)
        .containsExactly("A");
  }

  @Test
  void readAllWithAFormat() throws IOException {
    Path file = Files.writeString(dir.resolve("two.txt"),
        "stray\n\n" + TWO, StandardCharsets.ISO_8859_1);
    List<Diagnostic> seen = new java.util.ArrayList<>();
    NewsFormat lenient = NewsFormat.LENIENT.toBuilder().onDiagnostic(seen::add).build();
    assertThat(NewsReader.readAll(file, lenient)).extracting(Article::title)
        .containsExactly("A", "B");
    assertThat(seen).extracting(Diagnostic::kind).containsExactly(Diagnostic.Kind.STRAY_LINE);
    assertThatThrownBy(() -> NewsReader.readAll(file, NewsFormat.DEFAULT))
        .isInstanceOf(NewsParseException.class);
    assertThat(NewsReader.readAll(dir, lenient)).hasSize(2);
  }

  @Test
  void iterationEndsAtCloseEvenWithAnArticleReadAhead() {
    NewsReader reader = NewsReader.ofString(TWO);
    Iterator<Article> it = reader.iterator();
    assertThat(it.hasNext()).isTrue(); // reads "A" ahead
    reader.close();
    assertThat(it.hasNext()).isFalse();
    assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("closed");
    assertThat(reader.stream()).isEmpty();
  }

  @Test
  void iterationEndsAtCloseAfterAStrictFailure() {
    NewsReader reader = NewsReader.ofString("stray\n\n" + TWO);
    Iterator<Article> it = reader.iterator();
    assertThatThrownBy(it::hasNext).isInstanceOf(NewsParseException.class);
    reader.close();
    assertThat(it.hasNext()).isFalse();
    assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void readUnitStopsAfterEachUnitThatGivesNoArticle() throws IOException {
    List<Diagnostic> seen = new ArrayList<>();
    NewsFormat lenient = NewsFormat.LENIENT.toBuilder().onDiagnostic(seen::add).build();
    // a gap of metadata lines outside any record: each one is a unit of its own
    String gap = "Read More\n".repeat(500) + "11/07/2023 Logistics\n".repeat(500);
    try (NewsReader reader = NewsReader.ofString(gap + TWO, lenient)) {
      int stops = 0;
      while (!reader.readUnit()) {
        stops++;
        assertThat(seen).as("diagnostics after %d units", stops).hasSize(stops);
      }
      assertThat(stops).isEqualTo(1000);
      assertThat(seen).extracting(Diagnostic::kind).containsOnly(Diagnostic.Kind.STRAY_LINE);
      Article a = reader.iterator().next();
      assertThat(a.title()).isEqualTo("A");
      assertThat(a.line()).isEqualTo(1001);
      assertThat(reader.readUnit()).isTrue(); // reads "B" ahead
      assertThat(reader.readUnit()).isTrue(); // and no further
      assertThat(reader.stream().map(Article::title)).containsExactly("B");
      assertThat(reader.readUnit()).isTrue();
      assertThat(reader.iterator().hasNext()).isFalse();
      assertThat(seen).hasSize(1000);
    }
    // across sources: the next file is opened and read from in the same call
    Files.writeString(dir.resolve("a.txt"), "Read More\n");
    Files.writeString(dir.resolve("b.txt"), TWO);
    seen.clear();
    try (NewsReader reader = NewsReader.openAll(List.of(dir), lenient)) {
      assertThat(reader.readUnit()).isFalse();
      assertThat(seen).hasSize(1);
      assertThat(reader.readUnit()).isTrue();
      assertThat(reader.iterator().next().source()).endsWith("b.txt");
    }
  }

  @Test
  void readingUnitByUnitGivesWhatTheIteratorGives() {
    int[] most = {0};
    PropertyCheck.forAll(0x0417L, 600, AdversarialDigests::soup, input -> {
      for (NewsFormat format : List.of(NewsFormat.LENIENT, NewsFormat.DEFAULT,
          NewsFormat.LENIENT.toBuilder().maxLineLength(60).maxRecordLength(90).build())) {
        assertThat(events(input, format, true, most)).isEqualTo(events(input, format, false,
            most));
      }
    });
    // what a unit reports is bounded (a record's own problems), not by the input's length
    assertThat(most[0]).isBetween(1, 12);
  }

  /**
   * The articles, diagnostics and strict failure read from {@code input} in order, through the
   * iterator alone or calling readUnit before each step; {@code most} keeps the most
   * diagnostics one readUnit call reported.
   */
  private static List<Object> events(byte[] input, NewsFormat format, boolean byUnit,
      int[] most) {
    List<Object> events = new ArrayList<>();
    int[] reported = {0};
    NewsFormat listening = format.toBuilder().onDiagnostic(d -> {
      events.add(d);
      reported[0]++;
    }).build();
    try (NewsReader reader = NewsReader.open(new ByteArrayInputStream(input), "t", listening)) {
      Iterator<Article> it = reader.iterator();
      while (true) {
        if (byUnit) {
          reported[0] = 0;
          boolean ready = reader.readUnit();
          most[0] = Math.max(most[0], reported[0]);
          if (!ready) {
            continue;
          }
        }
        if (!it.hasNext()) {
          break;
        }
        Article a = it.next();
        events.add(List.of(a, a.line()));
      }
    } catch (NewsParseException e) {
      events.add(e.getMessage());
    }
    return events;
  }
}
