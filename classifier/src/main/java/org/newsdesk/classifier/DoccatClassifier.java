package org.newsdesk.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.tokenize.WhitespaceTokenizer;

/**
 * An OpenNLP {@code DoccatModel} as a {@link Model}: a text is scored exactly as OpenNLP's own
 * {@code Doccat} command-line tool scores it as one line: the title and body joined with a space,
 * split into whitespace tokens, categorised as {@code DocumentCategorizerME} does (the features of
 * each of the model's feature generators, in order, evaluated by its maxent model; {@link
 * OpenNlpScores} only steps in where a GIS model's scores overflow). Such a model has its own
 * feature generators, so no text is ever "unknown": OpenNLP always answers.
 *
 * <p>The feature generators are created once, by the constructor, so that a model whose manifest
 * names a class OpenNLP cannot load fails there, not at every prediction. They are shared by all
 * threads, as every {@code DocumentCategorizerME} of one model shares them.
 */
final class DoccatClassifier extends Model {

  private final DoccatModel model;
  private final FeatureGenerator[] generators;

  /**
   * Wraps {@code model}.
   *
   * @throws IllegalArgumentException if the model's feature generators cannot be created
   */
  DoccatClassifier(DoccatModel model) {
    super(outcomesOf(model.getMaxentModel()),
        IntStream.range(0, model.getMaxentModel().getNumOutcomes()).toArray());
    this.model = model;
    FeatureGenerator[] g;
    try {
      g = model.getFactory().getFeatureGenerators();
    } catch (RuntimeException | LinkageError e) {
      throw new IllegalArgumentException(
          "the doccat model's feature generators cannot be created (" + e.getClass().getSimpleName()
              + ": " + e.getMessage() + ")",
          e);
    }
    if (g == null || g.length == 0 || Arrays.asList(g).contains(null)) {
      throw new IllegalArgumentException("the doccat model has no feature generators");
    }
    this.generators = g.clone();
  }

  DoccatModel model() {
    return model;
  }

  /** The whitespace tokens of the text the {@code Doccat} tool would read: title, space, body. */
  static String[] tokens(String title, String body) {
    return WhitespaceTokenizer.INSTANCE.tokenize(title.isEmpty() ? body : title + " " + body);
  }

  @Override
  FeaturePipeline pipeline() {
    return null;
  }

  @Override
  double[] probabilities(String title, String body) {
    String[] tokens = tokens(title, body);
    // DocumentCategorizerME's context: every generator's features, in the generators' order
    List<String> context = new ArrayList<>();
    for (FeatureGenerator g : generators) {
      context.addAll(g.extractFeatures(tokens, Collections.emptyMap()));
    }
    return OpenNlpScores.probabilities(
        model.getMaxentModel(), context.toArray(new String[0]), null);
  }

  @Override
  String describe() {
    String version = model.getVersion() == null ? "?" : model.getVersion().toString();
    return "OpenNLP doccat model, OpenNLP " + version;
  }
}
