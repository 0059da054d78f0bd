package org.newsdesk.core;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes articles in the canonical title-repeated-paragraph form of docs/FORMAT.md:
 *
 * <pre>
 * Title LF LF Title LF LF Body LF [LF Date[ Category] LF]
 * </pre>
 *
 * <p>with one blank line between records and LF after the last line. Reading the output with
 * the same format gives back the same titles, bodies, dates and categories. Articles the format
 * cannot represent are rejected with {@link IllegalArgumentException} before anything of them
 * is written:
 *
 * <ul>
 *   <li>an empty title or body, or a line break (CR or LF) in a title, body or category;
 *   <li>leading or trailing spaces or tabs in them;
 *   <li>an unpaired surrogate in them (UTF-16 text that no charset can write);
 *   <li>a title or body that reads as a metadata line, a category without a date, or a date or
 *       category that does not read back through the date pattern;
 *   <li>a title that starts with U+FEFF at the start of the output (the first article written),
 *       where the reader would skip it as a byte order mark; later titles may start with it;
 *   <li>a title equal to the previous body when no date line separates them;
 *   <li>a line longer than the format's {@link NewsFormat#maxLineLength() maxLineLength} (the
 *       title, the body, or the date and category line) or a title and body longer together than
 *       its {@link NewsFormat#maxRecordLength() maxRecordLength}, which the reader would refuse.
 *       Lengths are counted as the reader counts them: in bytes of the file's charset if it is
 *       ISO-8859-1 or US-ASCII (one per character), and otherwise, a {@code Writer} included, in
 *       bytes of the text's UTF-8 encoding (what {@link NewsReader#ofString(String, NewsFormat)}
 *       and the reader of any other charset measure);
 *   <li>when writing a file, a character that the file's charset cannot encode (for example
 *       U+20AC '€' in ISO-8859-1).
 * </ul>
 *
 * <p>A rejected article leaves the output as it was, and the writer can go on with the next
 * article. Not thread-safe.
 *
 * <p><b>Files are replaced all or nothing.</b> A writer from {@link #open(Path, NewsFormat)}
 * writes to a temporary file in the same directory and moves it over the target when it is
 * {@link #close() closed} (see {@link AtomicFiles}). Until then the previous file, if any, is
 * untouched. If a write fails, or {@link #writeAll} ends with any exception (a rejected article,
 * an I/O error, or an exception from the articles' own iterator, such as a {@link
 * NewsParseException} while copying from a {@link NewsReader}), the writer is <em>failed</em>:
 * later writes throw {@link IOException}, and {@link #close()} deletes the temporary file, leaves
 * the previous file as it was and throws an {@link IOException} saying so. So
 *
 * <pre>{@code
 * try (NewsReader in = NewsReader.open(source);
 *      NewsWriter out = NewsWriter.open(target)) {
 *   out.writeAll(in);
 * }
 * }</pre>
 *
 * <p>either replaces {@code target} with every article of {@code source} or leaves it alone. A
 * writer cannot see exceptions thrown by the caller between two {@link #write} calls: code that
 * can fail there should produce its articles as an {@code Iterable} for {@link #writeAll}.
 */
public final class NewsWriter implements Closeable, Flushable {

  private final Writer out;
  /** The file being written, or null for a caller's Writer. */
  private final AtomicFiles.Pending file;
  /** Whether a write to the file failed; then close() discards it. */
  private boolean failed;
  private boolean closed;
  private final MetadataParser metadata;
  private final int maxLineLength;
  private final int maxRecordLength;
  /** Whether the reader of the output counts one byte per character (ISO-8859-1, US-ASCII). */
  private final boolean oneBytePerChar;
  /** Checks that text fits the file's charset; null when every string does (or it is unknown). */
  private final CharsetEncoder encoder;
  /** The previous record's body when it ended without a date line, else null. */
  private String openBody;
  private boolean first = true;

  private NewsWriter(Writer out, AtomicFiles.Pending file, NewsFormat format, Charset charset) {
    this.out = Objects.requireNonNull(out, "out");
    this.file = file;
    this.metadata = Objects.requireNonNull(format, "format").metadata();
    this.maxLineLength = format.maxLineLength();
    this.maxRecordLength = format.maxRecordLength();
    // The reader scans UTF-8, US-ASCII and ISO-8859-1 bytes as they are; it re-encodes other
    // charsets, Readers and Strings as UTF-8, and counts those bytes.
    this.oneBytePerChar = charset != null && NewsReader.isAsciiCompatible(charset)
        && !charset.equals(StandardCharsets.UTF_8);
    // The UTF charsets encode every string without unpaired surrogates, which check() rejects.
    this.encoder = charset == null || charset.name().toUpperCase(Locale.ROOT).startsWith("UTF-")
        ? null : charset.newEncoder();
  }

  /**
   * Writes a UTF-8 file with {@link NewsFormat#DEFAULT}; the file is created or replaced when the
   * writer is closed.
   *
   * @param path the file
   * @return a writer that must be closed
   * @throws IOException if the file cannot be created (its directory does not exist or cannot be
   *     written, or it is a directory); the message names {@code path}
   */
  public static NewsWriter open(Path path) throws IOException {
    return open(path, NewsFormat.DEFAULT);
  }

  /**
   * Writes a file in the format's charset and date pattern. Articles with characters the charset
   * cannot encode, or longer than the format's limits, are rejected. The file is written to a
   * temporary file and moved into place atomically by {@link #close()}; see the class comment for
   * what happens when a write fails.
   *
   * @param path the file
   * @param format the charset, date pattern and length limits to use
   * @return a writer that must be closed
   * @throws IOException if the file cannot be created (its directory does not exist or cannot be
   *     written, or it is a directory); the message names {@code path}
   */
  public static NewsWriter open(Path path, NewsFormat format) throws IOException {
    Objects.requireNonNull(format, "format");
    AtomicFiles.Pending file = AtomicFiles.begin(path);
    try {
      Writer out = new BufferedWriter(
          new OutputStreamWriter(file.stream(), format.charset().newEncoder()));
      return new NewsWriter(out, file, format, format.charset());
    } catch (RuntimeException | Error e) {
      file.discard(e); // e.g. a charset that cannot encode
      throw e;
    }
  }

  /**
   * Writes to a character stream with {@link NewsFormat#DEFAULT}'s date pattern and length
   * limits; closing this writer closes {@code out}.
   *
   * @param out the destination
   * @return a writer
   */
  public static NewsWriter of(Writer out) {
    return of(out, NewsFormat.DEFAULT);
  }

  /**
   * Writes to a character stream with the format's date pattern and length limits; closing this
   * writer closes {@code out}. The format's charset is not used and characters are not checked
   * against any charset: encoding is the stream's business. Line and record lengths are counted
   * in bytes of UTF-8, as {@link NewsReader#ofString(String, NewsFormat)} counts them.
   *
   * @param out the destination
   * @param format the date pattern and length limits to use
   * @return a writer
   */
  public static NewsWriter of(Writer out, NewsFormat format) {
    return new NewsWriter(out instanceof BufferedWriter || out instanceof StringWriter
        ? out : new BufferedWriter(out), null, format, null);
  }

  /**
   * Returns the canonical text of some articles with {@link NewsFormat#DEFAULT}'s date pattern
   * and length limits.
   *
   * @param articles the articles
   * @return the text, empty if there are no articles
   * @throws IllegalArgumentException if an article cannot be represented
   */
  public static String toString(Iterable<Article> articles) {
    StringWriter text = new StringWriter();
    try (NewsWriter writer = of(text)) {
      writer.writeAll(articles);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString();
  }

  /**
   * Writes one article.
   *
   * @param article the article; its source and line are not written
   * @throws IOException if writing fails
   * @throws IllegalArgumentException if the article cannot be represented (nothing is written)
   */
  public void write(Article article) throws IOException {
    String dateText = check(article);
    ensureWritable();
    try {
      if (!first) {
        out.write('\n');
      }
      out.write(article.title());
      out.write("\n\n");
      out.write(article.title());
      out.write("\n\n");
      out.write(article.body());
      out.write('\n');
      if (dateText != null) {
        out.write('\n');
        out.write(dateText);
        out.write('\n');
      }
    } catch (IOException | RuntimeException | Error e) {
      failed = true;
      throw e;
    }
    first = false;
    openBody = dateText == null ? article.body() : null;
  }

  /**
   * Writes articles in order.
   *
   * @param articles the articles
   * @throws IOException if writing fails
   * @throws IllegalArgumentException if an article cannot be represented; the ones before it
   *     have been written to the destination (a file writer is then failed, and its file will
   *     not be replaced)
   */
  public void writeAll(Iterable<Article> articles) throws IOException {
    try {
      for (Article article : articles) {
        write(article);
      }
    } catch (Throwable e) {
      if (file != null) {
        failed = true;
      }
      throw e;
    }
  }

  /**
   * Flushes buffered text to the destination.
   *
   * @throws IOException if flushing fails
   */
  @Override
  public void flush() throws IOException {
    ensureWritable();
    try {
      out.flush();
    } catch (IOException | RuntimeException | Error e) {
      failed = true;
      throw e;
    }
  }

  /**
   * Flushes and closes the destination. A file writer moves its file into place now, replacing
   * any previous file atomically; if an earlier write failed, or flushing or moving fails, it
   * deletes the temporary file instead, leaves the previous file as it was, and throws. Closing
   * twice has no effect.
   *
   * @throws IOException if closing fails, or, for a file, if the file was not written (the
   *     message names the file)
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (file == null) {
      out.close();
      return;
    }
    if (failed) {
      IOException e = new FileSystemException(file.target().toString(), null,
          "not written, because a write failed; the previous file, if any, is unchanged");
      file.discard(e);
      throw e;
    }
    try {
      out.close(); // flushes into the temporary file, which stays open for the commit
      file.commit();
    } catch (Throwable e) {
      file.discard(e);
      throw e;
    }
  }

  /** A failed or closed file writer takes no more text. */
  private void ensureWritable() throws IOException {
    if (file == null) {
      return;
    }
    if (closed) {
      throw new IOException(file.target() + ": the writer is closed");
    }
    if (failed) {
      throw new FileSystemException(file.target().toString(), null,
          "an earlier write failed; the file will not be written");
    }
  }

  /** Returns the metadata line to write (or null), or throws if the article is not representable. */
  private String check(Article article) {
    checkLine("title", article.title());
    checkLine("body", article.body());
    if (first && article.title().charAt(0) == '\uFEFF') {
      // only at the start of input does the reader take U+FEFF for a byte order mark
      throw invalid(article, "the first title must not start with U+FEFF (it would read as a "
          + "byte order mark)");
    }
    if (metadata.isMetadata(article.title()) || metadata.isMetadata(article.body())) {
      throw invalid(article, "a title or body must not read as a metadata line");
    }
    if (article.title().equals(openBody)) {
      throw invalid(article, "the title equals the previous body and no date line separates "
          + "them, so it would read as a missing body");
    }
    String dateText = null;
    if (article.date().isPresent()) {
      dateText = metadata.format(article.date().get());
      if (dateText == null) {
        throw invalid(article, "its date cannot be written and read back with the date pattern");
      }
    }
    if (article.category().isPresent()) {
      if (dateText == null) {
        throw invalid(article, "a category can only be written after a date");
      }
      String category = article.category().get();
      checkLine("category", category);
      dateText = dateText + " " + category;
      MetadataParser.DateLine back = metadata.parseDate(dateText);
      if (back == null || !category.equals(back.category())) {
        throw invalid(article, "its category does not read back after the date");
      }
    }
    if (encoder != null) {
      checkEncodable(article, "title", article.title());
      checkEncodable(article, "body", article.body());
      if (article.category().isPresent()) {
        checkEncodable(article, "category", article.category().get());
      }
      if (dateText != null) {
        checkEncodable(article, "date line", dateText);
      }
    }
    long titleLength = checkLength(article, "title", article.title());
    long bodyLength = checkLength(article, "body", article.body());
    if (dateText != null) {
      checkLength(article, "date line", dateText);
    }
    if (titleLength + bodyLength > maxRecordLength) {
      throw invalid(article, "its title and body are " + (titleLength + bodyLength)
          + " bytes together, more than maxRecordLength " + maxRecordLength);
    }
    return dateText;
  }

  /** Rejects a line the reader would find too long; returns its length as the reader counts. */
  private long checkLength(Article article, String what, String line) {
    long length = oneBytePerChar ? line.length() : LineText.utf8Length(line);
    if (length > maxLineLength) {
      throw invalid(article, what + " is " + length + " bytes, more than maxLineLength "
          + maxLineLength);
    }
    return length;
  }

  /** Rejects text the file's charset cannot encode, naming the first such character. */
  private void checkEncodable(Article article, String what, String text) {
    if (encoder.canEncode(text)) {
      return;
    }
    // One encoding pass finds where it stops (a pass per character would be quadratic in cost).
    CharBuffer in = CharBuffer.wrap(text);
    ByteBuffer out = ByteBuffer.allocate(8192);
    encoder.reset();
    CoderResult result;
    do {
      out.clear();
      result = encoder.encode(in, out, true);
    } while (result.isOverflow());
    encoder.reset();
    if (result.isError()) {
      int i = in.position();
      int c = text.codePointAt(i);
      throw invalid(article, String.format(Locale.ROOT,
          "%s contains U+%04X %s at index %d, which %s cannot encode", what, c,
          LineText.quote(new String(Character.toChars(c))), i, encoder.charset().name()));
    }
    // Every character alone encodes; only a sequence does not (stateful charsets). Still reject.
    throw invalid(article, what + " cannot be encoded in " + encoder.charset().name());
  }

  private static void checkLine(String what, String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    if (LineText.hasLineBreak(text)) {
      throw new IllegalArgumentException(what + " must not contain a line break: "
          + LineText.quote(text));
    }
    if (LineText.isSpace(text.charAt(0)) || LineText.isSpace(text.charAt(text.length() - 1))) {
      throw new IllegalArgumentException(what + " must not start or end with a space or tab: "
          + LineText.quote(text));
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(what + " contains an unpaired surrogate at index " + i);
      }
    }
  }

  private static IllegalArgumentException invalid(Article article, String why) {
    return new IllegalArgumentException("cannot write article " + LineText.quote(article.title())
        + ": " + why);
  }
}
