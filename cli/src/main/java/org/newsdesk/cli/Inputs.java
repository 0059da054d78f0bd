package org.newsdesk.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import org.newsdesk.core.Article;
import org.newsdesk.core.NewsFormat;
import org.newsdesk.core.NewsReader;

/**
 * The articles of all PATH arguments, in order, read lazily one reader at a time. Diagnostics are
 * printed to standard error as they happen; both are counted for the closing summary line. This
 * is the one place diagnostics are counted: the readers' (the one a strict reader throws
 * included, which is printed as the error), and the commands' own ({@link #report}).
 *
 * <p>It can be iterated again (training reads its examples several times): each {@link
 * #iterator()} is a new pass that re-opens the inputs and closes whatever an earlier pass left
 * open; standard input and the other inputs that cannot be read twice (a named pipe, a process
 * substitution's {@code /dev/fd/N}) must first be {@linkplain #rereadable() copied to temporary
 * files}. Only the first pass counts articles and reports diagnostics, so
 * they are said once however often the inputs are read.
 */
final class Inputs implements Iterable<Article>, Closeable {
  /** Source name of articles read from standard input. */
  static final String STDIN = NewsReader.STDIN_SOURCE;

  private final List<String> paths;
  /** The files each PATH argument reads, as the library lists them. */
  private final Map<String, List<Path>> files;
  private final InputStream stdin;
  private final NewsFormat format;
  private final InputFormat forced;
  private long articles;
  private long diagnostics;
  private Source current;
  /** Passes started so far: {@link #iterator()} calls. */
  private int passes;
  /**
   * The inputs that can be read only once, by PATH argument ({@code -} for standard input), each
   * copied to a temporary file that every pass reads instead; empty until {@link #rereadable()}.
   */
  private final Map<String, Path> spools = new LinkedHashMap<>();
  /** Where diagnostics are printed. */
  private PrintWriter err;

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
    // Fail before any output rather than halfway through: list every PATH now, as the library
    // will read it (its errors name the path: missing, a link loop, a link to nothing).
    Map<String, List<Path>> listed = new LinkedHashMap<>();
    for (String p : paths) {
      if (p.equals("-")) {
        if (stdin instanceof Descriptors.ClosedInput) {
          throw new InputException(Descriptors.ClosedInput.MESSAGE);
        }
        continue;
      }
      Path path = Path.of(p);
      try {
        List<Path> files = NewsReader.digestFiles(path);
        if (!Files.isDirectory(path) && !Files.isReadable(path)) {
          throw new InputException(p + ": permission denied");
        }
        listed.put(p, files);
      } catch (IOException e) {
        throw new InputException(Messages.ioError(e), e);
      }
    }
    listed.forEach(
        (p, files) -> {
          if (files.isEmpty()) {
            err.println(Messages.warning(p, "directory has no *.txt digest files"));
          }
        });
    this.files = listed;
    this.err = err;
    this.paths = List.copyOf(paths);
    this.stdin = stdin;
    this.forced = forced;
    // The library hands every diagnostic to the listener, also the one strict mode then throws:
    // that one is counted here but printed once, as the error that ends the run.
    boolean strict = base.strict();
    this.format =
        base.toBuilder()
            .onDiagnostic(
                d -> {
                  if (passes > 1) {
                    return;
                  }
                  if (strict) {
                    diagnostics++;
                  } else {
                    report(d.source(), d.line(), d.message());
                  }
                })
            .build();
  }

  /**
   * Reports a problem with one article: prints {@code source:line: message} where diagnostics go
   * and counts it for the summary line. The readers' diagnostics come here (on the first pass), and
   * so do the CLI's own, such as an article {@code train} cannot learn from.
   */
  void report(String source, long line, String message) {
    diagnostics++;
    err.println(Messages.at(source, line, message));
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

  /**
   * Whether an existing {@code file} is one of the files the PATH arguments read, under any name
   * (another path, a symbolic or hard link): writing it would destroy an input.
   */
  boolean reads(Path file) throws IOException {
    if (!Files.exists(file)) {
      return false;
    }
    for (List<Path> list : files.values()) {
      for (Path f : list) {
        if (Files.isSameFile(f, file)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Lets the inputs be read more than once: standard input, and every PATH that is neither a
   * regular file nor a directory (a named pipe, a process substitution's {@code /dev/fd/N}, a
   * device), is copied now to a temporary file (deleted by {@link #close()}), and every pass reads
   * that copy under the input's own name ({@value #STDIN} for standard input). Regular files and
   * directories are simply opened again.
   *
   * @throws IOException if such an input cannot be read or its copy cannot be written
   */
  void rereadable() throws IOException {
    for (String p : paths) {
      if (spools.containsKey(p) || !readOnce(p)) {
        continue;
      }
      boolean isStdin = p.equals("-");
      Path file = Files.createTempFile(isStdin ? "newsdesk-stdin-" : "newsdesk-input-", ".spool");
      spools.put(p, file);
      String name = isStdin ? STDIN : p;
      try (OutputStream out = Files.newOutputStream(file)) {
        if (isStdin) {
          stdin.transferTo(out);
        } else {
          try (InputStream in = Files.newInputStream(Path.of(p))) {
            in.transferTo(out);
          }
        }
      } catch (IOException e) {
        throw new IOException(
            name + ": cannot copy " + (isStdin ? "standard input" : "it") + " to " + file + ": "
                + e.getMessage(),
            e);
      }
    }
  }

  /** Whether a PATH argument can be read only once: standard input, a pipe, a device. */
  private static boolean readOnce(String path) {
    if (path.equals("-")) {
      return true;
    }
    Path p = Path.of(path);
    return !Files.isRegularFile(p) && !Files.isDirectory(p);
  }

  /** Prints diagnostics to {@code messages} from now on (e.g. a progress bar's messages writer). */
  void reportTo(PrintWriter messages) {
    this.err = messages;
  }

  long articleCount() {
    return articles;
  }

  long diagnosticCount() {
    return diagnostics;
  }

  /**
   * Starts a pass over all inputs; each reader is closed when it is exhausted, and a reader an
   * earlier pass left open (it stopped early) is closed now. Standard input can be read by the
   * first pass only, unless {@link #rereadable()} was called.
   */
  @Override
  public Iterator<Article> iterator() {
    closeCurrent();
    passes++;
    if (passes > 1) {
      for (String p : paths) {
        if (!spools.containsKey(p) && readOnce(p)) {
          throw new IllegalStateException(
              (p.equals("-") ? "standard input" : p) + " cannot be read twice: call rereadable()");
        }
      }
    }
    boolean first = passes == 1;
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
        if (first) {
          articles++;
        }
        return it.next();
      }
    };
  }

  private Source open(String path) {
    Path spool = spools.get(path);
    if (spool != null) {
      String name = path.equals("-") ? STDIN : Path.of(path).toString(); // as files are named
      InputFormat f =
          forced != null
              ? forced
              : path.equals("-") ? InputFormat.DIGEST : InputFormat.forFile(fileName(path));
      InputStream copy = unchecked(() -> Files.newInputStream(spool));
      return f == InputFormat.DIGEST
          ? source(NewsReader.open(copy, name, format))
          : new LineSource(new LineReader(copy, name, format, f));
    }
    if (path.equals("-")) {
      InputFormat f = forced != null ? forced : InputFormat.DIGEST;
      return f == InputFormat.DIGEST
          ? source(unchecked(() -> NewsReader.openAll(List.of(Path.of(path)), stdin, format)))
          : new LineSource(new LineReader(stdin, STDIN, format, f));
    }
    Path p = Path.of(path);
    InputFormat f = forced != null ? forced : InputFormat.forFile(fileName(path));
    if (f == InputFormat.DIGEST || (forced == null && Files.isDirectory(p))) {
      return source(unchecked(() -> NewsReader.openAll(files.get(path), format)));
    }
    return new LineFiles(files.get(path), f);
  }

  /** The file name of a PATH argument, which chooses its format when --input is not given. */
  private static String fileName(String path) {
    Path name = Path.of(path).getFileName();
    return name == null ? path : name.toString();
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
    try {
      closeCurrent();
    } finally {
      for (Path spool : spools.values()) {
        try {
          Files.deleteIfExists(spool);
        } catch (IOException e) {
          // a temporary file: the system cleans it up eventually
        }
      }
      spools.clear();
    }
  }
}
