package org.newsdesk.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.unsafe.types.UTF8String;
import org.newsdesk.core.Article;
import org.newsdesk.core.Diagnostic;
import org.newsdesk.core.NewsFormat;
import org.newsdesk.core.NewsReader;
import org.newsdesk.core.RecordBoundary;

/**
 * Reads the chunks of one partition with the core parser: a whole file, or the records of a
 * split between two record boundaries ({@link RecordBoundary}), with whole-file line numbers.
 * Every diagnostic is counted by kind; in PERMISSIVE mode with a corrupt-record column, the lines
 * a diagnostic accounts for that are in no article become a row, and with {@code
 * rows=diagnostics} each diagnostic does. Only then are diagnostics kept, and only for one unit
 * of input at a time ({@link NewsReader#readUnit()}: a record, or lines that give no article),
 * so what a task holds does not grow with the length of input between two articles.
 */
final class NewsdeskPartitionReader implements PartitionReader<InternalRow> {

  private static final Diagnostic.Kind[] KINDS = Diagnostic.Kind.values();

  private final FileChunk[] chunks;
  private final Configuration conf;
  private final ReadOptions options;
  private final Rows rows;
  private final boolean corruptRows;
  /** Whether diagnostics become rows, so they are kept until their unit has been read. */
  private final boolean keepDiagnostics;
  private final long[] counts = new long[KINDS.length];
  private long corruptFiles;
  private long missingFiles;
  private final CompressionCodecFactory codecs;

  private int next;
  private final ArrayDeque<InternalRow> queue = new ArrayDeque<>();
  private InternalRow current;

  // the chunk being read
  private FileChunk chunk;
  private UTF8String source;
  private NewsReader reader;
  private Iterator<Article> articles;
  private RecordBoundary from;
  private RawLines raw;
  private final List<Diagnostic> found = new ArrayList<>();

  NewsdeskPartitionReader(FileChunk[] chunks, Configuration conf, ReadOptions options,
      Rows rows, boolean corruptRows) {
    this.chunks = chunks;
    this.conf = conf;
    this.options = options;
    this.rows = rows;
    this.corruptRows = corruptRows;
    this.keepDiagnostics = options.diagnosticRows || corruptRows;
    this.codecs = new CompressionCodecFactory(conf);
  }

  @Override
  public boolean next() throws IOException {
    while (queue.isEmpty()) {
      if (reader == null) {
        if (next == chunks.length) {
          current = null;
          return false;
        }
        FileChunk c = chunks[next++];
        try {
          open(c);
        } catch (IOException | UncheckedIOException e) {
          skip(c, e);
        }
        continue;
      }
      try {
        readUnit();
      } catch (IOException | UncheckedIOException e) {
        skip(chunk, e);
      }
    }
    current = queue.poll();
    return true;
  }

  /**
   * Reads one unit of the chunk (a record, or input that gives no article), queues its rows, and
   * closes the chunk at its end. FAILFAST: NewsParseException names the file and line.
   */
  private void readUnit() throws IOException {
    if (!reader.readUnit()) {
      drain(null);
      return;
    }
    Article article = articles.hasNext() ? articles.next() : null;
    drain(article);
    if (article == null) {
      closeChunk();
    }
  }

  /**
   * A file that cannot be read: with {@code ignoreMissingFiles} (the file has gone since
   * planning) or {@code ignoreCorruptFiles} (anything else, e.g. a damaged gzip stream) the rest
   * of the chunk is skipped and counted, as Spark's own file sources do (rows already returned
   * stay); otherwise the task fails with an error naming the file. Either way the chunk's
   * streams are closed first.
   */
  private void skip(FileChunk c, Exception e) throws IOException {
    IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
    boolean missing = cause instanceof java.io.FileNotFoundException;
    found.clear();
    try {
      closeChunk();
    } catch (IOException closing) {
      if (closing != cause) {
        cause.addSuppressed(closing); // the file is being skipped for an I/O error already
      }
    }
    if (missing ? !options.ignoreMissingFiles : !options.ignoreCorruptFiles) {
      throw new IOException("newsdesk: cannot read " + c.path() + ": " + cause.getMessage(),
          cause);
    }
    if (missing) {
      missingFiles++;
    } else {
      corruptFiles++;
    }
  }

  @Override
  public InternalRow get() {
    return current;
  }

  /**
   * Turns the diagnostics reported while reading up to {@code article} into rows: as they are,
   * or, for corrupt records, the ranges of lines left out of every article. Those can overlap (a
   * near title repeat reported before its record is dropped), so they are merged, and they come
   * out in line order.
   */
  private void drain(Article article) {
    if (found.isEmpty() && article == null) {
      return;
    }
    List<long[]> ranges = new ArrayList<>();
    for (Diagnostic d : found) {
      if (options.diagnosticRows) {
        queue.add(rows.diagnostic(d, source));
      } else if (corruptRows && d.firstLine() > 0 && !inArticle(d, article)) {
        ranges.add(new long[] {d.firstLine(), d.lastLine()});
      }
    }
    found.clear();
    ranges.sort((a, b) -> Long.compare(a[0], b[0]));
    List<InternalRow> after = new ArrayList<>();
    long[] merged = null;
    for (int i = 0; i <= ranges.size(); i++) {
      long[] range = i < ranges.size() ? ranges.get(i) : null;
      if (merged != null && range != null && range[0] <= merged[1]) {
        merged[1] = Math.max(merged[1], range[1]);
        continue;
      }
      if (merged != null) {
        long first = merged[0];
        long last = merged[1];
        InternalRow row = rows.corrupt(source, first, chunk.path(), () -> rawText(first, last));
        (article != null && first > article.line() ? after : queue).add(row);
      }
      merged = range == null ? null : range.clone();
    }
    if (article != null && !options.diagnosticRows) {
      queue.add(rows.article(article, source));
    }
    queue.addAll(after);
  }

