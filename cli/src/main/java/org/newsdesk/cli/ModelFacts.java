package org.newsdesk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.newsdesk.classifier.ModelProvenance;
import org.newsdesk.classifier.TopicClassifier;

/**
 * What {@code info} and the HTML report say about a model, as text for people, read from the
 * library ({@link TopicClassifier#labels()}, its {@link ModelProvenance}) and nothing else
 * ({@link EvaluationJson} gives the same facts typed, for programs). A Newsdesk model records how it was
 * made; a wrapped OpenNLP doccat model ({@code provenance()} empty) records nothing, so only its
 * kind, labels and the library's description of it are known.
 */
final class ModelFacts {
  private ModelFacts() {}

  /** The kind of a Newsdesk model. */
  static final String NEWSDESK = "Newsdesk model";

  /** The kind of a model without provenance: the library wraps OpenNLP doccat models so. */
  static final String DOCCAT = "OpenNLP doccat model";

  /** What is unknown about a doccat model, said wherever its facts are shown. */
  static final String NO_PROVENANCE =
      "none recorded: an OpenNLP doccat model does not say how or on what it was trained, so"
          + " evaluations cannot check for overlap with its training data";

  /** One fact: a short name and its value as text. */
  record Fact(String name, String value) {}

  /** The kind of model: {@link #NEWSDESK} or {@link #DOCCAT}. */
  static String kind(TopicClassifier c) {
    return c.provenance().isPresent() ? NEWSDESK : DOCCAT;
  }

  /**
   * The facts in the order they are shown. The first is the kind, the second the labels (their
   * number; the examples per label, if known, are {@link #perLabel}).
   */
  static List<Fact> of(TopicClassifier c) {
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact("kind", kind(c)));
    Optional<ModelProvenance> provenance = c.provenance();
    if (provenance.isEmpty()) {
      facts.add(
          new Fact("labels", c.labels().size() + ": " + String.join(", ", c.labels())));
      facts.add(new Fact("description", c.toString()));
      facts.add(new Fact("provenance", NO_PROVENANCE));
      return facts;
    }
    ModelProvenance p = provenance.get();
    facts.add(new Fact("labels", Integer.toString(p.labels().size())));
    facts.add(new Fact("examples", String.format(Locale.ROOT, "%,d", p.examples())));
    facts.add(new Fact("features", String.format(Locale.ROOT, "%,d", p.featureCount())));
    facts.add(new Fact("learner", p.learner().toString()));
    facts.add(new Fact("pipeline", p.pipeline().toString()));
    facts.add(
        new Fact(
            "run",
            "seed " + p.seed() + ", " + p.threads() + (p.threads() == 1 ? " thread" : " threads")
                + ", Java " + p.javaVersion() + " (" + p.javaVendor() + "), " + p.os() + " "
                + p.arch()));
    facts.add(
        new Fact("versions", "newsdesk " + p.libraryVersion() + ", OpenNLP " + p.opennlpVersion()));
    facts.add(new Fact("data sha256", p.dataSha256()));
    facts.add(new Fact("created", p.created().toString()));
    return facts;
  }

  /** The training examples of each label, sorted by label; empty if not recorded. */
  static Map<String, Integer> perLabel(TopicClassifier c) {
    return c.provenance().map(ModelProvenance::examplesPerLabel).orElse(Map.of());
  }
}
