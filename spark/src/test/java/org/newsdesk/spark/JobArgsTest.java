package org.newsdesk.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsdesk.testing.Readme;

class JobArgsTest {

  @Test
  void defaultsNeedOnlyInputAndOutput() throws Exception {
    JobArgs a = JobArgs.parse("in.txt", "out");
    assertThat(a).isEqualTo(
        new JobArgs("", "parquet", null, null, null, 3, 0.0, List.of("in.txt"), "out"));
  }

  @Test
  void readsEveryOptionInBothSpellings() throws Exception {
    JobArgs a =
        JobArgs.parse(
            "--model", "hdfs:///m.bin", "--format=JSON", "--mode", "failfast", "--charset",
            "ISO-8859-1", "--date-pattern", "dd.MM.yyyy", "--top=5", "--min-score", "0.4",
            "a.txt", "dir/", "--", "--odd-name", "out");
    assertThat(a.model()).isEqualTo("hdfs:///m.bin");
    assertThat(a.format()).isEqualTo("json");
    assertThat(a.mode()).isEqualTo("FAILFAST");
    assertThat(a.charset()).isEqualTo("ISO-8859-1");
    assertThat(a.datePattern()).isEqualTo("dd.MM.yyyy");
    assertThat(a.topK()).isEqualTo(5);
    assertThat(a.minScore()).isEqualTo(0.4);
    assertThat(a.inputs()).containsExactly("a.txt", "dir/", "--odd-name");
    assertThat(a.output()).isEqualTo("out");
  }

  @Test
  void rejectsWhatCannotRunWithAMessage() {
    assertUsage("missing input and output paths");
    assertUsage("missing the output directory after the input path in", "in");
    assertUsage("--format must be parquet or json, was csv", "--format", "csv", "in", "out");
    assertUsage("--mode must be PERMISSIVE, DROPMALFORMED or FAILFAST, was lax", "--mode", "lax",
        "in", "out");
    assertUsage("--charset NOPE-8 is not a charset", "--charset", "NOPE-8", "in", "out");
    assertUsage("--top must be at least 1, was 0", "--top", "0", "in", "out");
    assertUsage("--top must be a whole number, was x", "--top", "x", "in", "out");
    assertUsage("--min-score must be between 0 and 1, was 2", "--min-score", "2", "in", "out");
    assertUsage("--min-score must be between 0 and 1, was NaN", "--min-score", "NaN", "in",
        "out");
    assertUsage("unknown option --threads", "--threads", "2", "in", "out");
    assertUsage("option --model needs a value", "in", "out", "--model");
    assertUsage("--model needs a non-empty value", "--model=", "in", "out");
    // checked as the source checks it (ReadOptions builds the core NewsFormat), before Spark starts
    assertUsage("--date-pattern: invalid date pattern 'MM/dd/{': ", "--date-pattern", "MM/dd/{",
        "in", "out");
    assertUsage("--date-pattern: invalid date pattern ' ': it is empty", "--date-pattern", " ",
        "in", "out");
  }

  @Test
  void helpIsNotAnError() {
    assertThatThrownBy(() -> JobArgs.parse("in", "--help")).isInstanceOf(
        JobArgs.HelpRequested.class);
    assertThat(JobArgs.HELP).startsWith(JobArgs.USAGE).contains("Exit codes");
  }

  @Test
  void readmeShowsTheUsage() {
    String command = Readme.blocks("bash").stream()
        .filter(b -> b.contains("org.newsdesk.spark.ClassifyJob")).findFirst().orElseThrow()
        .replace("\\\n", " ").replaceAll("\\s+", " ").strip()
        .replaceAll("newsdesk-spark_2\\.13-[^ ]+-all\\.jar", "newsdesk-spark_2.13-VERSION-all.jar");
    assertThat("Usage: " + command).isEqualTo(JobArgs.USAGE);
  }

  private static void assertUsage(String message, String... args) {
    assertThatThrownBy(() -> JobArgs.parse(args))
        .isInstanceOf(JobArgs.UsageException.class)
        .hasMessageContaining(message);
  }
}
