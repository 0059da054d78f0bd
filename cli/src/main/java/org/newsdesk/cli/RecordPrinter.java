package org.newsdesk.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.lang3.StringUtils;
import org.apache.commons.text.StringEscapeUtils;

/**
 * Prints records (JSON objects) as a table, JSON Lines or CSV. The table is for terminals and shows
 * control characters escaped; JSON Lines escapes them the JSON way and CSV keeps the data as it is.
 * Streaming: JSON Lines and CSV print each record at once; the table buffers at most {@value
 * #TABLE_CHUNK} rows to size its columns. A command that makes its records on worker threads can
 * have them {@linkplain #prepare prepared} there too (JSON Lines are then serialized off the
 * printing thread) and {@linkplain #print(Batch) print} the batches in order.
 *
 * <p>A {@link Record} writes its fields straight into a JSON generator: JSON Lines, the format
 * for volume, are written as UTF-8 bytes straight to the output stream, without a tree per record
 * or a second pass to encode them; CSV reads the record's tokens back as {@link Cells} and the
 * table as a tree, and both print text through the writer.
 */
final class RecordPrinter {
  /**
   * Every command's JSON. Doubles (the scores) are written by Jackson's Schubfach writer: the
   * shortest text that reads back as the same double, at a fraction of the cost of JDK 17's
   * {@code Double.toString} (which it matches on probabilities: RecordPrinterTest).
   */
  static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
          // JSON Lines are written as UTF-8 bytes: a character outside the BMP as its four bytes,
          // not as two escaped surrogates (a lone surrogate, which UTF-8 cannot hold, is escaped)
          .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
          .build();
  private static final int TABLE_CHUNK = 1000;
  private static final int CHECK_EVERY = 1024;

  /**
   * One table column: header, how to get its text from a record, and a width limit. A text over
   * the limit loses its end, or its start when {@code keepEnd} (a location's file name and line
   * matter more than its directory).
   */
  record Column(String header, Function<JsonNode, String> value, int maxWidth, boolean keepEnd) {
    Column(String header, Function<JsonNode, String> value, int maxWidth) {
      this(header, value, maxWidth, false);
    }

    static Column field(String header, String field, int maxWidth) {
      return new Column(header, r -> text(r.get(field)), maxWidth);
    }

    String fit(String text) {
      return fit(text, maxWidth);
    }

    /** The text cut to {@code width} (at least 2) as {@link #fit(String)} cuts it to the limit. */
    String fit(String text, int width) {
      if (text.length() <= width) {
        return text;
      }
      return keepEnd
          ? "…" + StringUtils.right(text, width - 1)
          : StringUtils.abbreviate(text, "…", width);
    }
  }

  /**
   * One output record: writes its fields, in order, into the JSON object the printer opens for
   * it. Every command defines its record shape once, this way, for every format.
   */
  @FunctionalInterface
  interface Record {
    /** Writes this record's fields (names and values) into an object {@code g} has started. */
    void writeFields(JsonGenerator g) throws IOException;
  }

  /** Bytes kept for one write; cut back to the last whole record when a record fails. */
  private static final class Pending extends ByteArrayOutputStream {
    Pending() {
      super(2 * FLUSH_AT);
    }

    void truncate(int size) {
      count = size;
    }
  }

  /** JSON Lines printed one by one go out in writes of about this many bytes. */
  private static final int FLUSH_AT = 1 << 16;

  private final OutputFormat format;
  private final PrintWriter out;
  private final Output utf8;
  /** JSON Lines printed one by one: their generator (made on first use) and its whole lines. */
  private JsonGenerator lines;

  private Pending pending;
  private final List<Column> columns;
  private final List<String[]> rows = new ArrayList<>();
  private int[] widths;
  private boolean headerDone;
  private long printed;
  /** Whether each record is flushed to the output as soon as it is printed. */
  private final boolean flushEach;

  /**
   * A printer of text through {@code out}, and of JSON Lines as bytes to {@code utf8}, the stream
   * {@code out} writes UTF-8 to.
   */
  RecordPrinter(OutputFormat format, PrintWriter out, Output utf8, List<Column> tableColumns) {
    this(format, out, utf8, tableColumns, false);
  }

  /**
   * As {@link #RecordPrinter(OutputFormat, PrintWriter, Output, List)}; with {@code flushEach},
   * every record (or batch) goes to the output as soon as it is printed, and a table prints each
   * row at once, its columns at their full widths, instead of sizing them over many rows.
   */
  RecordPrinter(
      OutputFormat format,
      PrintWriter out,
      Output utf8,
      List<Column> tableColumns,
      boolean flushEach) {
    this.format = format;
    this.out = out;
    this.utf8 = utf8;
    this.columns = List.copyOf(tableColumns);
    this.flushEach = flushEach;
    if (flushEach) {
      widths =
          columns.stream().mapToInt(c -> Math.max(c.header().length(), c.maxWidth())).toArray();
    }
  }

