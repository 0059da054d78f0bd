package org.newsdesk.core;

import java.io.Closeable;
import java.io.IOException;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
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
 * {@link UncheckedIOException}. Any exception that escapes the iterator or {@link #readUnit()}
 * (an exception from the {@linkplain NewsFormat#onDiagnostic() listener} too) ends reading:
 * the same exception is thrown again by every later call. Not thread-safe.
 *
 * <p>What the reader opens itself (the files of {@link #open(Path, NewsFormat)} and {@link
 * #openAll(Collection, NewsFormat)}) it closes as soon as it has read them to the end. A stream
 * or {@code Reader} the caller passes in is closed only by {@link #close()}, never when its input
 * ends, so a caller can go on using it: the next entry of a {@code ZipInputStream}, say
 * ({@code openAll}'s standard input is never closed).
 *
 * <p>Files and byte streams in UTF-8, US-ASCII or ISO-8859-1 take the fast path: lines are found
 * in the bytes and only kept text is decoded. {@code Reader} and {@code String} input, and other
 * charsets, are re-encoded as UTF-8 first, which is slower; their columns count UTF-8 bytes.
 *
 * <p>Byte input that starts with a UTF-16 or UTF-32 byte order mark while the format's charset
 * is neither is not read as text: it is a {@link Diagnostic.Kind#INVALID_ENCODING} problem at
 * line 1 whose message names the charset to use instead (in lenient mode that source yields no
 * articles). So is input that starts like ASCII text in UTF-16 without a mark (a printable ASCII
 * byte then a 0 byte, twice, or the other way round) while the charset writes ASCII as the
 * ASCII bytes (UTF-8, ISO-8859-1, windows-1252, ...); the message names {@code UTF-16LE} or
 * {@code UTF-16BE}. The charset is never switched silently.
 */
public final class NewsReader implements Iterable<Article>, Closeable {

  /** The suffix of the files read from directories; files given directly may have any name. */
  public static final String DIGEST_SUFFIX = ".txt";

  /** The source name of {@link #ofString(String)} input. */
  public static final String STRING_SOURCE = "<string>";

  /**
   * The source name of standard input read by {@link #openAll(Collection, InputStream,
   * NewsFormat)}.
   */
  public static final String STDIN_SOURCE = "<stdin>";

  /** The path that stands for standard input in {@link #openAll(Collection, InputStream,
   * NewsFormat)}: {@code -}, as in most command-line tools; {@code ./-} names a file. */
  public static final String STDIN_PATH = "-";

  private static final String UNPAIRED_SURROGATES = "UTF-16 (an unpaired surrogate)";

  /** Opens one source; called lazily for all but the first. */
  private interface SourceOpener {
    RecordParser open(NewsReader reader) throws IOException;

    /**
     * Whether the reader opens the input itself (a file), and so closes it as soon as it ends;
     * a caller's stream or reader is only closed by {@link NewsReader#close()}.
     */
    default boolean opensItsInput() {
      return false;
    }
  }

  private final NewsFormat format;
  private final Iterator<SourceOpener> pending;
  private RecordParser current;
  /** Whether {@link #current} reads an input the reader opened itself. */
  private boolean currentOpened;
  /** The caller's inputs that have ended: closed by {@link #close()}, not before. */
  private final List<Closeable> endedInputs = new ArrayList<>(1);
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
      openNext();
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
    if (!Files.exists(path)) {
      throw missing(path);
    }
    return new NewsReader(format, List.of(fileOpener(path)));
  }

  /**
   * Reads a byte stream in {@link NewsFormat#charset()}. The stream is closed by {@link
   * #close()}, and only by it: reaching the end of the input leaves it open, so a stream with
   * more to read can be used on after the reader has read its part, as with a {@code
   * ZipInputStream} whose next entry follows. Such a reader, once read to the end, holds nothing
   * but the stream and may be left unclosed.
   *
   * <pre>{@code
   * for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
   *   NewsReader entry = NewsReader.open(zip, e.getName(), format); // closing it closes zip
   *   entry.forEach(articles::add);
   * }
   * }</pre>
   *
   * <p>If {@code in} is {@link System#in} and the process was started with its standard input
   * closed, the operating system may have given descriptor 0 to a file the JVM opened itself
   * (on Linux, the JDK's {@code lib/modules}). Where that can be seen (Linux), this fails with
   * an {@link UncheckedIOException} saying that standard input is closed, instead of reading
   * that file.
   *
   * @param in the bytes
   * @param sourceName the name used in articles and diagnostics
   * @param format how to read it
   * @return a reader
   * @throws UncheckedIOException if {@code in} is a closed standard input (see above)
   */
  public static NewsReader open(InputStream in, String sourceName, NewsFormat format) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    return uncheckedOpen(format, streamOpener(in, sourceName));
  }

  /**
   * Reads the records of a byte range of a digest: those whose first line starts at or after
   * {@code from} and before byte offset {@code to}, with the line numbers, diagnostics and
   * articles a reader of the whole digest gives for them (docs/FORMAT.md section 6). Reading
   * goes past {@code to} as far as the last of those records needs. Closing the reader closes
   * the stream; reaching the end of the range or of the input does not.
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
   * {@code reader}; reaching the end of its input does not.
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
   * Reads many files one after another. Directories contribute the files {@link
   * #digestFiles(Path)} lists; files given directly are read in the given order, whatever their
   * names. The name {@code -} has no special meaning here (see {@link #openAll(Collection,
   * InputStream, NewsFormat)}).
   *
   * @param filesOrDirs files and directories
   * @param format how to read them
   * @return a reader over all of them; files after the first are opened as they are reached
   * @throws IOException if an argument cannot be listed, as {@link #digestFiles(Path)} says
   */
  public static NewsReader openAll(Collection<Path> filesOrDirs, NewsFormat format)
      throws IOException {
    return openSources(filesOrDirs, null, format);
  }

  /**
   * Reads files, directories and standard input one after another, as a command-line tool reads
   * its arguments: a path that is exactly {@value #STDIN_PATH} reads {@code stdin} (source name
   * {@value #STDIN_SOURCE}), every other path is read as by {@link #openAll(Collection,
   * NewsFormat)}. {@code stdin} is read when its turn comes and is not closed by the reader. If
   * it is {@link System#in} and standard input is closed, opening fails as {@link
   * #open(InputStream, String, NewsFormat)} describes.
   *
   * <pre>{@code
   * List<Path> args = List.of(Path.of("digests/"), Path.of("-"));
   * try (NewsReader reader = NewsReader.openAll(args, System.in, NewsFormat.LENIENT)) { ... }
   * }</pre>
   *
   * @param filesOrDirs files, directories and {@value #STDIN_PATH}
   * @param stdin what {@value #STDIN_PATH} reads, usually {@link System#in}
   * @param format how to read them
   * @return a reader over all of them; files after the first are opened as they are reached
   * @throws IOException if an argument cannot be listed, as {@link #digestFiles(Path)} says, or
   *     standard input is closed
   * @throws IllegalArgumentException if {@value #STDIN_PATH} is given more than once
   */
  public static NewsReader openAll(Collection<Path> filesOrDirs, InputStream stdin,
      NewsFormat format) throws IOException {
    return openSources(filesOrDirs, Objects.requireNonNull(stdin, "stdin"), format);
  }

  /** Opens files, directories and, if {@code stdin} is not null, {@value #STDIN_PATH}. */
  private static NewsReader openSources(Collection<Path> filesOrDirs, InputStream stdin,
      NewsFormat format) throws IOException {
    Objects.requireNonNull(format, "format");
    List<SourceOpener> openers = new ArrayList<>();
    boolean stdinSeen = false;
    for (Path path : filesOrDirs) {
      if (stdin != null && path.toString().equals(STDIN_PATH)) {
        if (stdinSeen) {
          throw new IllegalArgumentException("standard input (" + STDIN_PATH
              + ") can only be read once");
        }
        stdinSeen = true;
        StandardInput.checkOpen(stdin);
        openers.add(streamOpener(new FilterInputStream(stdin) {
          @Override
          public void close() {
            // the caller's stream: left open
          }
        }, STDIN_SOURCE));
      } else {
        for (Path file : digestFiles(path)) {
          openers.add(fileOpener(file));
        }
      }
    }
    return new NewsReader(format, openers);
  }

  /**
   * Reads files and the files under directories with {@link NewsFormat#DEFAULT}, as {@link
   * #openAll(Collection, NewsFormat)} does.
   *
   * @param filesOrDirs files and directories
   * @return a reader over all of them
   * @throws IOException if an argument cannot be listed, as {@link #digestFiles(Path)} says
   */
  public static NewsReader openAll(Path... filesOrDirs) throws IOException {
    return openAll(Arrays.asList(filesOrDirs), NewsFormat.DEFAULT);
  }

  /**
   * Reads a file, or the files under a directory, as {@link #openAll(Collection, NewsFormat)}
   * does.
   *
   * @param fileOrDir a file or directory
   * @param format how to read it
   * @return a reader over its articles
   * @throws IOException if {@code fileOrDir} cannot be listed, as {@link #digestFiles(Path)} says
   */
  public static NewsReader openAll(Path fileOrDir, NewsFormat format) throws IOException {
    return openAll(List.of(fileOrDir), format);
  }

  /**
   * Lists the digest files that {@link #openAll(Collection, NewsFormat)} reads for one argument,
   * in the order it reads them. This is the one place where that choice is made:
   *
   * <ul>
   *   <li>A path that is not a directory is itself, whatever its name.
   *   <li>A directory is searched recursively for regular files named {@code *.txt} (any case);
   *       files and directories whose names start with a dot are skipped, and so are other
   *       files (READMEs, models). The files are sorted by path, so the order is stable.
   *   <li>Symbolic links are followed, to files and to directories alike, so a file reached
   *       through two links is listed twice.
   * </ul>
   *
   * <p>An empty list means a directory without digests.
   *
   * @param fileOrDir a file or directory
   * @return the files, unmodifiable
   * @throws IOException naming the path: {@link NoSuchFileException} if it does not exist, or it
   *     or a {@code *.txt} link in a directory is a symbolic link that leads nowhere; a {@link
   *     FileSystemException} whose reason starts with {@code symbolic link loop} if such a link
   *     leads back to itself; an {@code IOException} naming the link if a link inside a
   *     directory leads back to a directory that encloses it (a cycle); or the error of a
   *     directory that cannot be listed
   */
  public static List<Path> digestFiles(Path fileOrDir) throws IOException {
    Path path = Objects.requireNonNull(fileOrDir, "fileOrDir");
    if (!Files.isDirectory(path)) {
      if (!Files.exists(path)) {
        throw missing(path);
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
              // followed links report their target; only a link that cannot be followed lands here
              throw brokenLink(file);
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
    return Collections.unmodifiableList(files);
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
   * Closes the input: the source being read, and every stream or {@code Reader} the caller
   * passed in, even if it has been read to the end (files the reader opened itself are closed
   * as soon as they end). Further iteration ends at once ({@code hasNext()} returns {@code
   * false}), and an article already read ahead is discarded. Closing twice has no effect.
   *
   * @throws UncheckedIOException if closing an input fails (the others are closed all the same)
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    finished = true;
    lookahead = null;
    List<Closeable> inputs = new ArrayList<>(endedInputs);
    endedInputs.clear();
    if (current != null) {
      inputs.add(current);
      current = null;
    }
    IOException failed = null;
    for (Closeable input : inputs) {
      try {
        input.close();
      } catch (IOException e) {
        if (failed == null) {
          failed = e;
        } else {
          failed.addSuppressed(e);
        }
      }
    }
    if (failed != null) {
      throw new UncheckedIOException(failed);
    }
  }

  private void report(Diagnostic diagnostic) {
    diagnosticCount++;
    if (diagnostics.size() < format.maxDiagnostics()) {
      diagnostics.add(diagnostic);
    }
    try {
      format.onDiagnostic().accept(diagnostic);
    } catch (RuntimeException e) {
      if (format.strict()) {
        e.addSuppressed(new NewsParseException(diagnostic)); // the problem is not lost
      }
      throw e;
    }
    if (format.strict()) {
      throw new NewsParseException(diagnostic);
    }
  }

  /**
   * Reads the next unit of input unless an article is already read ahead or the input has
   * ended: a record, or input that yields no article (a run of skipped lines; a stray,
   * metadata or over-long line; a dropped record), passing its diagnostics to
   * {@link NewsFormat#onDiagnostic()}. The iterator reads on over any amount of input without
   * an article in one {@code hasNext()}; a caller that turns diagnostics into output as they
   * come (rows, messages) calls this before {@code hasNext()} to hand each unit's diagnostics
   * on before reading further, so that what it holds stays bounded however long the input goes
   * without an article.
   *
   * <pre>{@code
   * while (true) {
   *   boolean ready = reader.readUnit();
   *   // hand on the diagnostics the listener received
   *   if (ready) {
   *     if (!reader.iterator().hasNext()) {
   *       break;
   *     }
   *     Article article = reader.iterator().next();
   *     ...
   *   }
   * }
   * }</pre>
   *
   * @return {@code true} if the iterator now answers without reading further (an article is
   *     read ahead, or the input has ended, or the reader is closed); {@code false} if the unit
   *     read gave no article and more input may follow
   * @throws NewsParseException in strict mode, as the iterator does (and goes on doing)
   * @throws UncheckedIOException if reading fails, as the iterator does
   */
  public boolean readUnit() {
    if (closed) {
      return true;
    }
    if (failure != null) {
      throw failure;
    }
    if (lookahead == null && !finished) {
      lookahead = readAhead(true);
      finished = lookahead == null && current == null;
    }
    return lookahead != null || finished;
  }

  /**
   * Reads ahead one article, moving on to the next source when one ends; with {@code oneUnit},
   * stops after a unit of input without an article too (then returns null with a source open).
   * A failure (any exception but an {@code Error}) is kept, so that the iterator goes on
   * throwing it.
   */
  private Article readAhead(boolean oneUnit) {
    RecordParser reading = null;
    try {
      while (current != null) {
        reading = current;
        Article article = oneUnit ? current.nextUnit() : current.next();
        if (article != null) {
          return article;
        }
        if (!current.ended()) {
          return null;
        }
        RecordParser ended = current;
        current = null;
        if (currentOpened) {
          ended.close();
        } else {
          endedInputs.add(ended.input());
        }
        reading = null; // opening the next input names it in its own errors
        openNext();
      }
      return null;
    } catch (RuntimeException e) {
      // a NewsParseException, or whatever else escaped (e.g. from the diagnostic listener):
      // the parser may be anywhere in a record, so the reader goes on failing the same way
      failure = e;
      throw e;
    } catch (IOException e) {
      failure = new UncheckedIOException(reading == null ? e : located(e, reading.source()));
      throw failure;
    }
  }

  /**
   * A read error of input {@code source}, its message starting with the input's name: the
   * operating system's ({@code Input/output error}, {@code Is a directory}) says nothing of which
   * input, and a reader may read many.
   */
  private static IOException located(IOException e, String source) {
    String message = e.getMessage();
    // a subclass (FileNotFoundException, a FileSystemException) names its file, and callers may
    // tell by its type what happened (a file gone, say): only the bare operating-system kind
    if (e.getClass() != IOException.class
        || (message != null && message.startsWith(source + ": "))) {
      return e;
    }
    return new IOException(
        source + ": " + (message == null ? e.getClass().getSimpleName() : message), e);
  }

  /** Opens the next pending source as {@link #current}, or sets it to null if there is none. */
  private void openNext() throws IOException {
    if (!pending.hasNext()) {
      current = null;
      return;
    }
    SourceOpener opener = pending.next();
    current = opener.open(this);
    currentOpened = opener.opensItsInput();
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
      lookahead = readAhead(false);
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

  /** Links the operating system follows before it reports a loop (Linux: 40). */
  private static final int MAX_LINK_HOPS = 40;

  private static SourceOpener streamOpener(InputStream in, String sourceName) {
    return reader -> {
      if (in == System.in) {
        StandardInput.checkOpen(in);
      }
      return reader.parser(in, sourceName, -1);
    };
  }

  private static NewsReader uncheckedOpen(NewsFormat format, SourceOpener opener) {
    try {
      return new NewsReader(format, List.of(opener));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SourceOpener fileOpener(Path path) {
    return new SourceOpener() {
      @Override
      public RecordParser open(NewsReader reader) throws IOException {
        InputStream in = Files.newInputStream(path);
        try {
          return reader.parser(in, path.toString(), Files.size(path));
        } catch (IOException | RuntimeException e) {
          in.close();
          throw e;
        }
      }

      @Override
      public boolean opensItsInput() {
        return true;
      }
    };
  }

  /** Why a path that does not exist (following links) cannot be read. */
  private static IOException missing(Path path) {
    return Files.isSymbolicLink(path) ? brokenLink(path) : new NoSuchFileException(path.toString());
  }

  /**
   * Says why a symbolic link cannot be followed: it leads to a path that does not exist, or it
   * leads back to itself (directly or through other links). Follows the chain of links itself,
   * as the operating system would, to name the missing target or the loop.
   */
  static IOException brokenLink(Path link) {
    Set<Path> seen = new HashSet<>();
    Path at = link;
    try {
      while (Files.isSymbolicLink(at)) {
        if (!seen.add(at.toAbsolutePath().normalize()) || seen.size() > MAX_LINK_HOPS) {
          return new FileSystemException(link.toString(), null, "symbolic link loop: "
              + (at.toAbsolutePath().normalize().equals(link.toAbsolutePath().normalize())
                  ? "the link leads back to itself" : "the links lead around through " + at));
        }
        at = at.resolveSibling(Files.readSymbolicLink(at));
      }
    } catch (IOException e) {
      return new FileSystemException(link.toString(), null,
          "cannot follow symbolic link: " + e.getMessage());
    }
    if (!Files.exists(at, LinkOption.NOFOLLOW_LINKS)) {
      return new NoSuchFileException(link.toString(), null,
          "symbolic link to " + at + ", which does not exist");
    }
    // The chain ends at an existing file, yet the link could not be followed (e.g. a loop
    // through a linked directory, or no permission): let the operating system say why.
    try {
      link.toRealPath();
      return new FileSystemException(link.toString(), null, "cannot follow symbolic link");
    } catch (IOException e) {
      return e;
    }
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
    BomSniffer sniffer = isUtf16Or32(charset) ? null
        : new BomSniffer(in, writesAsciiAsAscii(charset));
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

  /**
   * Charsets that write every ASCII character as its own single byte (UTF-8, ISO-8859-*,
   * windows-*, ...): in them, text with a 0 byte after or before every character is not text.
   */
  static boolean writesAsciiAsAscii(Charset charset) {
    if (isAsciiCompatible(charset)) {
      return true;
    }
    if (isUtf16Or32(charset) || !charset.canEncode()) {
      return false;
    }
    byte[] ascii = new byte[128];
    for (int i = 0; i < ascii.length; i++) {
      ascii[i] = (byte) i;
    }
    try {
      ByteBuffer encoded = charset.newEncoder()
          .encode(CharBuffer.wrap(new String(ascii, StandardCharsets.US_ASCII)));
      return encoded.remaining() == ascii.length
          && encoded.equals(ByteBuffer.wrap(ascii));
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** Charsets whose line breaks, spaces and tabs are the ASCII bytes and never part of others. */
  static boolean isAsciiCompatible(Charset charset) {
    return charset.equals(StandardCharsets.UTF_8)
        || charset.equals(StandardCharsets.US_ASCII)
        || charset.equals(StandardCharsets.ISO_8859_1);
  }
}
