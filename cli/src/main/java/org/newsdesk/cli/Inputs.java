package org.newsdesk.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.newsdesk.core.Article;
import org.newsdesk.core.NewsFormat;
import org.newsdesk.core.NewsReader;

/**
 * The articles of all PATH arguments, in order, read lazily one reader at a time. Diagnostics are
 * printed to standard error as they happen; both are counted for the closing summary line.
 */
final class Inputs implements Iterable<Article>, Closeable {
  /** Source name of articles read from standard input. */
  static final String STDIN = "<stdin>";

  private final List<String> paths;
  private final InputStream stdin;
  private final NewsFormat format;
  private final InputFormat forced;
  private long articles;
  private long diagnostics;
  private Source current;

  /** Articles one at a time from one input; closing it closes the input. */
  private interface Source extends Iterator<Article>, Closeable {
    @Override
    void close();
  }

  /**
   * Opens nothing yet: checks that every PATH can be read, and warns about directories without
   * digests.
   *
   * @param forced the {@code --input} format, or null to choose by file extension
   */
  Inputs(
      List<String> paths, InputStream stdin, NewsFormat base, InputFormat forced, PrintWriter err) {
    for (String p : paths) {
      // Fail before any output rather than halfway through.
      String problem = p.equals("-") ? stdinProblem(stdin) : problem(Path.of(p));
      if (problem != null) {
        throw new InputException(problem);
      }
    }
    for (String p : paths) {
      if (!p.equals("-") && Files.isDirectory(Path.of(p)) && !hasDigestFiles(Path.of(p))) {
        err.println(Messages.warning(p, "directory has no *.txt digest files"));
      }
    }
    this.paths = List.copyOf(paths);
    this.stdin = stdin;
    this.forced = forced;
    // In strict mode the first problem is thrown and reported once, as the error.
    this.format =
        base.strict()
            ? base
            : base.toBuilder()
                .onDiagnostic(
                    d -> {
                      diagnostics++;
                      err.println(Messages.at(d));
                    })
                .build();
  }

  /**
   * The PATH arguments in a few words for a report: up to three are listed; more are counted,
   * by their common directory if they have one ({@code 360 files in corpus}), else after the first
   * two ({@code a.txt, b.txt and 358 more}). A shell glob easily gives hundreds.
   */
  static String describe(List<String> paths) {
    List<String> names =
        paths.stream().map(p -> p.equals("-") ? "standard input" : p).toList();
    if (names.size() <= 3) {
      return String.join(", ", names);
    }
    Path common = null;
    boolean shared = true;
    for (String p : paths) {
      Path parent = p.equals("-") ? null : Path.of(p).toAbsolutePath().normalize().getParent();
      if (parent == null || (common != null && !common.equals(parent))) {
        shared = false;
        break;
      }
      common = parent;
    }
    if (shared) {
      Path relative = Path.of(paths.get(0)).getParent();
      boolean files = paths.stream().allMatch(p -> Files.isRegularFile(Path.of(p)));
      return paths.size()
          + (files ? " files in " : " inputs in ")
          + (relative != null ? relative : common);
    }
    return names.get(0) + ", " + names.get(1) + " and " + (names.size() - 2) + " more";
  }

  private static String stdinProblem(InputStream stdin) {
    return stdin instanceof Descriptors.ClosedInput ? Descriptors.ClosedInput.MESSAGE : null;
  }

  /**
   * What keeps a PATH argument from being read, as {@code path: reason}, or null if nothing does.
   * Symbolic links are followed by hand, so that a link loop and a link to nothing are told apart
   * from a missing file (the system reports all three alike).
   */
  static String problem(Path path) {
    if (Files.isReadable(path)) {
      return null;
    }
    if (Files.exists(path)) {
      return path + ": permission denied";
    }
    if (!Files.isSymbolicLink(path)) {
      return path + ": no such file or directory";
    }
    List<String> chain = new ArrayList<>(List.of(path.toString())); // as the links spell them
    List<Path> seen = new ArrayList<>();
    Path p = path.toAbsolutePath().normalize();
    try {
      while (Files.isSymbolicLink(p)) {
        if (seen.contains(p)) {
          return path + ": symbolic link loop (" + String.join(" -> ", chain) + ")";
        }
        if (seen.size() == MAX_LINKS) {
          return path + ": too many levels of symbolic links";
        }
        seen.add(p);
        Path target = Files.readSymbolicLink(p);
        chain.add(target.toString());
        p = p.getParent().resolve(target).normalize();
      }
    } catch (IOException e) {
      return path + ": unreadable symbolic link: " + e.getMessage();
    }
    return path + ": symbolic link to a file that does not exist ("
        + String.join(" -> ", chain) + ")";
  }

  /** As many links as Linux follows before it gives up (ELOOP). */
  private static final int MAX_LINKS = 40;