  /** With {@code flushEach}, sends what was printed to the output now. */
  private void flushIfEach() {
    if (!flushEach) {
      return;
    }
    if (format == OutputFormat.JSONL) {
      writePending();
      try {
        utf8.flush();
      } catch (IOException e) {
        throw new OutputFailedException(); // Output has the cause, for the command's report
      }
    } else {
      out.flush();
      if (out.checkError()) {
        throw new OutputFailedException();
      }
    }
  }

  /**
   * Prints one record. A record that fails while writing itself leaves nothing of itself in the
   * output; the records before it are printed.
   */
  void print(Record record) {
    if (format != OutputFormat.JSONL) {
      if (format == OutputFormat.CSV) {
        printCsv(cells(record));
      } else {
        printTable(tree(record));
      }
      flushIfEach();
      return;
    }
    if (lines == null) {
      out.flush(); // whatever text came first stays first
      pending = new Pending();
      lines = lineGenerator(pending);
    }
    int whole = pending.size();
    try {
      writeLine(lines, record);
      lines.flush(); // into pending, so that it ends with whole lines
    } catch (IOException | RuntimeException e) {
      // the generator is left inside the failed record: drop it and what it wrote
      pending.truncate(whole);
      lines = lineGenerator(pending);
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
    if (pending.size() >= FLUSH_AT) {
      writePending();
    }
    flushIfEach();
  }

  /** Writes the pending JSON Lines to the output; a failed write stops the command. */
  private void writePending() {
    if (pending == null || pending.size() == 0) {
      return;
    }
    try {
      pending.writeTo(utf8);
    } catch (IOException e) {
      throw new OutputFailedException(); // Output has the cause, for the command's report
    } finally {
      pending.reset();
    }
  }

  /**
   * A record's fields as CSV cells: their names, and each value's {@linkplain #text text} (an
   * object or array as compact JSON). Read from the record's tokens, without a tree.
   */
  record Cells(List<String> names, List<String> texts) {}

  /** The CSV cells of a record. */
  static Cells cells(Record record) {
    List<String> names = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    try (TokenBuffer buffer = tokens(record);
        JsonParser p = buffer.asParserOnFirstToken()) {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        names.add(p.currentName());
        JsonToken value = p.nextToken();
        texts.add(
            switch (value) {
              case VALUE_NULL -> "";
              case START_OBJECT, START_ARRAY -> text(JSON.readTree(p));
              default -> p.getText();
            });
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a buffer in memory does not fail
    }
    return new Cells(names, texts);
  }

  /** Prints a CSV row, after the header if this is the first. */
  private void printCsv(Cells cells) {
    // PrintWriter swallows write errors: notice a failed or closed output (a full disk, or
    // `newsdesk parse big | head`) instead of parsing gigabytes for nobody
    if (++printed % CHECK_EVERY == 0 && out.checkError()) {
      throw new OutputFailedException();
    }
    if (!headerDone) {
      csvRow(cells.names().iterator());
      headerDone = true;
    }
    csvRow(cells.texts().iterator());
  }

  /** Adds a table row, printing the rows so far when a chunk is full. */
  private void printTable(ObjectNode record) {
    if (++printed % CHECK_EVERY == 0 && out.checkError()) {
      throw new OutputFailedException();
    }
    String[] row = new String[columns.size()];
    for (int i = 0; i < row.length; i++) {
      Column c = columns.get(i);
      // Escaped first, so the width limit counts what the terminal shows.
      String text = Messages.escape(c.value().apply(record));
      row[i] = c.fit(text);
    }
    rows.add(row);
    if (rows.size() == TABLE_CHUNK || flushEach) {
      flushTable();
    }
  }

  /**
   * Records ready to print, in the printer's format: JSON Lines already serialized (one line per
   * record), CSV as cells, table rows as trees.
   */
  static final class Batch {
    private final ByteArrayOutputStream jsonLines;
    private final List<Cells> csv;
    private final List<ObjectNode> table;

    private Batch(ByteArrayOutputStream jsonLines, List<Cells> csv, List<ObjectNode> table) {
      this.jsonLines = jsonLines;
      this.csv = csv;
      this.table = table;
    }
  }

  /**
   * Prepares records for {@link #print(Batch)}; thread-safe, so worker threads can do the
   * serializing. They come out exactly as {@link #print(Record)} prints them one by one.
   */
  Batch prepare(List<? extends Record> records) {
    if (format == OutputFormat.CSV) {
      List<Cells> csv = new ArrayList<>(records.size());
      for (Record record : records) {
        csv.add(cells(record));
      }
      return new Batch(null, csv, null);
    }
    if (format == OutputFormat.TABLE) {
      List<ObjectNode> table = new ArrayList<>(records.size());
      for (Record record : records) {
        table.add(tree(record));
      }
      return new Batch(null, null, table);
    }
    // encoded here too, so the printing thread only copies bytes to the output
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(records.size() * 1024);
    try (JsonGenerator g = lineGenerator(bytes)) {
      for (Record record : records) {
        writeLine(g, record);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a record that cannot be written (memory does not fail)
    }
    return new Batch(bytes, null, null);
  }

  /**
   * A UTF-8 generator for JSON Lines into a buffer: one line per record, no separator of
   * Jackson's own between root values.
   */
  private static JsonGenerator lineGenerator(ByteArrayOutputStream buffer) {
    try {
      JsonGenerator g = JSON.getFactory().createGenerator(buffer, JsonEncoding.UTF8);
      g.setRootValueSeparator(null);
      return g;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // nothing is written yet
    }
  }

  private static void writeLine(JsonGenerator g, Record record) throws IOException {
    g.writeStartObject();
    record.writeFields(g);
    g.writeEndObject();
    g.writeRaw('\n');
  }

  /** A record as a tree (for the table), its fields in the order it writes them. */
  static ObjectNode tree(Record record) {
    try (TokenBuffer buffer = tokens(record)) {
      return (ObjectNode) JSON.readTree(buffer.asParser());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a buffer in memory does not fail
    }
  }

  /** A record's tokens, as one object. */
  private static TokenBuffer tokens(Record record) throws IOException {
    TokenBuffer buffer = new TokenBuffer(JSON, false);
    buffer.writeStartObject();
    record.writeFields(buffer);
    buffer.writeEndObject();
    return buffer;
  }

  /** Prints a prepared batch, as {@link #print(Record)} would print its records one by one. */
  void print(Batch batch) {
    if (batch.csv != null) {
      batch.csv.forEach(this::printCsv);
    } else if (batch.table != null) {
      batch.table.forEach(this::printTable);
    } else {
      out.flush(); // whatever text came first stays first
      writePending(); // and so do lines printed one by one
      try {
        batch.jsonLines.writeTo(utf8);
      } catch (IOException e) {
        throw new OutputFailedException(); // Output has the cause, for the command's report
      }
    }
    flushIfEach();
  }


  /**
   * Prints what the table still buffers and the JSON Lines not yet written; call once after the
   * last record. A write that fails here does not throw: {@link Output} remembers it and the
   * command reports it, and an exception here would hide the one this may be finishing after.
   */
  void finish() {
    if (format == OutputFormat.TABLE) {
      flushTable();
    }
    out.flush();
    if (lines != null) {
      try {
        lines.close(); // at a record boundary, its lines in pending; its buffers go back to Jackson
      } catch (IOException e) {
        throw new UncheckedIOException(e); // memory does not fail
      }
    }
    try {
      writePending();
    } catch (OutputFailedException e) {
      // reported by the command (InputCommand checks Output)
    }
  }

  private void csvRow(Iterator<String> values) {
    StringBuilder line = new StringBuilder();
    while (values.hasNext()) {
      line.append(StringEscapeUtils.escapeCsv(values.next()));
      if (values.hasNext()) {
        line.append(',');
      }
    }
    out.write(line.append('\n').toString());
  }

  private void flushTable() {
    if (rows.isEmpty()) {
      return; // no header above nothing
    }
    if (widths == null) {
      widths = new int[columns.size()];
      for (int i = 0; i < widths.length; i++) {
        widths[i] = columns.get(i).header().length();
      }
    }
    if (!headerDone) {
      // sized by the first chunk; later rows are cut to these widths, so that every row stays
      // aligned with the header (the last column has no padding, so it is not cut further)
      for (String[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          widths[i] = Math.max(widths[i], row[i].length());
        }
      }
    } else {
      for (String[] row : rows) {
        for (int i = 0; i < row.length - 1; i++) {
          row[i] = columns.get(i).fit(row[i], Math.max(2, widths[i]));
        }
      }
    }
    if (!headerDone) {
      String[] header = columns.stream().map(Column::header).toArray(String[]::new);
      tableRow(header);
      headerDone = true;
    }
    rows.forEach(this::tableRow);
    rows.clear();
  }

  private void tableRow(String[] cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i == cells.length - 1) {
        line.append(cells[i]); // no trailing padding
      } else {
        line.append(StringUtils.rightPad(cells[i], widths[i])).append("  ");
      }
    }
    out.write(line.append('\n').toString());
  }

  /** Plain text of a JSON value: null and missing are empty, objects and arrays compact JSON. */
  static String text(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return "";
    }
    return v.isContainerNode() ? v.toString() : v.asText();
  }
}
