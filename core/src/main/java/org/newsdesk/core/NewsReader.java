package org.newsdesk.core;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads articles from one or more title-repeated-paragraph digests, one record at a time.
 *
 * <pre>{@code
 * List<Article> articles = NewsReader.readAll(Path.of("digest.txt"));
 *
 * try (NewsReader reader = NewsReader.open(path, NewsFormat.LENIENT)) {
 *   for (Article article : reader) {
 *     ...
 *   }
 *   reader.diagnostics().forEach(System.err::println);
 * }
 * }</pre>
 *
 * <p>A reader is a one-shot sequence: {@link #iterator()} and {@link #stream()} share one
 * position, so articles are read once. In strict mode ({@link NewsFormat#DEFAULT}) the first
 * malformed input throws {@link NewsParseException} from the iterator, and keeps throwing it;
 * in lenient mode problems are collected as {@link Diagnostic}s. I/O errors surface as
 * {@link UncheckedIOException}. Closing the reader closes the underlying input. Not
 * thread-safe.
 *
 * <p>Files and byte streams in UTF-8, US-ASCII or ISO-8859-1 take the fast path: lines are found
 * in the bytes and only kept text is decoded. {@code Reader} and {@code String} input, and other
 * charsets, are re-encoded as UTF-8 first, which is slower; their columns count UTF-8 bytes.
 *
 * <p>Byte input that starts with a UTF-16 or UTF-32 byte order mark while the format's charset
 * is neither is not read as text: it is a {@link Diagnostic.Kind#INVALID_ENCODING} problem at
 * line 1 whose message names the charset to use instead (in lenient mode that source yields no
 * articles). The charset is never switched silently.
 */
public final class NewsReader implements Iterable<Article>, Closeable {

  /** The suffix of the files read from directories; files given directly may have any name. */
  public static final String DIGEST_SUFFIX = ".txt";

  /** The source name of {@link #ofString(String)} input. */
  public static final String STRING_SOURCE = "<string>";

  private static final String UNPAIRED_SURROGATES = "UTF-16 (an unpaired surrogate)";

  /** Opens one source; called lazily for all but the first. */
  private interface SourceOpener {
    RecordParser open(NewsReader reader) throws IOException;
  }

  private final NewsFormat format;
  private final Iterator<SourceOpener> pending;
  private RecordParser current;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private long diagnosticCount;
  private Article lookahead;
  private RuntimeException failure;
  private boolean finished;
  private boolean closed;
  private final Iterator<Article> iterator = new ArticleIterator();

  private NewsReader(NewsFormat format, List<SourceOpener> sources) throws IOException {
    this.format = Objects.requireNonNull(format, "format");
    this.pending = sources.iterator();
    if (pending.hasNext()) {
      // Open the first source now so that a missing file fails at open time.
      current = pending.next().open(this);
    }
  }

  /**
   * Opens a file with {@link NewsFormat#DEFAULT} (strict, UTF-8).
   *
   * @param path the file
   * @return a reader that must be closed
   * @throws IOException if the file cannot be opened
   */
  public static NewsReader open(Path path) throws IOException {
    return open(path, NewsFormat.DEFAULT);
  }

  /**
   * Opens a file; the source name of its articles is {@code path.toString()}.
   *
   * @param path the file
   * @param format how to read it
   * @return a reader that must be closed
   * @throws IOException if the file cannot be opened or is a directory
   */
  public static NewsReader open(Path path, NewsFormat format) throws IOException {
    Objects.requireNonNull(path, "path");
    if (Files.isDirectory(path)) {
      throw new IOException(path + " is a directory; use openAll or readAll to read directories");
    }
    return new NewsReader(format, List.of(fileOpener(path)));
  }

  /**
   * Reads a byte stream in {@link NewsFormat#charset()}; closing the reader closes the stream.
   *
   * @param in the bytes
   * @param sourceName the name used in articles and diagnostics
   * @param format how to read it
   * @return a reader
   */
  public static NewsReader open(InputStream in, String sourceName, NewsFormat format) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    return uncheckedOpen(format, r -> r.parser(in, sourceName, -1));
  }

  /**
   * Reads the records of a byte range of a digest: those whose first line starts at or after
   * {@code from} and before byte offset {@code to}, with the line numbers, diagnostics and
   * articles a reader of the whole digest gives for them (docs/FORMAT.md section 6). Reading
   * goes past {@code to} as far as the last of those records needs. Closing the reader closes
   * the stream.
   *
   * @param in the digest's bytes from byte {@code from.offset()} on
   * @param sourceName the name used in articles and diagnostics
   * @param format how to read it; unless the range is the whole digest ({@link
   *     RecordBoundary#START} to {@link Long#MAX_VALUE}) its charset must be ASCII-compatible
   *     and the digest {@linkplain RecordBoundary#splittable splittable}
   * @param from {@link RecordBoundary#START} or a boundary found by {@link
   *     RecordBoundary#find RecordBoundary.find}
   * @param to the offset of a boundary found by {@code RecordBoundary.find}, or {@link
   *     Long#MAX_VALUE} to read to the end
   * @return a reader
   * @throws IllegalArgumentException if {@code to} is before {@code from}, or the range is not
   *     the whole digest and the charset is not ASCII-compatible
   */
  public static NewsReader open(InputStream in, String sourceName, NewsFormat format,
      RecordBoundary from, long to) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(from, "from");
    if (to < from.offset()) {
      throw new IllegalArgumentException("range ends at " + to + " before it starts at "
          + from.offset());
    }
    boolean whole = from.offset() == 0 && to == Long.MAX_VALUE;
    if (!whole && !isAsciiCompatible(format.charset())) {
      throw new IllegalArgumentException("digests in " + format.charset().name()
          + " cannot be read in byte ranges; only UTF-8, US-ASCII and ISO-8859-1 can");
    }
    return uncheckedOpen(format, r -> {
      RecordParser parser = from.offset() == 0 ? r.parser(in, sourceName, -1)
          : r.parser(new LineScanner(in, format.maxLineLength(), -1, false, from.offset(),
              from.line() - 1), sourceName, format.charset());
      parser.stopAt(to);
      return parser;
    });
  }

  /**
   * Reads characters; the format's charset is not used. Closing the reader closes
   * {@code reader}.
   *
   * @param reader the characters
   * @param sourceName the name used in articles and diagnostics
   * @param format how to read it
   * @return a reader
   */
  public static NewsReader open(Reader reader, String sourceName, NewsFormat format) {
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(sourceName, "sourceName");
    return uncheckedOpen(format, r -> r.transcodingParser(Utf8Transcoder.of(reader), sourceName,
        -1, UNPAIRED_SURROGATES));
  }

  /**
   * Reads a string with {@link NewsFormat#DEFAULT}; the source name is {@value #STRING_SOURCE}.
   *
   * @param text the digest text
   * @return a reader
   */
  public static NewsReader ofString(String text) {
    return ofString(text, NewsFormat.DEFAULT);
  }

  /**
   * Reads a string; the format's charset is not used. The source name is
   * {@value #STRING_SOURCE}.
   *
   * @param text the digest text
   * @param format how to read it
   * @return a reader
   */
  public static NewsReader ofString(String text, NewsFormat format) {
    Objects.requireNonNull(text, "text");
    return uncheckedOpen(format, r -> r.transcodingParser(Utf8Transcoder.of(
        new StringReader(text)), STRING_SOURCE, text.length(), UNPAIRED_SURROGATES));
  }

  /**
   * Reads many files one after another. Directories are searched recursively for regular files
   * named {@code *.txt} (any case); files and directories whose names start with a dot are
   * skipped. Symbolic links are followed, to files and to directories alike, so a file reached
   * through two links is read twice. The files of each directory are read in the order of their
   * paths, so the order is stable. Files given directly are read in the given order, whatever
   * their names. The name {@code -} has no special meaning here.
   *
   * @param filesOrDirs files and directories
   * @param format how to read them
   * @return a reader over all of them; files after the first are opened as they are reached
   * @throws IOException if a file does not exist, a directory cannot be listed, a symbolic link
   *     inside a directory leads back to a directory that encloses it (a cycle; the message names
   *     the link), or a {@code *.txt} link inside a directory leads nowhere ({@link
   *     java.nio.file.NoSuchFileException} naming the link)
   */
  public static NewsReader openAll(Collection<Path> filesOrDirs, NewsFormat format)
      throws IOException {
    List<SourceOpener> openers = new ArrayList<>();
    for (Path path : filesOrDirs) {
      for (Path file : expand(path)) {
        openers.add(fileOpener(file));
      }
    }
    return new NewsReader(format, openers);
  }

  /**
   * Reads every article of a file, or of the files under a directory, with
   * {@link NewsFormat#DEFAULT}; the same as {@code readAll(path, NewsFormat.DEFAULT)}.
   *
   * @param path a file or directory
   * @return the articles in order
   * @throws IOException if reading fails
   * @throws NewsParseException if the input is malformed
   */
  public static List<Article> readAll(Path path) throws IOException {
    return readAll(path, NewsFormat.DEFAULT);
  }

  /**
   * Reads every article of a file, or of the files under a directory (chosen as by
   * {@link #openAll(Collection, NewsFormat)}), and closes the input.
   *
   * @param path a file or directory
   * @param format how to read it; in lenient mode problems go only to
   *     {@link NewsFormat#onDiagnostic()}, since the reader is not returned
   * @return the articles in order
   * @throws IOException if reading fails
   * @throws NewsParseException if the format is strict and the input is malformed
   */
  public static List<Article> readAll(Path path, NewsFormat format) throws IOException {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
    try (NewsReader reader = openAll(List.of(path), format)) {
      List<Article> articles = new ArrayList<>();
      reader.forEach(articles::add);
      return articles;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Returns the format this reader uses.
   *
   * @return the format
   */
  public NewsFormat format() {
    return format;
  }

  /**
   * Returns the iterator over the remaining articles. Every call returns the same iterator.
   *
   * <p>After {@link #close()} the iterator is finished, as with Commons CSV's {@code CSVParser}:
   * {@code hasNext()} returns {@code false} and {@code next()} throws
   * {@link NoSuchElementException}, even if an article had already been read ahead or a
   * problem had been found.
   *
   * @return the iterator
   */
  @Override
  public Iterator<Article> iterator() {
    return iterator;
  }

  /**
   * Returns the remaining articles as a sequential stream; closing the stream closes the reader.
   *
   * @return a stream of articles
   */
  public Stream<Article> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator,
        Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::close);
  }

  /**
   * Returns the diagnostics found so far, at most {@link NewsFormat#maxDiagnostics()}.
   *
   * @return an unmodifiable copy, in the order found
   */
  public List<Diagnostic> diagnostics() {
    return Collections.unmodifiableList(new ArrayList<>(diagnostics));
  }

  /**
   * Returns how many diagnostics were found so far, including those beyond
   * {@link NewsFormat#maxDiagnostics()}.
   *
   * @return the total count
   */
  public long diagnosticCount() {
    return diagnosticCount;
  }

  /**
   * Closes the input; further iteration ends at once ({@code hasNext()} returns {@code false}),
   * and an article already read ahead is discarded. Closing twice has no effect.
   *
   * @throws UncheckedIOException if closing the input fails
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    finished = true;
    lookahead = null;
    if (current != null) {
      RecordParser parser = current;
      current = null;
      try {
        parser.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private void report(Diagnostic diagnostic) {
    diagnosticCount++;
    if (diagnostics.size() < format.maxDiagnostics()) {
      diagnostics.add(diagnostic);
    }
    format.onDiagnostic().accept(diagnostic);
    if (format.strict()) {
      throw new NewsParseException(diagnostic);
    }
  }

  /** Reads ahead one article, moving on to the next source when one ends. */
  private Article advance() throws IOException {
    while (current != null) {
      Article article = current.next();
      if (article != null) {
        return article;
      }
      current.close();
      current = pending.hasNext() ? pending.next().open(this) : null;
    }
    return null;
  }

  private final class ArticleIterator implements Iterator<Article> {
    @Override
    public boolean hasNext() {
      if (closed) {
        return false;
      }
      if (failure != null) {
        throw failure;
      }
      if (lookahead != null) {
        return true;
      }
      if (finished) {
        return false;
      }
      try {
        lookahead = advance();
      } catch (NewsParseException e) {
        failure = e;
        throw e;
      } catch (IOException e) {
        failure = new UncheckedIOException(e);
        throw failure;
      }
      if (lookahead == null) {
        finished = true;
      }
      return lookahead != null;
    }

    @Override
    public Article next() {
      if (closed) {
        throw new NoSuchElementException("the reader has been closed");
      }
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Article article = lookahead;
      lookahead = null;
      return article;
    }
  }

  // ---- opening sources

  private static NewsReader uncheckedOpen(NewsFormat format, SourceOpener opener) {
    try {
      return new NewsReader(format, List.of(opener));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SourceOpener fileOpener(Path path) {
    return reader -> {
      InputStream in = Files.newInputStream(path);
      try {
        return reader.parser(in, path.toString(), Files.size(path));
      } catch (IOException | RuntimeException e) {
        in.close();
        throw e;
      }
    };
  }

  private static List<Path> expand(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      if (!Files.exists(path)) {
        throw new NoSuchFileException(path.toString());
      }
      return List.of(path);
    }
    List<Path> files = new ArrayList<>();
    // Follow links: a linked directory or file is read like a real one. A link back to an
    // enclosing directory is a cycle and fails rather than being skipped.
    Files.walkFileTree(path, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return dir.equals(path) || !isHidden(dir) ? FileVisitResult.CONTINUE
                : FileVisitResult.SKIP_SUBTREE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (!isDigestFile(file) || isHidden(file)) {
              return FileVisitResult.CONTINUE;
            }
            if (attrs.isRegularFile()) {
              files.add(file);
            } else if (attrs.isSymbolicLink()) {
              // followed links report their target; only a link that leads nowhere lands here
              throw new NoSuchFileException(file.toString(), null,
                  "symbolic link to a digest file that does not exist");
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (isHidden(file)) {
              return FileVisitResult.CONTINUE; // skipped anyway, even if it cannot be read
            }
            if (e instanceof FileSystemLoopException) {
              throw new IOException("cannot read directory " + path + ": symbolic link " + file
                  + " leads back to a directory that encloses it (a cycle)", e);
            }
            throw e;
          }
        });
    Collections.sort(files);
    return files;
  }

  /** Directories hold READMEs and other files too; only {@code *.txt} files are digests. */
  private static boolean isDigestFile(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(DIGEST_SUFFIX);
  }

  private static boolean isHidden(Path entry) {
    Path name = entry.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  /** Byte input: ASCII-compatible charsets go straight to the scanner, others via a Reader. */
  private RecordParser parser(InputStream in, String sourceName, long sizeHint)
      throws IOException {
    Charset charset = format.charset();
    BomSniffer sniffer = isUtf16Or32(charset) ? null : new BomSniffer(in);
    InputStream bytes = sniffer != null ? sniffer : in;
    RecordParser parser;
    if (isAsciiCompatible(charset)) {
      boolean utf8 = charset.equals(StandardCharsets.UTF_8);
      parser = parser(new LineScanner(bytes, format.maxLineLength(), sizeHint, utf8),
          sourceName, charset);
    } else {
      parser = transcodingParser(Utf8Transcoder.of(bytes, charset), sourceName, sizeHint,
          charset.name());
    }
    if (sniffer != null) {
      parser.checkForeignBom(sniffer);
    }
    return parser;
  }

  private RecordParser transcodingParser(Utf8Transcoder in, String sourceName, long sizeHint,
      String from) {
    return new RecordParser(new LineScanner(in, format.maxLineLength(), sizeHint, true),
        sourceName, StandardCharsets.UTF_8, from, format, this::report);
  }

  private RecordParser parser(LineScanner scanner, String sourceName, Charset charset) {
    return new RecordParser(scanner, sourceName, charset, null, format, this::report);
  }

  /** Charsets that read UTF-16 or UTF-32 byte order marks themselves. */
  private static boolean isUtf16Or32(Charset charset) {
    String name = charset.name().toUpperCase(Locale.ROOT);
    return name.contains("UTF-16") || name.contains("UTF-32");
  }

  /** Charsets whose line breaks, spaces and tabs are the ASCII bytes and never part of others. */
  static boolean isAsciiCompatible(Charset charset) {
    return charset.equals(StandardCharsets.UTF_8)
        || charset.equals(StandardCharsets.US_ASCII)
        || charset.equals(StandardCharsets.ISO_8859_1);
  }
}
