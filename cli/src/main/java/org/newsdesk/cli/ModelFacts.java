package org.newsdesk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.newsdesk.classifier.ModelProvenance;

/**
 * What {@code info} and the HTML report say about a model, read from its {@link ModelProvenance}
 * and nothing else: the one place that knows the provenance's fields.
 */
final class ModelFacts {
  private ModelFacts() {}

  /** One fact: a short name and its value as text. */
  record Fact(String name, String value) {}

  /** The facts in the order they are shown; the examples per label are {@link #perLabel}. */
  static List<Fact> of(ModelProvenance p) {
    List<Fact> facts = new ArrayList<>();
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

  /** The training examples of each label, sorted by label. */
  static Map<String, Integer> perLabel(ModelProvenance p) {
    return p.examplesPerLabel();
  }
}
