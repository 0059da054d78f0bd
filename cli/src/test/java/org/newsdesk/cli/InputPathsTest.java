package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How PATH arguments are checked: standard input named twice, directories without digests. */
class InputPathsTest {
  private static final String DIGEST = "A title\n\nA title\n\nA body.\n";

  @Test
  void standardInputNamedTwiceIsAUsageError() {
    Cli.Result r = Cli.runWithStdin(DIGEST, "parse", "-", "-");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.errLines().get(0))
        .isEqualTo("Standard input (-) can be read only once, but was named 2 times");
    assertThat(r.err()).doesNotContain("Stream closed");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void standardInputNamedTwiceAmongFilesIsAUsageErrorOnEveryCommand() {
    String file = Cli.SAMPLES.resolve("003_95692ade1897c29a.txt").toString();
    for (String command : new String[] {"parse", "classify", "dedupe", "evaluate"}) {
      Cli.Result r = Cli.runWithStdin(DIGEST, command, "-", file, "-");

      assertThat(r.exitCode()).as("%s: %s", command, r).isEqualTo(2);
      assertThat(r.err()).as(command).contains("Standard input (-) can be read only once");
      assertThat(r.out()).as(command).isEmpty();
    }
  }

  @Test
  void standardInputNamedOnceStillWorks() {
    Cli.Result r = Cli.runWithStdin(DIGEST, "parse", "-");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.summary()).isEqualTo("1 article, 0 diagnostics");
  }

  @Test
  void aDirectoryWithoutDigestFilesIsWarnedAbout(@TempDir Path dir) throws IOException {
    Path empty = Files.createDirectories(dir.resolve("no-digests"));
    Files.writeString(empty.resolve("README.md"), DIGEST); // not *.txt: not a digest
    Files.createDirectories(empty.resolve("sub"));
    Files.createDirectories(empty.resolve(".hidden"));
    Files.writeString(empty.resolve(".hidden/skipped.txt"), DIGEST); // hidden: not read

    Cli.Result r = Cli.run("parse", empty.toString());

    // A warning, not an error: like a lenient diagnostic it does not change the exit code.
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.errLines())
        .containsExactly(
            empty + ": warning: directory has no *.txt digest files", "0 articles, 0 diagnostics");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void theWarningNamesOnlyTheEmptyDirectoryAndReadingGoesOn(@TempDir Path dir)
      throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Path full = Files.createDirectories(dir.resolve("full"));
    Files.writeString(full.resolve("one.TXT"), DIGEST);

    Cli.Result r = Cli.run("parse", "--format", "jsonl", full.toString(), empty.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.errLines())
        .containsExactly(
            empty + ": warning: directory has no *.txt digest files", "1 article, 0 diagnostics");
    assertThat(r.outLines()).hasSize(1);
  }

  @Test
  void directoriesWithDigestsAreNotWarnedAbout() {
    Cli.Result r = Cli.run("parse", Cli.SAMPLES.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.errLines()).containsExactly("49 articles, 0 diagnostics");
  }

  @Test
  void aSymbolicLinkToADigestCountsAsADigest(@TempDir Path dir) throws IOException {
    Path target = Files.writeString(dir.resolve("real.txt"), DIGEST);
    Path linked = Files.createDirectories(dir.resolve("linked"));
    Files.createSymbolicLink(linked.resolve("link.txt"), target);

    Cli.Result r = Cli.run("parse", linked.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.errLines()).containsExactly("1 article, 0 diagnostics");
  }
}
