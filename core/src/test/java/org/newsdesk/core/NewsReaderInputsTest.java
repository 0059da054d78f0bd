package org.newsdesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the reader's file arguments select, standard input among them, and what is wrong. */
class NewsReaderInputsTest {

  @TempDir Path dir;

  static String digest(String title) {
    return title + "\n\n" + title + "\n\nBody of " + title + ".\n";
  }

  private Path write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  @Test
  void digestFilesListsWhatOpenAllReadsInTheSameOrder() throws IOException {
    Path top = dir.resolve("top");
    write("top/b.txt", digest("B"));
    write("top/A.TXT", digest("A"));
    write("top/sub/c.txt", digest("C"));
    write("top/README.md", "not a digest");
    write("top/model.bin", "not a digest");
    write("top/.hidden.txt", digest("hidden"));
    write("top/.git/x.txt", digest("in a hidden directory"));
    Path single = write("notes.text", digest("N"));

    List<Path> files = NewsReader.digestFiles(top);
    assertThat(files).containsExactly(top.resolve("A.TXT"), top.resolve("b.txt"),
        top.resolve("sub/c.txt"));
    assertThatThrownBy(() -> files.add(single)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(NewsReader.digestFiles(single)).containsExactly(single);

    try (NewsReader reader = NewsReader.openAll(List.of(top, single), NewsFormat.DEFAULT)) {
      assertThat(reader.stream().map(Article::source)).containsExactly(
          files.get(0).toString(), files.get(1).toString(), files.get(2).toString(),
          single.toString());
    }
    assertThat(NewsReader.digestFiles(Files.createDirectory(dir.resolve("empty")))).isEmpty();
    assertThatThrownBy(() -> NewsReader.digestFiles(dir.resolve("nope")))
        .isInstanceOf(NoSuchFileException.class).hasMessageContaining("nope");
  }

  @Test
  void openAllTakesOnePathOrSeveral() throws IOException {
    Path a = write("a.txt", digest("A"));
    Path b = write("d/b.txt", digest("B"));
    try (NewsReader reader = NewsReader.openAll(a, b.getParent())) {
      assertThat(reader.stream().map(Article::title)).containsExactly("A", "B");
    }
    try (NewsReader reader = NewsReader.openAll(b.getParent(), NewsFormat.LENIENT)) {
      assertThat(reader.format()).isEqualTo(NewsFormat.LENIENT);
      assertThat(reader.stream().map(Article::title)).containsExactly("B");
    }
  }

  @Test
  void aDashReadsStandardInputInItsPlaceAndLeavesItOpen() throws IOException {
    Path a = write("a.txt", digest("A"));
    Path d = dir.resolve("d");
    write("d/b.txt", digest("B"));
    AtomicBoolean closed = new AtomicBoolean();
    InputStream stdin = new ByteArrayInputStream(digest("S").getBytes(StandardCharsets.UTF_8)) {
      @Override
      public void close() {
        closed.set(true);
      }
    };
    List<Article> articles;
    try (NewsReader reader = NewsReader.openAll(List.of(a, Path.of("-"), d), stdin,
        NewsFormat.DEFAULT)) {
      articles = reader.stream().collect(Collectors.toList());
    }
    assertThat(articles).extracting(Article::title).containsExactly("A", "S", "B");
    assertThat(articles.get(1).source()).isEqualTo(NewsReader.STDIN_SOURCE);
    assertThat(closed).isFalse();

    // "./-" is a file named "-"; without the stdin overload "-" is only a path
    Path dash = write("-", digest("F"));
    try (NewsReader reader = NewsReader.openAll(List.of(dash), stdin, NewsFormat.DEFAULT)) {
      assertThat(reader.stream().map(Article::title)).containsExactly("F");
    }
    assertThatThrownBy(() -> NewsReader.openAll(List.of(Path.of("-")), NewsFormat.DEFAULT))
        .isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> NewsReader.openAll(List.of(Path.of("-"), a, Path.of("-")), stdin,
        NewsFormat.DEFAULT)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("standard input");
  }

  @Test
  void aSelfLoopingLinkIsALinkLoopNotAMissingFile() throws IOException {
    Path loop = Files.createSymbolicLink(dir.resolve("loop.txt"), Path.of("loop.txt"));
    for (ThrowingOpen open : List.<ThrowingOpen>of(
        () -> NewsReader.open(loop), () -> NewsReader.openAll(loop),
        () -> NewsReader.digestFiles(loop), () -> NewsReader.readAll(loop))) {
      assertThatThrownBy(open::run)
          .isInstanceOf(FileSystemException.class).isNotInstanceOf(NoSuchFileException.class)
          .hasMessage(loop + ": symbolic link loop: the link leads back to itself");
    }
    Path a = Files.createSymbolicLink(dir.resolve("a.txt"), Path.of("b.txt"));
    Files.createSymbolicLink(dir.resolve("b.txt"), Path.of("a.txt"));
    assertThatThrownBy(() -> NewsReader.open(a)).isInstanceOf(FileSystemException.class)
        .hasMessageStartingWith(a + ": symbolic link loop");
  }

  @Test
  void aLoopingLinkInsideADirectoryIsNamed() throws IOException {
    Path d = dir.resolve("d");
    write("d/a.txt", digest("A"));
    Path loop = Files.createSymbolicLink(d.resolve("z.txt"), Path.of("z.txt"));
    assertThatThrownBy(() -> NewsReader.digestFiles(d)).isInstanceOf(FileSystemException.class)
        .hasMessage(loop + ": symbolic link loop: the link leads back to itself");
  }

  @Test
  void aDanglingLinkNamesWhatIsMissing() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("gone.txt"), Path.of("nowhere.txt"));
    assertThatThrownBy(() -> NewsReader.open(link)).isInstanceOf(NoSuchFileException.class)
        .hasMessage(link + ": symbolic link to " + dir.resolve("nowhere.txt")
            + ", which does not exist");
  }

  @Test
  void aClosedStandardInputIsNotReadAsTheFileThatTookItsDescriptor() throws Exception {
    // Started with descriptor 0 closed, the JVM's first open file (lib/modules) becomes fd 0.
    ChildProcess.Result result = ChildProcess.run("exec 0<&- &&", StdinChild.class);
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
    assertThat(result.stderr()).contains("<stdin>: standard input is closed (descriptor 0 is ")
        .contains("which the JVM opened itself");
    // the same child with an ordinary standard input reads it
    ChildProcess.Result ok = ChildProcess.run("exec 0</dev/null &&", StdinChild.class);
    assertThat(ok.exitCode()).as(ok.toString()).isZero();
    assertThat(ok.stdout()).isEqualTo("articles=0\n");
  }

  @Test
  void descriptorZeroIsClosedOnlyWhenItLeadsIntoTheJdk() throws IOException {
    Path home = Files.createDirectories(dir.resolve("jdk/lib"));
    Path modules = Files.writeString(home.resolve("modules"), "x");
    Path input = write("input.txt", "x");
    Path fd0 = Files.createSymbolicLink(dir.resolve("fd0"), modules);
    assertThat(StandardInput.closedReason(fd0, home.getParent()))
        .isEqualTo("descriptor 0 is " + modules + ", which the JVM opened itself");
    Files.delete(fd0);
    Files.createSymbolicLink(fd0, input);
    assertThat(StandardInput.closedReason(fd0, home.getParent())).isNull();
    assertThat(StandardInput.closedReason(dir.resolve("no-such-link"), home)).isNull();
  }

  interface ThrowingOpen {
    Object run() throws IOException;
  }

  /** Reads System.in as a digest; exits 3 with the message when it cannot. */
  static final class StdinChild {
    public static void main(String[] args) {
      try (NewsReader reader = NewsReader.open(System.in, NewsReader.STDIN_SOURCE,
          NewsFormat.DEFAULT)) {
        System.out.println("articles=" + reader.stream().count());
      } catch (RuntimeException e) {
        System.err.println(e.getMessage());
        System.exit(3);
      }
    }
  }
}
