package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code train} shows while the library trains, on a terminal and in a log. */
class TrainingProgressTest {
  private final StringWriter err = new StringWriter();

  /** A run as the library reports it: three reading passes (the second stops early), 3 iterations. */
  private static void train(TrainingProgress p, int examples) {
    for (int pass = 1; pass <= 3; pass++) {
      int last = pass == 2 ? examples / 4 : examples;
      for (int n = 256; n < last + 256; n += 256) {
        p.onReading(pass, 3, Math.min(n, last));
      }
    }
    p.onStart(examples, 12_345, 8);
    for (int i = 1; i <= 3; i++) {
      p.onProgress(i, 100, -1000.0 / i);
    }
    p.onFinish(3);
  }

  @Test
  void aTerminalSeesEachPassInPlaceThenTheIterationsAndEveryRedrawFits() {
    ProgressBar bar = new ProgressBar(new PrintWriter(err), true, 60, "training");
    TrainingProgress p = new TrainingProgress(bar);
    train(p, 5_000);

    String s = err.toString();
    assertThat(s).contains("\rtraining pass 1/3 counting n-grams: 256 examples");
    // passes 2 and 3 know the total from pass 1: a bar
    assertThat(s).contains("\rtraining [##.........] pass 2/3 naming features 1,250/5,000");
    assertThat(s).contains("\rtraining [########...] pass 3/3 feature vectors 4,096/5,000");
    assertThat(ProgressBarTest.screen(s, 60)) // asserts that no line wraps
        .containsExactly(
            "training on 5,000 examples, 12,345 features, 8 labels",
            "training [########################] done after 3 iterations");
  }

  @Test
  void aLogGetsOneLinePerPassAndFold() {
    ProgressBar bar = new ProgressBar(new PrintWriter(err), false, "training");
    TrainingProgress p = new TrainingProgress(bar);
    p.onFold(1, 2);
    train(p, 1_000);
    p.finalModel();
    train(p, 2_000);

    List<String> lines = err.toString().lines().toList();
    assertThat(lines)
        .containsExactly(
            "cross-validation: fold 1 of 2",
            "fold 1/2: pass 1 of 3 read 1,000 examples",
            "fold 1/2: pass 2 of 3 read 250 examples",
            "fold 1/2: pass 3 of 3 read 1,000 examples",
            "fold 1/2: training on 1,000 examples, 12,345 features, 8 labels",
            "fold 1/2: 1% (1/100) log-likelihood -1000.0",
            "fold 1/2: done after 3 iterations",
            "training the model on all examples",
            "reading: pass 1 of 3 read 2,000 examples",
            "reading: pass 2 of 3 read 500 examples",
            "reading: pass 3 of 3 read 2,000 examples",
            "training on 2,000 examples, 12,345 features, 8 labels",
            "training: 1% (1/100) log-likelihood -1000.0",
            "training: done after 3 iterations");
  }

  @Test
  void messagesWhileABarShowsStartOnTheirOwnLine() {
    ProgressBar bar = new ProgressBar(new PrintWriter(err), true, 60, "training");
    bar.status("pass 1/3 counting n-grams: 1,000 examples");
    bar.messages().println("digest.txt:7: no category to learn from; skipped");
    bar.status("pass 1/3 counting n-grams: 1,256 examples");

    assertThat(ProgressBarTest.screen(err.toString(), 60))
        .containsExactly(
            "digest.txt:7: no category to learn from; skipped",
            "training pass 1/3 counting n-grams: 1,256 examples");
  }
}
