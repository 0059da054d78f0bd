package org.newsdesk.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.testing.Fixtures;

class AtomicFilesTest {

  static final String OLD = "the previous, good content\n";

  @TempDir Path dir;

  @Test
  void createsAndReplacesFilesLeavingNoTemporaryFile() throws IOException {
    Path target = dir.resolve("out.txt");
    AtomicFiles.write(target, out -> out.write("first".getBytes(UTF_8)));
    assertThat(Files.readString(target)).isEqualTo("first");
    AtomicFiles.write(target, out -> out.write("second, longer".getBytes(UTF_8)));
    assertThat(Files.readString(target)).isEqualTo("second, longer");
    assertThat(names(dir)).containsExactly("out.txt");
  }

  @Test
  void theTargetIsUntouchedUntilTheContentIsComplete() throws IOException {
    Path target = old("model.bin");
    AtomicFiles.write(target, out -> {
      out.write(new byte[300_000]);
      out.flush();
      assertThat(Files.readString(target)).isEqualTo(OLD);
      assertThat(names(dir)).hasSize(2).anyMatch(n -> n.startsWith(".model.bin.")
          && n.endsWith(".tmp"));
    });
    assertThat(Files.size(target)).isEqualTo(300_000);
    assertThat(names(dir)).containsExactly("model.bin");
  }

