package org.newsdesk.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {

  private static FeatureExtractor analyzer(FeaturePipeline c) {
    return FeatureExtractor.analyzerOnly(c);
  }

  @Test
  void tokenisesLowercasesStemsAndDropsPunctuation() {
    FeatureExtractor fx = analyzer(FeaturePipeline.defaults());
    assertThat(fx.terms("Customs officers were TRAINING, in Geneva!"))
        .containsExactly("custom", "offic", "were", "train", "in", "geneva");
  }

  @Test
  void tokenCacheTellsApartTokensWithEqualStringHashes() {
    // "Aa" and "BB" share String.hashCode, and so does any sequence of such pairs: short tokens
    // are compared by their packed chars, long (over 16 chars) and non-Latin-1 ones by string
    FeatureExtractor fx =
        analyzer(FeaturePipeline.defaults().toBuilder().stemming(FeaturePipeline.Stemming.NONE).build());
    String longA = "AaAaAaAaAaAaAaAaAaAa";
    String longB = "AaAaAaAaAaAaAaAaAaBB";
    assertThat(longA.hashCode()).isEqualTo(longB.hashCode());
    String text = "Aa BB " + longA + " " + longB + " \u0100Aa \u0100BB Aa BB " + longB + " " + longA;
    assertThat(fx.terms(text))
        .containsExactly(
            "aa", "bb", longA.toLowerCase(), longB.toLowerCase(), "\u0101aa", "\u0101bb", "aa",
            "bb", longB.toLowerCase(), longA.toLowerCase());
    // and again, now that every token is cached
    assertThat(fx.terms(text)).containsExactlyElementsOf(fx.terms(text));
    assertThat(fx.terms("BB Aa")).containsExactly("bb", "aa");
  }

  @Test
  void stopWordsAreRemovedBeforeNgramsAndStemmingCanBeOff() {
    FeaturePipeline c =
        FeaturePipeline.defaults().toBuilder()
            .stopWords(FeaturePipeline.ENGLISH_STOP_WORDS)
            .stemming(FeaturePipeline.Stemming.NONE)
            .build();
    FeatureExtractor fx = analyzer(c);
    assertThat(fx.terms("The officers were in Geneva")).containsExactly("officers", "geneva");
    assertThat(fx.counts("", "The officers were in Geneva"))
        .containsOnlyKeys("officers", "geneva", "officers geneva");
  }

  @Test
  void caseIsKeptWhenLowercasingIsOff() {
    FeaturePipeline c =
        FeaturePipeline.defaults().toBuilder()
            .lowercase(false)
            .stemming(FeaturePipeline.Stemming.NONE)
            .build();
    assertThat(analyzer(c).terms("WCO Meeting")).containsExactly("WCO", "Meeting");
  }

  @Test
  void unicodeNormalisationFoldsCompatibilityCharacters() {
    FeaturePipeline on = FeaturePipeline.defaults().toBuilder().stemming(FeaturePipeline.Stemming.NONE).build();
    FeaturePipeline off = on.toBuilder().nfkc(false).build();
    // fullwidth letters and the "fi" ligature
    String text = "\uFF37\uFF23\uFF2F ef\uFB01cient";
    assertThat(analyzer(on).terms(text)).containsExactly("wco", "efficient");
    assertThat(analyzer(off).terms(text)).doesNotContain("wco", "efficient");
  }

  @Test
  void aLongRunOfCombiningMarksIsCutBeforeNormalisingInLinearTime() {
    FeatureExtractor fx = analyzer(FeaturePipeline.defaults());
    // a megabyte of alternating marks took the normalizer minutes (quadratic in the run)
    String text = "computer a" + "\u0301\u0316".repeat(250_000);
    List<String> terms = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> fx.terms(text));
    // the marks past the 30th are dropped: the same terms as the run cut to 30 marks
    assertThat(terms)
        .containsExactly("comput", "\u00E1")
        .isEqualTo(fx.terms("computer a" + "\u0301\u0316".repeat(15)));
    // alphabetic marks (Devanagari vowel sign I) stay one token, cut at 30 marks
    assertThat(fx.terms("\u0915" + "\u093F".repeat(100)))
        .containsExactly("\u0915" + "\u093F".repeat(30));
  }

  @Test
  void ngramRangeProducesExactlyTheRequestedLengths() {
    FeaturePipeline c =
        FeaturePipeline.defaults().toBuilder()
            .ngrams(2, 3)
            .stemming(FeaturePipeline.Stemming.NONE)
            .build();
    assertThat(analyzer(c).counts("", "a b c"))
        .containsOnlyKeys("a b", "b c", "a b c");
  }

  @Test
  void titleCountsWithItsWeightUnlessItRepeatsTheBodyStart() {
    FeaturePipeline c =
        FeaturePipeline.defaults().toBuilder()
            .stemming(FeaturePipeline.Stemming.NONE)
            .ngrams(1, 1)
            .titleWeight(3)
            .build();
    FeatureExtractor fx = analyzer(c);
    Map<String, Double> titled = fx.counts("Ports", "ships dock at ports");
    assertThat(titled).containsEntry("ports", 4.0).containsEntry("ships", 1.0);
    // digests without titles use the first words of the body as title: not counted twice
    Map<String, Double> derived = fx.counts("ships dock", "ships dock at ports");
    assertThat(derived).containsEntry("ships", 1.0).containsEntry("dock", 1.0);
    assertThat(analyzer(c.toBuilder().titleWeight(0).build()).counts("Ports", "ships"))
        .containsOnlyKeys("ships");
  }

  @Test
  void vectorsAreUnitLengthSortedAndStartWithTheBias() {
    List<LabeledText> docs =
        List.of(
            LabeledText.of("customs trade customs", "a"),
            LabeledText.of("trade deal", "a"),
            LabeledText.of("customs deal", "b"));
    FeatureExtractor fx = Vocabulary.fit(FeaturePipeline.defaults(), docs);
    // min-df 2: only custom, trade, deal occur in two documents
    assertThat(fx.names())
        .containsExactlyInAnyOrder(FeatureExtractor.BIAS, "custom", "trade", "deal");
    FeatureExtractor.Vector v = fx.vector("", "customs trade customs unknownword");
    assertThat(v.ids()[0]).isZero();
    assertThat(v.values()[0]).isEqualTo(1f);
    assertThat(v.ids()).isSorted().hasSize(3);
    double norm = 0;
    for (int i = 1; i < v.values().length; i++) {
      norm += v.values()[i] * v.values()[i];
    }
    assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(fx.vector("", "nothing known here").onlyBias()).isTrue();
  }

  private static List<LabeledText> texts(String... texts) {
    List<LabeledText> out = new java.util.ArrayList<>();
    for (String t : texts) {
      out.add(LabeledText.of(t, "x"));
    }
    return out;
  }

  @Test
  void maxFeaturesKeepsTheMostFrequent() {
    FeaturePipeline c =
        FeaturePipeline.defaults().toBuilder().ngrams(1, 1).minDf(1).maxFeatures(2).build();
    // document frequencies: tax 4, port 3, ship 2
    List<LabeledText> docs = texts("tax", "tax port", "tax port ship", "tax port", "ship");
    assertThat(Vocabulary.fit(c, docs).names())
        .containsExactly(FeatureExtractor.BIAS, "tax", "port");
  }

  @Test
  void equallyFrequentNgramsAtTheLimitAreChosenTheSameWayEveryTime() {
    FeaturePipeline c =
        FeaturePipeline.defaults().toBuilder().ngrams(1, 1).minDf(1).maxFeatures(2).build();
    // tax 3; port, ship and dock 2 each: one of the three is kept, always the same one
    List<LabeledText> docs = texts("tax port ship dock", "tax port ship dock", "tax");
    String[] names = Vocabulary.fit(c, docs).names();
    assertThat(names).hasSize(3).startsWith(FeatureExtractor.BIAS, "tax");
    assertThat(names[2]).isIn("port", "ship", "dock");
    List<LabeledText> reordered = texts("tax", "dock ship port tax", "tax dock port ship");
    assertThat(Vocabulary.fit(c, reordered).names()).containsExactly(names);
  }

  /**
   * The hashed, streaming vocabulary count gives exactly what counting the n-gram strings gives:
   * the same features in the same order (document frequency descending, then name), the same idf.
   */
  @Test
  void hashedVocabularyEqualsCountingTheStrings() {
    FeaturePipeline c =
        FeaturePipeline.defaults().toBuilder().ngrams(1, 3).titleWeight(2.5).build();
    FeatureExtractor a = analyzer(c);
    List<LabeledText> train = new java.util.ArrayList<>();
    for (LabeledText t : Samples.train()) {
      // some with a real title, some with the body's first word as title (a repeat, not counted)
      String title = t.body().length() % 3 == 0 ? "Law and order" : t.body().split(" ")[0];
      train.add(new LabeledText(title, t.body(), t.label()));
    }
    Map<String, Integer> df = new java.util.HashMap<>();
    for (LabeledText t : train) {
      for (String gram : a.counts(t.title(), t.body()).keySet()) {
        df.merge(gram, 1, Integer::sum);
      }
    }
    List<String> expected = new java.util.ArrayList<>();
    df.forEach(
        (gram, n) -> {
          if (n >= c.minDf()) {
            expected.add(gram);
          }
        });
    expected.sort(
        java.util.Comparator.<String>comparingInt(g -> -df.get(g)).thenComparing(g -> g));
    FeatureExtractor fx = Vocabulary.fit(c, train);
    String[] names = fx.names();
    assertThat(names.length - 1).isEqualTo(expected.size()).isGreaterThan(500);
    float[] idf = fx.idf();
    for (int i = 0; i < expected.size(); i++) {
      assertThat(names[i + 1]).isEqualTo(expected.get(i));
      double want = Math.log((1.0 + train.size()) / (1 + df.get(expected.get(i)))) + 1;
      assertThat(idf[i + 1]).isEqualTo((float) want);
    }
  }

  @Test
  void fastVectorPathMatchesTheStringCountsForRealTexts() {
    FeaturePipeline c = FeaturePipeline.defaults().toBuilder().ngrams(1, 3).titleWeight(2.5).build();
    FeatureExtractor fx = Vocabulary.fit(c, Samples.train());
    java.util.Set<String> vocab = java.util.Set.of(fx.names());
    int checked = 0;
    for (LabeledText t : Samples.test()) {
      String title = t.body().split(" ")[0].length() > 3 ? "Law and order" : "";
      Map<String, Double> counts = fx.counts(title, t.body());
      Map<String, Double> expected = new java.util.TreeMap<>();
      double norm = 0;
      for (Map.Entry<String, Double> e : counts.entrySet()) {
        if (vocab.contains(e.getKey())) {
          double tf = e.getValue();
          int id = java.util.Arrays.asList(fx.names()).indexOf(e.getKey());
          double w = (tf > 1 ? 1 + Math.log(tf) : tf) * fx.idf()[id];
          expected.put(e.getKey(), w);
          norm += w * w;
        }
      }
      FeatureExtractor.Vector v = fx.vector(title, t.body());
      Map<String, Double> actual = new java.util.TreeMap<>();
      for (int i = 1; i < v.ids().length; i++) {
        actual.put(fx.name(v.ids()[i]), (double) v.values()[i]);
      }
      assertThat(actual.keySet()).isEqualTo(expected.keySet());
      for (Map.Entry<String, Double> e : expected.entrySet()) {
        assertThat(actual.get(e.getKey()))
            .isCloseTo(e.getValue() / Math.sqrt(norm), org.assertj.core.data.Offset.offset(1e-6));
      }
      checked += actual.size();
    }
    assertThat(checked).isGreaterThan(500);
  }

  @Test
  void aTitleSkippedAsARepeatOfTheBodyStartReallyIsOne() {
    // vector() skips analysing such titles; that is only sound if their terms are the body's first
    FeatureExtractor fx = analyzer(FeaturePipeline.defaults());
    String alphabet = "ab Ab1.-'\t\u00A0\u00e9\u0301";
    java.util.Random random = new java.util.Random(7);
    int skipped = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder body = new StringBuilder();
      int length = 1 + random.nextInt(20);
      for (int i = 0; i < length; i++) {
        body.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String b = body.toString();
      String title = b.substring(0, random.nextInt(b.length() + 1));
      if (FeatureExtractor.repeatsBodyStart(title, b)) {
        skipped++;
        List<String> bodyTerms = fx.terms(b);
        List<String> titleTerms = fx.terms(title);
        assertThat(bodyTerms.subList(0, titleTerms.size())).as("%s | %s", title, b).isEqualTo(titleTerms);
      }
    }
    assertThat(skipped).isGreaterThan(1000);
    assertThat(FeatureExtractor.repeatsBodyStart("Ships dock", "Ships dock at ports")).isTrue();
    assertThat(FeatureExtractor.repeatsBodyStart("Ships do", "Ships dock at ports")).isFalse();
    assertThat(FeatureExtractor.repeatsBodyStart("Café", "Café au lait")).isFalse();
  }

  @Test
  void vectorsStayTheSameAfterTheTokenCacheOverflows() {
    FeatureExtractor fx = Vocabulary.fit(FeaturePipeline.defaults(), Samples.train());
    LabeledText probe = Samples.test().get(0);
    FeatureExtractor.Vector before = fx.vector(probe.title(), probe.body());
    // 250k distinct tokens: more than the per-thread cache keeps, so it is emptied several times
    for (int chunk = 0; chunk < 25; chunk++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 10_000; i++) {
        // letters only, so that each number is one token
        for (int v = chunk * 10_000 + i; v > 0; v /= 26) {
          sb.append((char) ('a' + v % 26));
        }
        sb.append("x ");
      }
      fx.vector("", sb.toString());
    }
    FeatureExtractor.Vector after = fx.vector(probe.title(), probe.body());
    assertThat(after.ids()).isEqualTo(before.ids());
    assertThat(after.values()).isEqualTo(before.values());
  }
}
