package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.classifier.TopicClassifier;
import org.newsdesk.testing.Fixtures;

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

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines())
        .containsExactly(
            model + ": directory does not exist: " + model.getParent(),
            "0 articles, 0 diagnostics");
  }

  @Test
  void aDirectoryIsNotAnOutputFile(@TempDir Path dir) {
    Cli.Result r = Cli.run("evaluate", "--html", dir.toString(), Cli.LABELED.toString());

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.errLines().get(0))
        .isEqualTo("Invalid value for option '--html': " + dir + ": is a directory");
    assertThat(r.out()).isEmpty();
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void aNamedPipeIsRefusedNotReplaced(@TempDir Path dir) throws Exception {
    Path fifo = NamedPipe.make(dir.resolve("pipe"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), fifo.getFileName());

    for (Path target : new Path[] {fifo, link}) {
      Cli.Result train =
          Cli.run("train", "--cv", "2", "--out", target.toString(), Cli.LABELED.toString());
      Cli.Result evaluate = Cli.run("evaluate", "--html", target.toString(), Cli.LABELED.toString());

      for (var r : List.of(Map.entry("--out", train), Map.entry("--html", evaluate))) {
        Cli.Result result = r.getValue();
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.errLines().get(0))
            .as(result.toString())
            .startsWith("Invalid value for option '" + r.getKey() + "': " + target
                + ": not a regular file (a device, a named pipe or a socket)");
        assertThat(result.out()).as("refused before any input is read").isEmpty();
      }
    }
    assertThat(Files.isRegularFile(fifo)).isFalse();
    assertThat(Files.exists(fifo)).isTrue();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(files(dir)).isEqualTo(2);
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void aDirectoryThatRefusesNewFilesIsSaidBeforeTraining(@TempDir Path dir) throws IOException {
    Path locked = Files.createDirectory(dir.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      // root may still create files in a read-only directory; /sys refuses even root
      Path parent = Fixtures.canCreateIn(locked) ? Path.of("/sys") : locked;
      Path model = parent.resolve("newsdesk-test.bin");
      assertThat(Fixtures.canCreateIn(parent)).as(parent + " refuses").isFalse();

      Cli.Result r =
          Cli.run("train", "--cv", "2", "--out", model.toString(), Cli.LABELED.toString());

      assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
      assertThat(r.out()).as("no cross-validation was run").isEmpty();
      assertThat(r.errLines()).as(r.toString()).hasSize(2);
      assertThat(r.errLines().get(0))
          .startsWith(model + ": cannot create a ")
          .contains(" in " + model.getParent());
      assertThat(r.summary()).isEqualTo("0 articles, 0 diagnostics");
      assertThat(Files.exists(model)).isFalse();
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    assertThat(files(locked)).as("the probe's temporary file is gone").isZero();
  }

}