  /**
   * Whether reading the directory can find a digest. Symbolic links are followed so that the
   * warning is never wrong when the library follows them too; when the tree cannot be fully
   * searched (a loop, an unreadable subdirectory) there is no warning, and reading reports what
   * goes wrong.
   */
  static boolean hasDigestFiles(Path dir) {
    try (Stream<Path> found = digestFiles(dir)) {
      return found.findAny().isPresent();
    } catch (IOException | UncheckedIOException e) {
      return true;
    }
  }

  /**
   * The files reading a directory selects: regular {@code *.txt} files (any case) that are not
   * hidden, as {@link NewsReader#openAll} selects them, following symbolic links.
   */
  private static Stream<Path> digestFiles(Path dir) throws IOException {
    return Files.find(
        dir,
        Integer.MAX_VALUE,
        (p, attrs) ->
            attrs.isRegularFile()
                && p.getFileName()
                    .toString()
                    .toLowerCase(Locale.ROOT)
                    .endsWith(NewsReader.DIGEST_SUFFIX)
                && !isHidden(dir.relativize(p)),
        FileVisitOption.FOLLOW_LINKS);
  }

  /**
   * Whether an existing {@code file} is one of the files the PATH arguments read, under any name
   * (another path, a symbolic or hard link): writing it would destroy an input.
   */
  static boolean isInput(List<String> paths, Path file) throws IOException {
    if (!Files.exists(file)) {
      return false;
    }
    for (String p : paths) {
      if (p.equals("-")) {
        continue;
      }
      Path path = Path.of(p);
      if (!Files.isDirectory(path)) {
        if (Files.exists(path) && Files.isSameFile(path, file)) {
          return true;
        }
        continue;
      }
      try (Stream<Path> files = digestFiles(path)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          if (Files.isSameFile(f, file)) {
            return true;
          }
        }
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    return false;
  }

  private static boolean isHidden(Path relative) {
    for (Path name : relative) {
      if (name.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  long articleCount() {
    return articles;
  }

  long diagnosticCount() {
    return diagnostics;
  }

  /** Iterates once over all inputs; each reader is closed when it is exhausted. */
  @Override
  public Iterator<Article> iterator() {
    return new Iterator<>() {
      private int next;
      private Iterator<Article> it = List.<Article>of().iterator();

      @Override
      public boolean hasNext() {
        while (!it.hasNext()) {
          closeCurrent();
          if (next == paths.size()) {
            return false;
          }
          current = open(paths.get(next++));
          it = current;
        }
        return true;
      }

      @Override
      public Article next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        articles++;
        return it.next();
      }
    };
  }

  private Source open(String path) {
    if (path.equals("-")) {
      InputFormat f = forced != null ? forced : InputFormat.DIGEST;
      return f == InputFormat.DIGEST
          ? source(unchecked(() -> NewsReader.open(stdin, STDIN, format)))
          : new LineSource(new LineReader(stdin, STDIN, format, f));
    }
    Path p = Path.of(path);
    InputFormat f = forced != null ? forced : InputFormat.forFile(p.getFileName().toString());
    if (f == InputFormat.DIGEST || (forced == null && Files.isDirectory(p))) {
      return source(unchecked(() -> NewsReader.openAll(List.of(p), format)));
    }
    List<Path> files =
        Files.isDirectory(p)
            ? unchecked(
                () -> {
                  try (Stream<Path> found = digestFiles(p)) {
                    return found.sorted().toList();
                  }
                })
            : List.of(p);
    return new LineFiles(files, f);
  }

  private static Source source(NewsReader reader) {
    Iterator<Article> it = reader.iterator();
    return new Source() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Article next() {
        return it.next();
      }

      @Override
      public void close() {
        reader.close();
      }
    };
  }

  /** One line-format input. */
  private record LineSource(LineReader reader) implements Source {
    @Override
    public boolean hasNext() {
      return reader.hasNext();
    }

    @Override
    public Article next() {
      return reader.next();
    }

    @Override
    public void close() {
      reader.close();
    }
  }

  /** Files in a line format, one after another, each opened when reached. */
  private final class LineFiles implements Source {
    private final Iterator<Path> files;
    private final InputFormat inputFormat;
    private LineReader reader;

    LineFiles(List<Path> files, InputFormat inputFormat) {
      this.files = files.iterator();
      this.inputFormat = inputFormat;
    }

    @Override
    public boolean hasNext() {
      while (reader == null || !reader.hasNext()) {
        close();
        if (!files.hasNext()) {
          return false;
        }
        Path file = files.next();
        reader =
            new LineReader(
                unchecked(() -> Files.newInputStream(file)), file.toString(), format, inputFormat);
      }
      return true;
    }

    @Override
    public Article next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return reader.next();
    }

    @Override
    public void close() {
      if (reader != null) {
        LineReader r = reader;
        reader = null;
        r.close();
      }
    }
  }

  private void closeCurrent() {
    if (current != null) {
      Source source = current;
      current = null;
      source.close();
    }
  }

  /** Iteration cannot throw checked exceptions; I/O failures travel as UncheckedIOException. */
  private static <T> T unchecked(Callable<T> action) {
    try {
      return action.call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    closeCurrent();
  }
}
