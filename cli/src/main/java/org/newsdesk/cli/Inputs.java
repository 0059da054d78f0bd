package org.newsdesk.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
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
  private long articles;
  private long diagnostics;
  private NewsReader current;

  Inputs(List<String> paths, InputStream stdin, NewsFormat base, PrintWriter err) {
    for (String p : paths) {
      // Fail before any output rather than halfway through.
      if (!p.equals("-") && !Files.isReadable(Path.of(p))) {
        throw new InputException(
            p + (Files.exists(Path.of(p)) ? ": permission denied" : ": no such file or directory"));
      }
    }
    for (String p : paths) {
      if (!p.equals("-") && Files.isDirectory(Path.of(p)) && !hasDigestFiles(Path.of(p))) {
        err.println(Messages.warning(p, "directory has no *.txt digest files"));
      }
    }
    this.paths = List.copyOf(paths);
    this.stdin = stdin;
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
   * Whether reading the directory can find a digest: a regular {@code *.txt} file (any case) that
   * is not hidden, as {@link NewsReader#openAll} selects them. Symbolic links are followed so that
   * the warning is never wrong when the library follows them too; when the tree cannot be fully
   * searched (a loop, an unreadable subdirectory) there is no warning, and reading reports what
   * goes wrong.
   */
  static boolean hasDigestFiles(Path dir) {
    try (Stream<Path> found =
        Files.find(
            dir,
            Integer.MAX_VALUE,
            (p, attrs) ->
                attrs.isRegularFile()
                    && p.getFileName()
                        .toString()
                        .toLowerCase(Locale.ROOT)
                        .endsWith(NewsReader.DIGEST_SUFFIX)
                    && !isHidden(dir.relativize(p)),
            FileVisitOption.FOLLOW_LINKS)) {
      return found.findAny().isPresent();
    } catch (IOException | UncheckedIOException e) {
      return true;
    }
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
          it = current.iterator();
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

  private NewsReader open(String path) {
    if (path.equals("-")) {
      return unchecked(() -> NewsReader.open(stdin, STDIN, format));
    }
    return unchecked(() -> NewsReader.openAll(List.of(Path.of(path)), format));
  }

  private void closeCurrent() {
    if (current != null) {
      NewsReader reader = current;
      current = null;
      unchecked(
          () -> {
            reader.close();
            return null;
          });
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
