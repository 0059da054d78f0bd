package org.newsdesk.classifier;

import java.util.stream.IntStream;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.tokenize.WhitespaceTokenizer;

/**
 * An OpenNLP {@code DoccatModel} as a {@link Model}: a text is scored exactly as OpenNLP's own
 * {@code Doccat} command-line tool scores it as one line: the title and body joined with a space,
 * split into whitespace tokens, categorised by {@code DocumentCategorizerME}. Such a model has
 * its own feature generators, so no text is ever "unknown": OpenNLP always answers.
 */
final class DoccatClassifier extends Model {

  private final DoccatModel model;
  // DocumentCategorizerME is not documented as thread-safe: one per thread
  private final ThreadLocal<DocumentCategorizerME> categorizers;

  DoccatClassifier(DoccatModel model) {
    super(outcomesOf(model.getMaxentModel()),
        IntStream.range(0, model.getMaxentModel().getNumOutcomes()).toArray());
    this.model = model;
    this.categorizers = ThreadLocal.withInitial(() -> new DocumentCategorizerME(model));
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
    return categorizers.get().categorize(tokens(title, body));
  }

  @Override
  String describe() {
    String version = model.getVersion() == null ? "?" : model.getVersion().toString();
    return "OpenNLP doccat model, OpenNLP " + version;
  }
}
