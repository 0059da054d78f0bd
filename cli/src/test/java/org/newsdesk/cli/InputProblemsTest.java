package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** What keeps an input from being read is said as it is: closed stdin, link loops, dangling links. */
class InputProblemsTest {

  @Test
  @EnabledOnOs(OS.LINUX)
  void aClosedStandardInputIsSaidToBeClosed(@TempDir Path dir) throws Exception {
    Cli.Result r = CliProcess.bash(dir, "newsdesk parse - <&-");

    // Not the JVM's own module image, which the process got as descriptor 0.
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("<stdin>: standard input is closed\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void anOpenStandardInputIsRead(@TempDir Path dir) throws Exception {
    Cli.Result r =
        CliProcess.bash(dir, "printf 'T\\n\\nT\\n\\nBody.\\n' | newsdesk parse --format csv -");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("source,line,title,body,date,category\n<stdin>,1,T,Body.,,\n");
  }

  @Test
  void theJvmsOwnFilesAreRecognised() {
    Path home = Path.of("/opt/jdk");
    List<Path> jars = List.of(Path.of("/opt/app/newsdesk.jar"));

    assertThat(Descriptors.isJvmFile(Path.of("/opt/jdk/lib/modules"), home, jars)).isTrue();
    assertThat(Descriptors.isJvmFile(Path.of("/opt/app/newsdesk.jar"), home, jars)).isTrue();
    assertThat(Descriptors.isJvmFile(Path.of("/opt/app/digest.txt"), home, jars)).isFalse();
    assertThat(Descriptors.isJvmFile(Path.of("/opt/jdk-data/x.txt"), home, jars)).isFalse();
    assertThat(Descriptors.isJvmFile(Path.of("/dev/null"), home, jars)).isFalse();
  }

  @Test
  void aSelfLoopingLinkIsALinkLoop(@TempDir Path dir) throws IOException {
    Path loop = Files.createSymbolicLink(dir.resolve("loop.txt"), Path.of("loop.txt"));

    Cli.Result r = Cli.run("parse", loop.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    // the library's words (NewsReader.digestFiles), reported as they are
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.errLines().get(0)).startsWith(loop + ": symbolic link loop");
  }

  @Test
  void aLongerLoopIsALinkLoopToo(@TempDir Path dir) throws IOException {
    Path a = dir.resolve("a.txt");
    Files.createSymbolicLink(a, Path.of("b.txt"));
    Files.createSymbolicLink(dir.resolve("b.txt"), Path.of("a.txt"));

    Cli.Result r = Cli.run("classify", a.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.errLines().get(0)).startsWith(a + ": symbolic link loop");
  }

  @Test
  void aLinkToNothingSaysWhatIsMissing(@TempDir Path dir) throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("old.txt"), Path.of("gone.txt"));

    Cli.Result r = Cli.run("parse", link.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.errLines().get(0))
        .startsWith(link + ": symbolic link to ")
        .contains("gone.txt")
        .endsWith("does not exist");
  }

  @Test
  void aMissingFileIsStillNoSuchFile(@TempDir Path dir) {
    Path missing = dir.resolve("missing.txt");

    assertThat(Cli.run("parse", missing.toString()).errLines())
        .containsExactly(missing + ": no such file or directory");
  }
}
