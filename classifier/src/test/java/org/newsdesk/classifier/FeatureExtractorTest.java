package org.newsdesk.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {

  private static FeatureExtractor analyzer(TrainingConfig c) {
    return FeatureExtractor.analyzerOnly(c);
  }

  @Test
  void tokenisesLowercasesStemsAndDropsPunctuation() {
    FeatureExtractor fx = analyzer(TrainingConfig.defaults());
    assertThat(fx.terms("Customs officers were TRAINING, in Geneva!"))
        .containsExactly("custom", "offic", "were", "train", "in", "geneva");
  }

  @Test
  void stopWordsAreRemovedBeforeNgramsAndStemmingCanBeOff() {
    TrainingConfig c =
        TrainingConfig.defaults().toBuilder()
            .stopWords(TrainingConfig.ENGLISH_STOP_WORDS)
            .stemming(TrainingConfig.Stemming.NONE)
            .build();
    FeatureExtractor fx = analyzer(c);
    assertThat(fx.terms("The officers were in Geneva")).containsExactly("officers", "geneva");
    assertThat(fx.counts("", "The officers were in Geneva"))
        .containsOnlyKeys("officers", "geneva", "officers geneva");
  }

  @Test
  void caseIsKeptWhenLowercasingIsOff() {
    TrainingConfig c =
        TrainingConfig.defaults().toBuilder()
            .lowercase(false)
            .stemming(TrainingConfig.Stemming.NONE)
            .build();
    assertThat(analyzer(c).terms("WCO Meeting")).containsExactly("WCO", "Meeting");
  }

  @Test
  void unicodeNormalisationFoldsCompatibilityCharacters() {
    TrainingConfig on = TrainingConfig.defaults().toBuilder().stemming(TrainingConfig.Stemming.NONE).build();
    TrainingConfig off = on.toBuilder().unicodeNormalization(false).build();
    // fullwidth letters and the "fi" ligature
    String text = "\uFF37\uFF23\uFF2F ef\uFB01cient";
    assertThat(analyzer(on).terms(text)).containsExactly("wco", "efficient");
    assertThat(analyzer(off).terms(text)).doesNotContain("wco", "efficient");
  }

  @Test
  void ngramRangeProducesExactlyTheRequestedLengths() {
    TrainingConfig c =
        TrainingConfig.defaults().toBuilder()
            .ngramRange(2, 3)
            .stemming(TrainingConfig.Stemming.NONE)
            .build();
    assertThat(analyzer(c).counts("", "a b c"))
        .containsOnlyKeys("a b", "b c", "a b c");
  }

  @Test
  void titleCountsWithItsWeightUnlessItRepeatsTheBodyStart() {
    TrainingConfig c =
        TrainingConfig.defaults().toBuilder()
            .stemming(TrainingConfig.Stemming.NONE)
            .ngramRange(1, 1)
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
    List<Map<String, Double>> docs =
        List.of(
            analyzer(TrainingConfig.defaults()).counts("", "customs trade customs"),
            analyzer(TrainingConfig.defaults()).counts("", "trade deal"),
            analyzer(TrainingConfig.defaults()).counts("", "customs deal"));
    FeatureExtractor fx = FeatureExtractor.fit(TrainingConfig.defaults(), docs);
    // cutoff 2: only custom, trade, deal occur in two documents
    assertThat(fx.names()).containsExactlyInAnyOrder(FeatureExtractor.BIAS, "custom", "trade", "deal");
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

  @Test
  void maxFeaturesKeepsTheMostFrequent() {
    FeatureExtractor a = analyzer(TrainingConfig.defaults());
    List<Map<String, Double>> docs =
        List.of(a.counts("", "tax tax"), a.counts("", "tax port"), a.counts("", "tax port ship"),
            a.counts("", "ship"));
    TrainingConfig c = TrainingConfig.defaults().toBuilder().cutoff(1).maxFeatures(2).build();
    assertThat(FeatureExtractor.fit(c, docs).names())
        .containsExactly(FeatureExtractor.BIAS, "tax", "port");
  }

  @Test
  void fastVectorPathMatchesTheStringCountsForRealTexts() {
    TrainingConfig c = TrainingConfig.defaults().toBuilder().ngramRange(1, 3).titleWeight(2.5).build();
    FeatureExtractor a = analyzer(c);
    List<Map<String, Double>> docs = new java.util.ArrayList<>();
    for (LabeledText t : Samples.train()) {
      docs.add(a.counts(t.title(), t.body()));
    }
    FeatureExtractor fx = FeatureExtractor.fit(c, docs);
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
    FeatureExtractor fx = analyzer(TrainingConfig.defaults());
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
    FeatureExtractor a = analyzer(TrainingConfig.defaults());
    List<Map<String, Double>> docs = new java.util.ArrayList<>();
    for (LabeledText t : Samples.train()) {
      docs.add(a.counts(t.title(), t.body()));
    }
    FeatureExtractor fx = FeatureExtractor.fit(TrainingConfig.defaults(), docs);
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