  /**
   * Whether the lines a diagnostic accounts for went into the article read with it (a near
   * title repeat, joined body lines, an invalid date, replaced bytes) rather than being left out
   * (skipped lines before it, or body lines cut for length).
   */
  private static boolean inArticle(Diagnostic d, Article article) {
    return article != null && d.line() >= article.line()
        && d.kind() != Diagnostic.Kind.RECORD_TOO_LONG;
  }

  private String rawText(long first, long last) {
    try {
      if (raw == null) {
        raw = new RawLines(open(chunk, from.offset()), options.format().charset(),
            from.line(), from.offset() == 0);
      }
      return raw.lines(first, last, options.format().maxRecordLength());
    } catch (IOException e) {
      throw new UncheckedIOException("newsdesk: cannot read " + chunk.path(), e);
    }
  }

  private void open(FileChunk c) throws IOException {
    chunk = c;
    source = UTF8String.fromString(c.path());
    NewsFormat format = options.format().toBuilder().onDiagnostic(this::found).build();
    if (c.whole()) {
      from = RecordBoundary.START;
      reader = read(open(c, 0), c.path(), format, null, 0);
    } else {
      Optional<RecordBoundary> start = c.first() ? Optional.of(RecordBoundary.START)
          : find(c, c.start(), c.startLine(), c.end(), format);
      if (start.isEmpty()) {
        return; // no record starts in this split: the one before reads on over it
      }
      long to = c.last() ? Long.MAX_VALUE : find(c, c.end(), c.endLine(), Long.MAX_VALUE, format)
          .map(RecordBoundary::offset).orElse(Long.MAX_VALUE);
      from = start.get();
      reader = read(open(c, from.offset()), c.path(), format, from, to);
    }
    articles = reader.iterator();
  }

  /** A core reader of the whole stream, or of the range {@code [from, to)}; closes it if not. */
  private static NewsReader read(InputStream in, String name, NewsFormat format,
      RecordBoundary from, long to) throws IOException {
    try {
      return from == null ? NewsReader.open(in, name, format)
          : NewsReader.open(in, name, format, from, to);
    } catch (RuntimeException e) {
      in.close();
      throw e;
    }
  }

  private void found(Diagnostic d) {
    counts[d.kind().ordinal()]++;
    if (keepDiagnostics) {
      found.add(d);
    }
  }

  private Optional<RecordBoundary> find(FileChunk c, long offset, long line, long limit,
      NewsFormat format) throws IOException {
    try (InputStream in = open(c, offset)) {
      return RecordBoundary.find(in, offset, line, limit, format);
    }
  }

  /** The file's bytes from an offset; whole compressed files are decompressed. */
  private InputStream open(FileChunk c, long offset) throws IOException {
    Path path = new Path(c.path());
    FSDataInputStream in = path.getFileSystem(conf).open(path);
    try {
      CompressionCodec codec = c.whole() ? codecs.getCodec(path) : null;
      if (codec != null) {
        return codec.createInputStream(in);
      }
      if (offset > 0) {
        in.seek(offset);
      }
      return in;
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** Closes the chunk's streams, each one even if closing the other fails. */
  private void closeChunk() throws IOException {
    NewsReader parsing = reader;
    RawLines rawText = raw;
    reader = null;
    articles = null;
    raw = null;
    IOException failure = null;
    try {
      if (parsing != null) {
        parsing.close();
      }
    } catch (UncheckedIOException e) {
      failure = e.getCause();
    } finally {
      if (rawText != null) {
        try {
          rawText.close();
        } catch (IOException e) {
          if (failure == null) {
            failure = e;
          } else {
            failure.addSuppressed(e);
          }
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public CustomTaskMetric[] currentMetricsValues() {
    CustomTaskMetric[] values = new CustomTaskMetric[KINDS.length + 2];
    for (int i = 0; i < KINDS.length; i++) {
      values[i] = new NewsdeskScan.TaskMetric(NewsdeskMetric.nameOf(KINDS[i]), counts[i]);
    }
    values[KINDS.length] =
        new NewsdeskScan.TaskMetric(NewsdeskMetric.CORRUPT_FILES_NAME, corruptFiles);
    values[KINDS.length + 1] =
        new NewsdeskScan.TaskMetric(NewsdeskMetric.MISSING_FILES_NAME, missingFiles);
    return values;
  }

  @Override
  public void close() throws IOException {
    closeChunk();
  }
}
