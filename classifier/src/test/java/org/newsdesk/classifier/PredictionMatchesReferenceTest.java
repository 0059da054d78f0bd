package org.newsdesk.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.newsdesk.core.Article;
import org.newsdesk.core.NewsReader;
import org.newsdesk.testing.Fixtures;

/**
 * The prediction path (token cache, fused n-gram lookup, bitset-ordered feature counts, lazily
 * ranked scores) gives bit-for-bit the scores of {@link ReferenceScorer}, which computes them the
 * slow, plain way: every label and every score, compared with {@code ==} on the doubles, on a real
 * test split. The arithmetic is the same operations in the same order, so nothing is rounded
 * differently; any difference at all is a bug.
 */
class PredictionMatchesReferenceTest {

  @Test
  void fortunesTestSplitScoresAreIdenticalToTheReference() {
    TopicClassifier c = Samples.trained();
    List<LabeledText> texts = new ArrayList<>();
    for (LabeledText t : Samples.test()) {
      texts.add(t);
      // a title repeating the body's start (skipped), a real one (counted twice), a non-ASCII one
      String[] words = t.body().split(" ");
      texts.add(new LabeledText(words[0] + (words.length > 1 ? " " + words[1] : ""), t.body(), t.label()));
      texts.add(new LabeledText("Law and order in the kitchen", t.body(), t.label()));
      texts.add(new LabeledText("Ｃafé ﬁnance: " + words[0], t.body(), t.label()));
    }
    texts.add(LabeledText.of("qqzx vvww", "unknown"));
    assertThat(compare(c, texts)).isGreaterThan(350);
  }

  @Test
  void builtInModelScoresOnTheLabelledSeedsAreIdenticalToTheReference() throws IOException {
    TopicClassifier c = TopicClassifier.builtIn();
    List<LabeledText> texts = new ArrayList<>();
    for (Article a : NewsReader.readAll(Fixtures.labeledSeeds())) {
      texts.add(LabeledText.from(a));
      texts.add(LabeledText.of(a.title() + " " + a.body(), a.category().orElseThrow()));
    }
    assertThat(compare(c, texts)).isGreaterThanOrEqualTo(96);
  }

  @Test
  void numbersScoreLikeTheReferenceWhateverTheCachesHold() throws IOException {
    // numbers have a cache of their own whose slots are taken over: thousands of distinct numbers,
    // numbers the model knows (years in its n-grams), repeats, and digit runs too long to pack
    TopicClassifier c = TopicClassifier.builtIn();
    FeatureExtractor fx = ((LinearModel) c.model()).features();
    List<String> known = new ArrayList<>();
    for (int f = 1; f < fx.size(); f++) {
      for (String word : fx.name(f).split(" ")) {
        if (word.chars().allMatch(Character::isDigit)) {
          known.add(word);
        }
      }
    }
    assertThat(known).as("numbers in the built-in model's features").isNotEmpty();
    Random random = new Random(20261201);
    List<LabeledText> texts = new ArrayList<>();
    for (int round = 0; round < 8; round++) {
      for (Article a : NewsReader.readAll(Fixtures.labeledSeeds())) {
        StringBuilder body = new StringBuilder();
        for (String word : a.body().split(" ")) {
          body.append(word).append(' ');
          switch (random.nextInt(6)) {
            case 0 -> body.append(random.nextInt(1_000_000)).append(' ');
            case 1 -> body.append(known.get(random.nextInt(known.size()))).append(' ');
            case 2 -> body.append(random.nextInt(50)).append(' ');
            case 3 -> body.append("12345678901234567").append(random.nextInt(10)).append(' ');
            default -> {}
          }
        }
        texts.add(new LabeledText(a.title(), body.toString().strip(), a.category().orElseThrow()));
      }
    }
    // every text shares words with the model
    assertThat(compare(c, texts)).isEqualTo(texts.size());
  }

  @Test
  void everyLabelCountScoresLikeTheReference() {
    // the dot product works on blocks of labels: counts below, at and between the block sizes,
    // with random weights over a real vocabulary
    FeatureExtractor fx = ((LinearModel) Samples.trained().model()).features();
    Random random = new Random(20261130);
    for (int n = 1; n <= 19; n++) {
      String[] labels = new String[n];
      for (int l = 0; l < n; l++) {
        labels[l] = String.format("label-%02d", l);
      }
      float[] weights = new float[fx.size() * n];
      for (int i = 0; i < weights.length; i++) {
        weights[i] = (float) random.nextGaussian();
      }
      TopicClassifier c = new TopicClassifier(new LinearModel(fx, labels, weights), null);
      assertThat(compare(c, Samples.test())).as("%d labels", n).isGreaterThan(50);
    }
  }

  @Test
  void repeatedAndConcurrentPredictionsStayIdentical() throws Exception {
    // the per-thread buffers and counts are reused: a second pass (and other threads) must
    // see nothing left over from earlier documents
    TopicClassifier c = Samples.trained();
    Thread other = new Thread(() -> compare(c, Samples.train()));
    other.start();
    compare(c, Samples.test());
    compare(c, Samples.test());
    other.join();
  }

  /** Compares every text's prediction with the reference; returns how many known texts. */
  private static int compare(TopicClassifier c, List<LabeledText> texts) {
    ReferenceScorer reference = new ReferenceScorer(c);
    int known = 0;
    for (LabeledText t : texts) {
      Prediction p = c.predict(t.title(), t.body());
      List<LabelScore> expected = reference.scores(t.title(), t.body());
      assertThat(p.unknown()).as("unknown: %s", t).isEqualTo(expected == null);
      if (expected == null) {
        continue;
      }
      known++;
      assertThat(p.label()).isEqualTo(expected.get(0).label());
      assertThat(p.score()).isEqualTo(expected.get(0).score());
      assertThat(p.scores()).hasSameSizeAs(expected);
      for (int i = 0; i < expected.size(); i++) {
        LabelScore got = p.scores().get(i);
        assertThat(got.label()).as("rank %d of %s", i, t).isEqualTo(expected.get(i).label());
        // bit-for-bit, not within a tolerance
        assertThat(Double.doubleToLongBits(got.score()))
            .as("score of %s for %s", got.label(), t)
            .isEqualTo(Double.doubleToLongBits(expected.get(i).score()));
      }
    }
    return known;
  }
}
