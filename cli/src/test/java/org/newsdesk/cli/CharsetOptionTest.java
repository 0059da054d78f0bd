package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --charset NAME}: how digest bytes are decoded, on every command. */
class CharsetOptionTest {
  private static final String TITLE = "Café tariffs: a résumé of déjà-vu";
  private static final String DIGEST = TITLE + "\n\n" + TITLE + "\n\nCrème brûlée body.\n";

  @Test
  void filesAreDecodedWithTheGivenCharset(@TempDir Path dir) throws IOException {
    Path latin1 = dir.resolve("latin1.txt");
    Files.write(latin1, DIGEST.getBytes(StandardCharsets.ISO_8859_1));

    Cli.Result r =
        Cli.run("parse", "--charset", "ISO-8859-1", "--format", "jsonl", latin1.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<JsonNode> articles = ParseCommandTest.jsonLines(r.out());
    assertThat(articles).hasSize(1);
    assertThat(articles.get(0).get("title").asText()).isEqualTo(TITLE);
    assertThat(articles.get(0).get("body").asText()).isEqualTo("Crème brûlée body.");
    assertThat(r.summary()).isEqualTo("1 article, 0 diagnostics");
  }

  @Test
  void standardInputIsDecodedWithTheGivenCharsetToo() throws IOException {
    Cli.Result r =
        Cli.runWithStdin(
            DIGEST.getBytes(StandardCharsets.UTF_16LE),
            "parse",
            "--charset",
            "utf-16le",
            "--format",
            "jsonl",
            "-");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(ParseCommandTest.jsonLines(r.out()))
        .extracting(a -> a.get("title").asText())
        .containsExactly(TITLE);
  }

  @Test
  void theDefaultStaysUtf8(@TempDir Path dir) throws IOException {
    Path latin1 = dir.resolve("latin1.txt");
    Files.write(latin1, DIGEST.getBytes(StandardCharsets.ISO_8859_1));
    Path utf8 = dir.resolve("utf8.txt");
    Files.write(utf8, DIGEST.getBytes(StandardCharsets.UTF_8));

    Cli.Result good = Cli.run("parse", "--format", "jsonl", utf8.toString());
    Cli.Result bad = Cli.run("parse", "--format", "jsonl", latin1.toString());

    assertThat(ParseCommandTest.jsonLines(good.out()))
        .extracting(a -> a.get("title").asText())
        .containsExactly(TITLE);
    // Latin-1 bytes are not UTF-8: reported, not silently mis-decoded.
    assertThat(bad.summary()).doesNotEndWith(" 0 diagnostics");
    assertThat(bad.out()).doesNotContain(TITLE);
  }

  @Test
  void anUnknownCharsetIsAUsageErrorNamingItOnEveryCommand(@TempDir Path dir) {
    String data = Cli.LABELED.toString();
    String[][] commands = {
      {"parse"},
      {"classify"},
      {"dedupe"},
      {"evaluate"},
      {"train", "--out", dir.resolve("m.bin").toString()}
    };
    for (String[] command : commands) {
      for (String name : new String[] {"klingon-8", "no such?charset"}) {
        String[] args = new String[command.length + 3];
        System.arraycopy(command, 0, args, 0, command.length);
        args[command.length] = "--charset";
        args[command.length + 1] = name;
        args[command.length + 2] = data;
        Cli.Result r = Cli.run(args);

        assertThat(r.exitCode()).as("%s %s: %s", command[0], name, r).isEqualTo(2);
        assertThat(r.errLines().get(0))
            .as(command[0])
            .isEqualTo("Invalid value for option '--charset': unknown charset '" + name + "'");
        assertThat(r.out()).as(command[0]).isEmpty();
      }
    }
    assertThat(Files.exists(dir.resolve("m.bin"))).isFalse();
  }
}