  @Test
  void aBodyThatFailsMidwayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path target = old("model.bin");
    IOException full = new IOException("No space left on device");
    assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
      out.write(new byte[200_000]); // past the buffer: bytes reach the temporary file
      throw full;
    })).isSameAs(full);
    assertUnchanged(target);

    assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
      out.write(new byte[100]);
      throw new IllegalStateException("the model is half trained");
    })).isInstanceOf(IllegalStateException.class);
    assertUnchanged(target);

    assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
      throw new OutOfMemoryError("simulated");
    })).isInstanceOf(OutOfMemoryError.class);
    assertUnchanged(target);
  }

  @Test
  void aStreamThatFailsLikeAFullDiskLeavesTheOldFile() throws IOException {
    // The content goes through a stream of its own that fails after 64 KiB, as a full disk
    // fails a FileOutputStream; the failure propagates and nothing is replaced.
    Path target = old("report.html");
    assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
      OutputStream disk = new FailingStream(out, 64 * 1024);
      for (int i = 0; i < 1000; i++) {
        disk.write(new byte[1024]);
      }
    })).isInstanceOf(IOException.class).hasMessage("No space left on device");
    assertUnchanged(target);
  }

  @Test
  void aContentThatClosesItsStreamIsStillWritten() throws IOException {
    Path target = dir.resolve("closed.txt");
    AtomicFiles.write(target, out -> {
      try (out) {
        out.write('x');
      }
    });
    assertThat(Files.readString(target)).isEqualTo("x");
    assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
      out.close();
      out.write('y');
    })).isInstanceOf(IOException.class).hasMessageContaining("closed.txt: stream closed");
    assertThat(Files.readString(target)).isEqualTo("x");
    assertThat(names(dir)).containsExactly("closed.txt");
  }

  @Test
  void problemsWithTheTargetFailBeforeTheContentIsProducedAndNameTheTarget()
      throws IOException {
    AtomicFiles.Content never = out -> {
      throw new AssertionError("content must not be produced");
    };
    Path missingDir = dir.resolve("no/such/dir/out.txt");
    assertThatThrownBy(() -> AtomicFiles.write(missingDir, never))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(missingDir.toString()).hasMessageContaining("does not exist");

    Path plainFile = old("plain.txt");
    Path underFile = plainFile.resolve("out.txt");
    assertThatThrownBy(() -> AtomicFiles.write(underFile, never))
        .isInstanceOf(FileSystemException.class)
        .hasMessageContaining(underFile.toString()).hasMessageContaining("not a directory");

    Path aDir = Files.createDirectory(dir.resolve("sub"));
    assertThatThrownBy(() -> AtomicFiles.write(aDir, never))
        .isInstanceOf(FileSystemException.class).hasMessageContaining("is a directory");
    assertThat(Files.isDirectory(aDir)).isTrue();
    assertUnchanged(plainFile);
    assertThat(names(dir)).containsExactly("plain.txt", "sub");
  }

  @Test
  void aDirectoryThatCannotBeWrittenFailsNamingTheTarget() throws IOException {
    Path locked = Files.createDirectory(dir.resolve("locked"));
    Path target = locked.resolve("model.bin");
    Files.writeString(target, OLD);
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      Path unwritable = Fixtures.canCreateIn(locked) ? Path.of("/sys/model.bin") : target;
      // root may write into a read-only directory; /sys refuses even root
      assertThat(Fixtures.canCreateIn(unwritable.getParent())).as(unwritable.getParent()
          + " must refuse new files").isFalse();
      assertThatThrownBy(() -> AtomicFiles.write(unwritable, out -> out.write(1)))
          .isInstanceOf(FileSystemException.class)
          .hasMessageStartingWith(unwritable.toString())
          .hasMessageContaining("cannot create a file in " + unwritable.getParent());
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    assertUnchanged(target);
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void aNamedPipeIsRefusedNotReplaced() throws Exception {
    Path fifo = mkfifo(dir.resolve("pipe"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), fifo.getFileName());
    for (Path target : List.of(fifo, link)) {
      assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
        throw new AssertionError("content must not be produced");
      }))
          .isInstanceOf(FileSystemException.class)
          .hasMessageStartingWith(target + ": not a regular file");
      assertThatThrownBy(() -> AtomicFiles.checkWritable(target))
          .isInstanceOf(FileSystemException.class)
          .hasMessageStartingWith(target + ": not a regular file");
    }
    assertThat(Files.isRegularFile(fifo)).isFalse();
    assertThat(Files.exists(fifo)).isTrue();
    assertThat(names(dir)).containsExactly("link", "pipe");
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void aDeviceIsRefusedNotReplaced() {
    Path devNull = Path.of("/dev/null");
    assertThatThrownBy(() -> AtomicFiles.checkWritable(devNull))
        .hasMessageStartingWith("/dev/null: not a regular file");
    assertThat(Files.isRegularFile(devNull)).isFalse();
  }

  @Test
  void checkWritableCreatesNothingAndSaysWhatWriteWouldSay() throws IOException {
    Path fresh = dir.resolve("new.bin");
    AtomicFiles.checkWritable(fresh);
    Path existing = old("model.bin");
    AtomicFiles.checkWritable(existing);
    assertUnchanged(existing);
    assertThat(names(dir)).containsExactly("model.bin");

    assertThatThrownBy(() -> AtomicFiles.checkWritable(dir.resolve("no/such/out.bin")))
        .isInstanceOf(NoSuchFileException.class).hasMessageContaining("does not exist");
    assertThatThrownBy(() -> AtomicFiles.checkWritable(dir))
        .isInstanceOf(FileSystemException.class).hasMessageContaining("is a directory");
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void checkWritableFindsADirectoryThatRefusesNewFiles() {
    // /sys refuses new files even to root (the tests may run as root, who ignores permissions)
    Path unwritable = Path.of("/sys/model.bin");
    assertThatThrownBy(() -> AtomicFiles.checkWritable(unwritable))
        .isInstanceOf(FileSystemException.class)
        .hasMessageStartingWith(unwritable + ": cannot create a ")
        .hasMessageContaining(" in /sys");
  }

  /** Makes a named pipe with mkfifo(1). */
  static Path mkfifo(Path path) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    assertThat(p.waitFor()).as("mkfifo " + path).isZero();
    return path;
  }

  @Test
  void aSymbolicLinkIsKeptAndTheFileItPointsToReplaced() throws IOException {
    Path real = old("real.txt");
    Path link = Files.createSymbolicLink(dir.resolve("link.txt"), real.getFileName());
    AtomicFiles.write(link, out -> out.write("new".getBytes(UTF_8)));
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).isEqualTo("new");
    assertThat(names(dir)).containsExactly("link.txt", "real.txt");
  }

  @Test
  void aLinkToAFileThatDoesNotExistYetIsKeptAndTheFileCreated() throws IOException {
    Files.createDirectories(dir.resolve("data"));
    Path link = Files.createSymbolicLink(dir.resolve("link.txt"), Path.of("data/new.txt"));
    Path chain = Files.createSymbolicLink(dir.resolve("chain.txt"), link.getFileName());
    AtomicFiles.write(chain, out -> out.write("new".getBytes(UTF_8)));
    assertThat(Files.isSymbolicLink(chain)).isTrue();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(dir.resolve("data/new.txt"))).isEqualTo("new");
    assertThat(names(dir.resolve("data"))).containsExactly("new.txt");

    Path nowhere = Files.createSymbolicLink(dir.resolve("nowhere.txt"), Path.of("gone/x.txt"));
    assertThatThrownBy(() -> AtomicFiles.write(nowhere, out -> out.write('x')))
        .isInstanceOf(NoSuchFileException.class).hasMessageStartingWith(nowhere.toString());
    Path loop = Files.createSymbolicLink(dir.resolve("loop.txt"), Path.of("loop.txt"));
    assertThatThrownBy(() -> AtomicFiles.write(loop, out -> out.write('x')))
        .isInstanceOf(FileSystemException.class).hasMessageContaining("symbolic link loop");
    assertThat(Files.isSymbolicLink(nowhere)).isTrue();
    assertThat(Files.isSymbolicLink(loop)).isTrue();
  }

  @Test
  void aLongNonAsciiNameTheFileSystemTakesIsWritten() throws IOException {
    // 80 three-byte characters: 244 bytes with the suffix, within the usual 255
    Path target = dir.resolve("\u6d77".repeat(80) + ".txt");
    AtomicFiles.write(target, out -> out.write("sea".getBytes(UTF_8)));
    assertThat(Files.readString(target)).isEqualTo("sea");
    assertThat(names(dir)).containsExactly(target.getFileName().toString());
  }

  @Test
  void theNamePartIsCutAtWholeCharacters() {
    assertThat(AtomicFiles.truncateUtf8("abc", 3)).isEqualTo("abc");
    assertThat(AtomicFiles.truncateUtf8("\u6d77\u6d77", 5)).isEqualTo("\u6d77");
    assertThat(AtomicFiles.truncateUtf8("a\uD83D\uDE80", 4)).isEqualTo("a");
    assertThat(AtomicFiles.truncateUtf8("a\uD83D\uDE80", 5)).isEqualTo("a\uD83D\uDE80");
    assertThat(AtomicFiles.truncateUtf8("\u00e9".repeat(200), 200)).hasSize(100);
  }

  @Test
  void theReplacedFileKeepsItsPermissions() throws IOException {
    Path target = old("script.sh");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-x---"));
    AtomicFiles.write(target, out -> out.write('#'));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rwxr-x---");
  }

  @Test
  void aFileSizeLimitLeavesTheOldFileAndNamesTheTarget() throws Exception {
    // A real I/O failure: a child JVM under `ulimit -f` (the JVM ignores SIGXFSZ, so the write
    // fails with EFBIG, "File too large"), as `train --out model.bin` met it.
    Path target = old("model.bin");
    ChildProcess.Result result = ChildProcess.underFileSizeLimit(64,
        AtomicWriteChild.class, "atomic", target.toString(), "1048576");
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
    assertThat(result.stderr()).contains(target + ": File too large");
    assertUnchanged(target);
  }

  private Path old(String name) throws IOException {
    return Files.writeString(dir.resolve(name), OLD);
  }

  private void assertUnchanged(Path target) throws IOException {
    assertThat(Files.readString(target)).isEqualTo(OLD);
    assertThat(names(target.getParent()))
        .as("no temporary file remains").noneMatch(n -> n.endsWith(".tmp"));
  }

  static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }


  /** Passes bytes on until a budget is spent, then fails as a full disk does. */
  static final class FailingStream extends OutputStream {
    private final OutputStream out;
    private long budget;

    FailingStream(OutputStream out, long budget) {
      this.out = out;
      this.budget = budget;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len > budget) {
        out.write(b, off, (int) budget);
        budget = 0;
        throw new IOException("No space left on device");
      }
      out.write(b, off, len);
      budget -= len;
    }
  }
}
