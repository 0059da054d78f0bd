package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A write error on standard output is an error naming it, exit code 1; a reader that stops
 * reading ({@code | head}) ends the run quietly.
 */
class OutputErrorsTest {

  /** Standard output on a full disk: every write fails as the system reports it. */
  private static OutputStream failing(String reason) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException(reason);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        throw new IOException(reason);
      }
    };
  }

  private static String[] args(String command, Path dir) {
    String labeled = Cli.LABELED.toString();
    String model = TrainedModel.file().toString();
    return switch (command) {
      case "parse" -> new String[] {"parse", "--format", "jsonl", Cli.SAMPLES.toString()};
      case "classify" -> new String[] {"classify", "--model", model, Cli.SAMPLES.toString()};
      case "classify-jsonl" ->
          new String[] {"classify", "--format", "jsonl", "--model", model, Cli.SAMPLES.toString()};
      case "dedupe" -> new String[] {"dedupe", Cli.SAMPLES.toString()};
      case "dedupe-jsonl" -> new String[] {"dedupe", "--format", "jsonl", Cli.SAMPLES.toString()};
      case "evaluate" -> new String[] {"evaluate", "--model", model, labeled};
      case "train" ->
          new String[] {
            "train", "--out", dir.resolve("m.bin").toString(), "--cv", "2", "--iterations", "5",
            labeled
          };
      default -> throw new IllegalArgumentException(command);
    };
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "parse", "classify", "classify-jsonl", "dedupe", "dedupe-jsonl", "evaluate", "train"
      })
  void aFullDiskIsAnErrorNamingStandardOutput(String command, @TempDir Path dir) {
    Cli.Result r = Cli.runWithStdout(failing("No space left on device"), args(command, dir));

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.errLines()).as(r.toString()).contains("<stdout>: No space left on device");
    // Reported once, and the run still ends with its summary; no result is claimed (dedupe's
    // count of groups would count groups that never reached the output).
    assertThat(r.err()).containsOnlyOnce("<stdout>").doesNotContain("duplicate group");
    assertThat(r.summary()).matches("\\d+ articles?, 0 diagnostics");
  }

  @Test
  void helpOnAFullDiskIsAnErrorToo() {
    Cli.Result r = Cli.runWithStdout(failing("No space left on device"), "parse", "--help");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).containsExactly("<stdout>: No space left on device");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"parse", "classify", "classify-jsonl", "dedupe", "dedupe-jsonl", "evaluate"})
  void aReaderThatStopsReadingEndsTheRunQuietly(String command, @TempDir Path dir) {
    Cli.Result r = Cli.runWithStdout(failing("Broken pipe"), args(command, dir));

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err())
        .as(r.toString())
        .doesNotContain("<stdout>", "Broken pipe", "duplicate group");
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void devFullIsReportedByTheRealProcess(@TempDir Path dir) throws Exception {
    String samples = CliProcess.quote(Cli.SAMPLES.toString());
    Cli.Result r = CliProcess.bash(dir, "newsdesk parse --format jsonl " + samples + " >/dev/full");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    // JSON Lines stop at the first failed write: the summary counts the articles read until then
    assertThat(r.err())
        .as(r.toString())
        .startsWith("<stdout>: No space left on device\n")
        .containsPattern("\\n\\d+ articles, 0 diagnostics\n$");
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void aClosedStandardOutputIsReported(@TempDir Path dir) throws Exception {
    String samples = CliProcess.quote(Cli.SAMPLES.toString());
    Cli.Result r = CliProcess.bash(dir, "newsdesk parse " + samples + " >&-");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err())
        .as(r.toString())
        .startsWith("<stdout>: standard output is closed\n")
        .endsWith("49 articles, 0 diagnostics\n");
  }

  /** {@code newsdesk parse big | head -1}: the reader leaves while output is still coming. */
  @Test
  void aPipeWhoseReaderLeavesEndsQuietly(@TempDir Path dir) throws Exception {
    StringBuilder digest = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      digest.append("Title ").append(i).append("\n\nTitle ").append(i).append("\n\nBody.\n\n");
    }
    Path big = Files.writeString(dir.resolve("big.txt"), digest, StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>(CliProcess.javaArgs());
    command.addAll(List.of("parse", "--format", "jsonl", big.toString()));
    Process p = new ProcessBuilder(command).redirectError(dir.resolve("err").toFile()).start();
    byte[] first = p.getInputStream().readNBytes(100);
    p.getInputStream().close();

    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(first).hasSize(100);
    assertThat(p.exitValue()).isEqualTo(1);
    assertThat(Files.readString(dir.resolve("err"))).isEmpty();
  }
}
