package org.newsdesk.cli;

import java.util.Locale;
import java.util.Optional;
import org.newsdesk.classifier.Evaluation;
import org.newsdesk.classifier.TopicClassifier;

/**
 * Whether an evaluation measured a model on its own training data, judged from the library's
 * count ({@link Evaluation#trainingOverlap()}) against what chance alone gives ({@link
 * Evaluation#expectedChanceOverlap()}): the one place the text output, the HTML report and the
 * JSON document take the warning from.
 *
 * <p>Chance matches are about Poisson-distributed with mean {@code expected}; a count above {@code
 * expected + 4 * sqrt(expected) + 1} happens by chance with probability well under 0.1 %, so
 * beyond that the examples include training texts.
 *
 * @param checked whether the model records its training texts (an OpenNLP doccat model does not)
 * @param found how many examples look like training texts
 * @param examples how many examples were evaluated
 * @param expected how many such matches chance alone gives
 */
record TrainingOverlap(boolean checked, int found, int examples, double expected) {

  static TrainingOverlap of(TopicClassifier model, Evaluation e) {
    return new TrainingOverlap(
        model.provenance().isPresent(),
        e.trainingOverlap(),
        e.total(),
        e.expectedChanceOverlap());
  }

  /** Whether more examples look like training texts than chance explains. */
  boolean beyondChance() {
    return checked && found > expected + 4 * Math.sqrt(expected) + 1;
  }

  /** The share of examples that look like training texts, in percent. */
  double percent() {
    return examples == 0 ? 0 : 100.0 * found / examples;
  }

  /**
   * The warning, if the overlap is beyond chance: {@code 312 of 320 examples (97%) look like
   * this model's training data (0.2 expected by chance); these figures overstate accuracy}.
   */
  Optional<String> warning() {
    if (!beyondChance()) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "%,d of %,d examples (%s) look like this model's training data (%.1f expected by"
                + " chance); these figures overstate accuracy",
            found,
            examples,
            percent() < 1 ? "under 1%" : (long) Math.floor(percent()) + "%",
            expected));
  }
}
