package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --line-buffered}: with live input (a producer that writes a record and then waits), each
 * record's output arrives while the producer is still waiting, in a real process whose standard
 * output is a pipe. Without the option, output waits for a full buffer or the end of input.
 */
class LineBufferedTest {
  @TempDir Path dir;

  /** Generous: a new JVM and the built-in model; only a hang would take this long. */
  private static final Duration WAIT = Duration.ofSeconds(60);

  /** The CLI as a process reading a pipe; stderr goes to a file. */
  private Process start(String... args) throws Exception {
    List<String> command = new ArrayList<>(CliProcess.javaArgs());
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectError(dir.resolve("process.err").toFile())
        .start();
  }

  private static void send(Process p, String text) throws Exception {
    OutputStream in = p.getOutputStream();
    in.write(text.getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  private static String nextLine(BufferedReader out) {
    return assertTimeoutPreemptively(WAIT, out::readLine);
  }

  private String finish(Process p) throws Exception {
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    return Files.readString(dir.resolve("process.err"), StandardCharsets.UTF_8);
  }

  @Test
  void classifyPrintsEachLineOfLiveInputWhileTheProducerWaits() throws Exception {
    Process p = start("classify", "--input", "jsonl", "--format", "jsonl", "--line-buffered", "-");
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      send(p, "{\"title\": \"Customs seize counterfeit goods\", \"body\": \"Officers seized fakes.\"}\n");
      JsonNode first = RecordPrinter.JSON.readTree(nextLine(out));
      assertThat(first.get("title").asText()).isEqualTo("Customs seize counterfeit goods");
      assertThat(first.get("topic").isTextual()).isTrue();
      send(p, "{\"title\": \"Port congestion eases\", \"body\": \"Container dwell times fell.\"}\n");
      assertThat(RecordPrinter.JSON.readTree(nextLine(out)).get("line").asLong()).isEqualTo(2);
      assertThat(finish(p)).contains("2 articles, 0 diagnostics");
      assertThat(out.readLine()).isNull();
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void parsePrintsADigestArticleOnceTheNextOneStarts() throws Exception {
    Process p = start("parse", "--format", "csv", "--line-buffered", "-");
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      send(p, "First\n\nFirst\n\nBody one.\n\n");
      send(p, "Second\n\n"); // the first article is complete only now
      assertThat(nextLine(out)).startsWith("source,line,title,body");
      assertThat(nextLine(out)).contains("First", "Body one.");
      send(p, "Second\n\nBody two.\n");
      assertThat(finish(p)).contains("2 articles, 0 diagnostics");
      assertThat(out.readLine()).contains("Second", "Body two.");
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void classifyRefusesSeveralThreadsWhenLineBuffered() {
    Cli.Result r = Cli.run("classify", "--line-buffered", "--threads", "2", "-");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains("Invalid value for option '--threads': --line-buffered classifies on one thread");
  }
}
