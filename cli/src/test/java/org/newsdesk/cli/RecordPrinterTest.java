package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecordPrinterTest {
  /** Standard output as the commands have it: a UTF-8 writer over a byte stream. */
  private static final class Sink {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final Output output = new Output(bytes, Output.STDOUT);
    final PrintWriter writer =
        new PrintWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));

    RecordPrinter printer(OutputFormat format, List<RecordPrinter.Column> columns) {
      return new RecordPrinter(format, writer, output, columns);
    }

    /** A printer that flushes each record ({@code --line-buffered}). */
    RecordPrinter flushingPrinter(OutputFormat format, List<RecordPrinter.Column> columns) {
      return new RecordPrinter(format, writer, output, columns, true);
    }

    /** What reached the byte stream, without flushing anything. */
    String delivered() {
      return bytes.toString(StandardCharsets.UTF_8);
    }

    /** What was printed (text the writer still buffers included). */
    @Override
    public String toString() {
      writer.flush();
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  private final Sink out = new Sink();

  private static ObjectNode node(String name, String text) {
    ObjectNode node = RecordPrinter.JSON.createObjectNode();
    node.put("name", name);
    node.put("text", text);
    node.putNull("missing");
    node.putObject("nested").put("a", 0.5);
    return node;
  }

  /** The record of an object node's fields, in order. */
  private static RecordPrinter.Record of(ObjectNode node) {
    return g -> {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        g.writeFieldName(field.getKey());
        g.writeTree(field.getValue());
      }
    };
  }

  private static RecordPrinter.Record record(String name, String text) {
    return of(node(name, text));
  }

  private static List<RecordPrinter.Record> asRecords(List<ObjectNode> nodes) {
    return nodes.stream().map(RecordPrinterTest::of).toList();
  }

  private RecordPrinter printer(OutputFormat format) {
    return out.printer(
        format,
        List.of(
            RecordPrinter.Column.field("NAME", "name", 6),
            RecordPrinter.Column.field("TEXT", "text", 100)));
  }

  @Test
  void csvEscapesPerRfc4180AndRendersNullAsEmpty() {
    RecordPrinter p = printer(OutputFormat.CSV);
    p.print(record("plain", "has, comma and \"quotes\""));
    p.print(record("naïve ✓", "multi\nline"));
    p.finish();

    assertThat(out.toString())
        .isEqualTo(
            "name,text,missing,nested\n"
                + "plain,\"has, comma and \"\"quotes\"\"\",,\"{\"\"a\"\":0.5}\"\n"
                + "naïve ✓,\"multi\nline\",,\"{\"\"a\"\":0.5}\"\n");
  }

  @Test
  void scoresAreWrittenAsJavaWritesThemAndReadBackExactly() throws IOException {
    Random random = new Random(20261130);
    ObjectNode record = RecordPrinter.JSON.createObjectNode();
    double[] scores = new double[20_000];
    for (int i = 0; i < scores.length; i++) {
      // probabilities as a softmax makes them, and their extremes
      double x = random.nextDouble();
      scores[i] = i % 10 == 0 ? Math.pow(x, 40) : i % 10 == 1 ? 1 - x * 1e-9 : x * x;
      record.put("s" + i, scores[i]);
    }
    RecordPrinter p = printer(OutputFormat.JSONL);
    p.print(of(record));
    p.finish();

    String line = out.toString();
    StringBuilder expected = new StringBuilder("{");
    for (int i = 0; i < scores.length; i++) {
      expected.append(i == 0 ? "" : ",").append("\"s").append(i).append("\":");
      expected.append(Double.toString(scores[i]));
    }
    assertThat(line).isEqualTo(expected.append("}\n").toString());
    JsonNode read = RecordPrinter.JSON.readTree(line);
    for (int i = 0; i < scores.length; i++) {
      assertThat(read.get("s" + i).doubleValue()).isEqualTo(scores[i]);
    }
  }

  @Test
  void jsonLinesAreOneCompactObjectPerLineWithUnicodeKept() {
    RecordPrinter p = printer(OutputFormat.JSONL);
    p.print(record("naïve ✓", "line\nbreak"));
    p.finish();

    assertThat(out.toString())
        .isEqualTo(
            "{\"name\":\"naïve ✓\",\"text\":\"line\\nbreak\",\"missing\":null,"
                + "\"nested\":{\"a\":0.5}}\n");
  }

  @Test
  void jsonLinesAreUtf8WithCharactersBeyondTheBmpWholeAndLoneSurrogatesEscaped() {
    RecordPrinter p = printer(OutputFormat.JSONL);
    p.print(record("\uD83D\uDE00", "a\uD800b"));
    p.finish();

    byte[] emoji = "\uD83D\uDE00".getBytes(StandardCharsets.UTF_8);
    assertThat(emoji).hasSize(4);
    assertThat(out.toString())
        .startsWith("{\"name\":\"" + new String(emoji, StandardCharsets.UTF_8) + "\"")
        .contains("\"text\":\"a\\uD800b\"");
  }

  @Test
  void preparedBatchesPrintExactlyWhatPrintingEachRecordPrints() {
    List<ObjectNode> records = new ArrayList<>();
    records.add(node("naïve ✓", "line\nbreak \"quoted\" \u0000\u001f\u2028 tab\t"));
    records.add(node("", "𝄞 surrogates \uD800 alone"));
    ObjectNode numbers = node("n", "x");
    numbers.put("score", 0.1 + 0.2);
    numbers.put("tiny", 4.9e-324);
    numbers.put("line", Long.MAX_VALUE);
    numbers.put("negative", -0.0);
    numbers.put("big", 1e300);
    numbers.putArray("list").add(1).add("two").addNull().addObject().put("k", true);
    records.add(numbers);
    // more rows than a table chunk, so the table's chunking crosses batch boundaries
    for (int i = 0; i < 2500; i++) {
      records.add(node("row-" + i, "text " + i));
    }
    int[] cuts = {0, 2, 2, 3, 67, 1003, 2000, records.size()}; // an empty batch at 2..2
    for (OutputFormat format : OutputFormat.values()) {
      Sink one = new Sink();
      RecordPrinter single =
          one.printer(format, List.of(
              RecordPrinter.Column.field("NAME", "name", 6),
              RecordPrinter.Column.field("TEXT", "text", 20)));
      asRecords(records).forEach(single::print);
      single.finish();
      Sink batched = new Sink();
      RecordPrinter many =
          batched.printer(format, List.of(
              RecordPrinter.Column.field("NAME", "name", 6),
              RecordPrinter.Column.field("TEXT", "text", 20)));
      for (int c = 1; c < cuts.length; c++) {
        many.print(many.prepare(asRecords(records.subList(cuts[c - 1], cuts[c]))));
      }
      many.finish();
      assertThat(batched.toString()).as(format.name()).isEqualTo(one.toString());
    }
  }

  @Test
  void jsonLinesAreWhatJacksonWritesForEachRecordAlone() throws IOException {
    List<ObjectNode> nodes = new ArrayList<>();
    nodes.add(node("naïve ✓ 𝄞", "line\nbreak \"quoted\" \u0000\u001f\u2028 \uD800 tab\t"));
    for (int i = 0; i < 3000; i++) {
      nodes.add(node("row-" + i, "text " + i)); // past one write's worth of bytes
    }
    RecordPrinter p = printer(OutputFormat.JSONL);
    asRecords(nodes).forEach(p::print);
    p.finish();

    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (ObjectNode n : nodes) {
      expected.write(RecordPrinter.JSON.writeValueAsBytes(n));
      expected.write('\n');
    }
    assertThat(out.bytes.toByteArray()).isEqualTo(expected.toByteArray());
  }

  @Test
  void recordsPrintedOneByOneAndInBatchesKeepTheirOrder() {
    RecordPrinter p = printer(OutputFormat.JSONL);
    p.print(record("one", "a"));
    p.print(p.prepare(List.of(record("two", "b"), record("three", "c"))));
    p.print(record("four", "d"));
    p.print(p.prepare(List.of(record("five", "e"))));
    p.finish();

    assertThat(out.toString().lines().map(l -> l.substring(9, l.indexOf('"', 9))))
        .containsExactly("one", "two", "three", "four", "five");
  }

  @Test
  void aRecordThatFailsHalfWrittenLeavesNothingOfItself() {
    RecordPrinter p = printer(OutputFormat.JSONL);
    p.print(record("before", "a"));
    assertThatThrownBy(
            () ->
                p.print(
                    g -> {
                      g.writeStringField("name", "half");
                      throw new IllegalStateException("broken record");
                    }))
        .hasMessage("broken record");
    p.print(record("after", "b"));
    p.finish();

    assertThat(out.toString().lines().toList())
        .hasSize(2)
        .allSatisfy(l -> assertThat(RecordPrinter.JSON.readTree(l).isObject()).isTrue())
        .noneMatch(l -> l.contains("half"));
  }

  @Test
  void preparedBatchesStopWhenTheOutputIsClosed() {
    OutputStream closedPipe = closedPipe();
    RecordPrinter p =
        new RecordPrinter(
            OutputFormat.JSONL,
            new PrintWriter(closedPipe, true),
            new Output(closedPipe, Output.STDOUT),
            List.of());
    List<RecordPrinter.Record> batch = asRecords(java.util.Collections.nCopies(64, node("x", "y")));

    assertThatThrownBy(
            () -> {
              for (int i = 0; i < 200; i++) {
                p.print(p.prepare(batch));
              }
            })
        .isInstanceOf(OutputFailedException.class);
  }

  @Test
  void tableAlignsColumnsAndAbbreviatesToTheWidthLimit() {
    RecordPrinter p = printer(OutputFormat.TABLE);
    p.print(record("a", "first"));
    p.print(record("much-too-long", "second"));
    p.finish();

    assertThat(out.toString().lines().toList())
        .containsExactly("NAME    TEXT", "a       first", "much-…  second");
  }

  @Test
  void aKeepEndColumnLosesItsStartInstead() {
    RecordPrinter.Column location =
        new RecordPrinter.Column("LOCATION", r -> r.get("name").asText(), 12, true);

    assertThat(location.fit("/tmp/some/dir/file.txt:7")).isEqualTo("…/file.txt:7");
    assertThat(location.fit("file.txt:7")).isEqualTo("file.txt:7");
  }

  @Test
  void anEmptyTablePrintsNothing() {
    printer(OutputFormat.TABLE).finish();

    assertThat(out.toString()).isEmpty();
  }

  @Test
  void tableStreamsInChunksWithoutLosingAlignmentOrRows() {
    RecordPrinter p = printer(OutputFormat.TABLE);
    for (int i = 0; i < 2500; i++) {
      p.print(record(String.valueOf(i), "row " + i));
    }
    // Once a chunk of 1000 rows is full it is printed, before the input ends.
    assertThat(out.toString().lines().count()).isEqualTo(2001);
    p.finish();

    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(2501);
    assertThat(lines).allSatisfy(l -> assertThat(l.substring(4, 6)).isEqualTo("  "));
    assertThat(lines.get(0)).isEqualTo("NAME  TEXT");
    assertThat(lines.get(2500)).isEqualTo("2499  row 2499");
  }

  @Test
  void rowsAfterTheFirstChunkAreCutToItsWidthsSoThatTheyStayAligned() {
    RecordPrinter p = printer(OutputFormat.TABLE);
    for (int i = 0; i < 1000; i++) {
      p.print(record("a", "row " + i));
    }
    p.print(record("longer", "row 1000"));
    p.finish();

    List<String> lines = out.toString().lines().toList();
    assertThat(lines.get(0)).isEqualTo("NAME  TEXT");
    assertThat(lines.get(1001)).isEqualTo("lon…  row 1000");
    assertThat(lines).allSatisfy(l -> assertThat(l.substring(4, 6)).isEqualTo("  "));
  }

  @Test
  void stopsWhenTheOutputIsClosed() {
    OutputStream closedPipe = closedPipe();
    RecordPrinter p =
        new RecordPrinter(
            OutputFormat.JSONL,
            new PrintWriter(closedPipe, true),
            new Output(closedPipe, Output.STDOUT),
            List.of());

    assertThatThrownBy(
            () -> {
              for (int i = 0; i < 10_000; i++) {
                p.print(record("x", "y"));
              }
            })
        .isInstanceOf(OutputFailedException.class);
  }

  /** An output whose reader has gone: every write fails as a closed pipe does. */
  private static OutputStream closedPipe() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("Broken pipe");
      }
    };
  }

  @Test
  void lineBufferedDeliversEachRecordAsSoonAsItIsPrintedInEveryFormat() {
    List<RecordPrinter.Column> columns =
        List.of(RecordPrinter.Column.field("NAME", "name", 8), RecordPrinter.Column.field("TEXT", "text", 20));
    for (OutputFormat format : OutputFormat.values()) {
      Sink buffered = new Sink();
      RecordPrinter usual = buffered.printer(format, columns);
      usual.print(of(node("a", "first")));
      assertThat(buffered.delivered()).as("%s, buffered", format).isEmpty();

      Sink live = new Sink();
      RecordPrinter printer = live.flushingPrinter(format, columns);
      printer.print(of(node("a", "first")));
      String first = live.delivered();
      assertThat(first).as("%s", format).contains("first").endsWith("\n");
      printer.print(of(node("b", "second")));
      assertThat(live.delivered()).as("%s", format).startsWith(first).contains("second");
      printer.finish();
      usual.print(of(node("b", "second")));
      usual.finish();
      if (format != OutputFormat.TABLE) {
        assertThat(live.delivered()).as("%s: the same output", format).isEqualTo(buffered.toString());
      }
    }
  }

  @Test
  void aLineBufferedTablePrintsItsColumnsAtTheirFullWidths() {
    Sink live = new Sink();
    RecordPrinter printer =
        live.flushingPrinter(
            OutputFormat.TABLE,
            List.of(RecordPrinter.Column.field("NAME", "name", 8), RecordPrinter.Column.field("TEXT", "text", 20)));
    printer.print(of(node("a", "x")));
    printer.print(of(node("longer", "y")));
    assertThat(live.delivered().split("\n"))
        .containsExactly("NAME      TEXT", "a         x", "longer    y");
  }
}
