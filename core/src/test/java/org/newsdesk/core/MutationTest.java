package org.newsdesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsdesk.testing.AdversarialDigests;
import org.newsdesk.testing.Fixtures;

/**
 * Thousands of randomly damaged seed files (fixed seed): strict mode throws nothing but
 * {@link NewsParseException}, lenient mode never throws, every non-blank line is accounted for,
 * and the two modes agree.
 */
class MutationTest {

  /** Fixed, so runs are reproducible; -Dnewsdesk.mutationSeed / -Dnewsdesk.mutants explore more. */
  private static final long SEED = Long.getLong("newsdesk.mutationSeed", 0x5EED_2026L);
  private static final int MUTANTS = Integer.getInteger("newsdesk.mutants", 6000);
  private static List<byte[]> seeds;

  @BeforeAll
  static void loadSeeds() throws IOException {
    seeds = new ArrayList<>();
    try (Stream<Path> files = Files.list(Fixtures.samples())) {
      for (Path p : files.sorted().toList()) {
        seeds.add(Files.readAllBytes(p));
      }
    }
  }

  @Test
  void damagedSeedsNeverBreakTheReader() {
    Random random = new Random(SEED);
    NewsFormat roomy = NewsFormat.DEFAULT;
    NewsFormat tight = NewsFormat.builder().maxLineLength(800).maxRecordLength(700).build();
    Map<Diagnostic.Kind, Integer> seen = new EnumMap<>(Diagnostic.Kind.class);
    int clean = 0;
    for (int i = 0; i < MUTANTS; i++) {
      byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
      NewsFormat format = random.nextInt(4) == 0 ? tight : roomy;
      try {
        Accounting.Result lenient = Accounting.check(input, format);
        lenient.diagnostics().forEach(d -> seen.merge(d.kind(), 1, Integer::sum));
        List<Article> strictArticles = new ArrayList<>();
        NewsParseException failure = null;
        try (NewsReader reader = NewsReader.open(new ByteArrayInputStream(input), "test",
            format)) {
          reader.forEach(strictArticles::add);
        } catch (NewsParseException e) {
          failure = e;
        }
        if (failure == null) {
          clean++;
          assertThat(lenient.diagnostics()).isEmpty();
          assertThat(strictArticles).isEqualTo(lenient.articles());
        } else {
          Diagnostic first = lenient.diagnostics().get(0);
          assertThat(failure.kind()).isEqualTo(first.kind());
          assertThat(failure.line()).isEqualTo(first.line());
          assertThat(lenient.articles().subList(0, strictArticles.size()))
              .isEqualTo(strictArticles);
        }
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("mutant " + i + " (seed " + SEED + "): "
            + new String(input, StandardCharsets.UTF_8), e);
      }
    }
    // The mutations reach every kind of problem, and some mutants stay valid.
    assertThat(seen.keySet()).containsAll(List.of(Diagnostic.Kind.values()));
    assertThat(clean).isGreaterThan(MUTANTS / 50);
  }

  /** A damaged seed (a few line edits), sometimes also cut short at a random byte. */
  static byte[] mutate(byte[] original, Random r) {
    byte[] damaged = AdversarialDigests.damage(original, r, 4);
    return r.nextInt(11) == 0 ? Arrays.copyOf(damaged, r.nextInt(damaged.length + 1)) : damaged;
  }
}
