package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.classifier.TopicClassifier;

/**
 * Models and reports are written whole or not at all: a failed save (here a file-size limit, as
 * {@code ulimit -f} sets it) leaves the previous file as it was and no temporary file behind.
 */
class AtomicSaveTest {
  private static final String OLD = "the previous, good file\n";

  private static long files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    }
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void aFailedModelSaveKeepsThePreviousModel(@TempDir Path dir) throws Exception {
    Path work = Files.createDirectories(dir.resolve("work"));
    Path model = Files.writeString(work.resolve("model.bin"), OLD);
    String seeds = CliProcess.quote(Cli.LABELED.toString());

    // 8 KiB: the JVM starts, the model (about 56 KB) does not fit
    Cli.Result r = CliProcess.bash(dir, "ulimit -f 8; newsdesk train --out work/model.bin " + seeds);

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.errLines()).as(r.toString()).contains("work/model.bin: File too large");
    assertThat(Files.readString(model)).isEqualTo(OLD);
    assertThat(files(work)).as("no temporary file left").isEqualTo(1);
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void aFailedReportSaveKeepsThePreviousReport(@TempDir Path dir) throws Exception {
    Path work = Files.createDirectories(dir.resolve("work"));
    Path report = Files.writeString(work.resolve("report.html"), OLD);
    String seeds = CliProcess.quote(Cli.LABELED.toString());

    Cli.Result r =
        CliProcess.bash(dir, "ulimit -f 8; newsdesk evaluate --html work/report.html " + seeds);

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.errLines()).as(r.toString()).contains("work/report.html: File too large");
    assertThat(Files.readString(report)).isEqualTo(OLD);
    assertThat(files(work)).isEqualTo(1);
  }

  @Test
  void aSuccessfulSaveReplacesTheFileAndLeavesNothingElse(@TempDir Path dir) throws IOException {
    Path model = Files.writeString(dir.resolve("model.bin"), OLD);

    Cli.Result r = Cli.run("train", "--out", model.toString(), Cli.LABELED.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(TopicClassifier.load(model).labels()).hasSize(8);
    assertThat(files(dir)).isEqualTo(1);
  }

  @Test
  void aSaveThroughASymbolicLinkReplacesTheTargetAndKeepsTheLink(@TempDir Path dir)
      throws IOException {
    Path real = Files.writeString(dir.resolve("real.bin"), OLD);
    Path link = Files.createSymbolicLink(dir.resolve("link.bin"), real.getFileName());

    Cli.Result r = Cli.run("train", "--out", link.toString(), Cli.LABELED.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(TopicClassifier.load(real).labels()).hasSize(8);
  }

  @Test
  void anOutputThatCannotBeWrittenIsSaidBeforeAnyWork(@TempDir Path dir) {
    Path model = dir.resolve("no/such/dir/model.bin");

    Cli.Result r = Cli.run("train", "--out", model.toString(), Cli.LABELED.toString());
    Cli.Result r2 = Cli.run("evaluate", "--html", dir.toString(), Cli.LABELED.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines())
        .containsExactly(
            model + ": directory does not exist: " + model.getParent(),
            "0 articles, 0 diagnostics");
    assertThat(r2.exitCode()).isEqualTo(1);
    assertThat(r2.errLines()).containsExactly(dir + ": is a directory", "0 articles, 0 diagnostics");
  }
}
