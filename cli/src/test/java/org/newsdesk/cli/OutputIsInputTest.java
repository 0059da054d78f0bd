package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file a command writes must not be one it reads: that would destroy the input. */
class OutputIsInputTest {

  private static Path copyOfSeeds(Path dir) throws IOException {
    return Files.copy(Cli.LABELED, dir.resolve("in.txt"));
  }

  private static void assertRefused(Cli.Result r, String option, Path input, byte[] before)
      throws IOException {
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.errLines().get(0))
        .startsWith("Invalid value for option '" + option + "': ")
        .contains("is also an input");
    assertThat(Files.readAllBytes(input)).isEqualTo(before);
  }

  @Test
  void trainOutThatIsAnInputIsAUsageError(@TempDir Path dir) throws IOException {
    Path in = copyOfSeeds(dir);
    byte[] before = Files.readAllBytes(in);

    Cli.Result r = Cli.run("train", "--out", in.toString(), in.toString(), Cli.SAMPLES.toString());

    assertRefused(r, "--out", in, before);
  }

  @Test
  void theSameFileThroughAnotherPathOrLinkIsCaughtToo(@TempDir Path dir) throws IOException {
    Path in = copyOfSeeds(dir);
    byte[] before = Files.readAllBytes(in);
    Path symlink = Files.createSymbolicLink(dir.resolve("link.bin"), in);
    Path hardlink = Files.createLink(dir.resolve("hard.bin"), in);
    Path dotted = dir.resolve(".").resolve("sub/..").resolve("in.txt");
    Files.createDirectories(dir.resolve("sub"));

    for (Path out : new Path[] {symlink, hardlink, dotted}) {
      assertRefused(Cli.run("train", "--out", out.toString(), in.toString()), "--out", in, before);
    }
  }

  @Test
  void aFileReadFromADirectoryArgumentIsAnInput(@TempDir Path dir) throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path in = Files.copy(Cli.LABELED, data.resolve("seeds.txt"));
    byte[] before = Files.readAllBytes(in);

    Cli.Result r = Cli.run("train", "--out", in.toString(), data.toString());

    assertRefused(r, "--out", in, before);
  }

  @Test
  void evaluateHtmlThatIsAnInputIsAUsageError(@TempDir Path dir) throws IOException {
    Path in = copyOfSeeds(dir);
    byte[] before = Files.readAllBytes(in);

    Cli.Result r = Cli.run("evaluate", "--html", in.toString(), in.toString());

    assertRefused(r, "--html", in, before);
  }

  @Test
  void evaluateHtmlThatIsTheModelIsAUsageError(@TempDir Path dir) throws IOException {
    Path model = Files.copy(TrainedModel.file(), dir.resolve("m2.bin"));
    byte[] before = Files.readAllBytes(model);
    Path link = Files.createSymbolicLink(dir.resolve("link.bin"), model.getFileName());

    for (Path html : new Path[] {model, link}) {
      Cli.Result r =
          Cli.run(
              "evaluate", "--model", model.toString(), "--html", html.toString(),
              Cli.LABELED.toString());

      assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
      assertThat(r.errLines().get(0))
          .isEqualTo(
              "Invalid value for option '--html': " + html + " is also an input (--model "
                  + model + "); writing it would destroy that input");
      assertThat(r.out()).isEmpty();
      assertThat(Files.readAllBytes(model)).isEqualTo(before);
    }
  }

  @Test
  void anOutputBesideTheInputsIsFine(@TempDir Path dir) throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.copy(Cli.LABELED, data.resolve("seeds.txt"));
    Path model = Files.writeString(data.resolve("model.bin"), "an older model");

    Cli.Result r = Cli.run("train", "--out", model.toString(), data.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(Files.size(model)).isGreaterThan(1000);
  }
}
