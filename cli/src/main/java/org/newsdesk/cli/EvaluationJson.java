package org.newsdesk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.newsdesk.classifier.Evaluation;
import org.newsdesk.classifier.ModelProvenance;
import org.newsdesk.classifier.TopicClassifier;

/**
 * {@code evaluate --format json}: the whole evaluation as one JSON document for programs (the
 * fields are listed in README's CLI reference). Figures are the library's {@link Evaluation}; the
 * model's facts are what {@link ModelFacts} shows; the overlap judgement is {@link
 * TrainingOverlap}'s.
 */
final class EvaluationJson {
  private EvaluationJson() {}

  /** The document; {@code inputs} are the PATH arguments as given ({@code -}: standard input). */
  static ObjectNode of(
      Evaluation e, TopicClassifier model, String modelName, List<String> inputs) {
    ObjectNode root = RecordPrinter.JSON.createObjectNode();
    root.set("model", model(model, modelName));
    ArrayNode paths = root.putArray("inputs");
    inputs.forEach(paths::add);
    root.put("examples", e.total());
    root.put("accuracy", e.accuracy());
    ArrayNode topK = root.putArray("topKAccuracy");
    for (int k = 1; k <= Evaluation.MAX_TOP_K; k++) {
      topK.add(e.topKAccuracy(k));
    }
    averages(root.putObject("macro"), e.macroPrecision(), e.macroRecall(), e.macroF1());
    averages(
        root.putObject("weighted"), e.weightedPrecision(), e.weightedRecall(), e.weightedF1());
    averages(root.putObject("micro"), e.microPrecision(), e.microRecall(), e.microF1());
    ArrayNode perLabel = root.putArray("perLabel");
    for (Evaluation.LabelMetrics m : e.perLabel()) {
      ObjectNode row = perLabel.addObject();
      row.put("label", m.label());
      averages(row, m.precision(), m.recall(), m.f1());
      row.put("support", m.support());
    }
    ObjectNode confusion = root.putObject("confusion");
    ArrayNode labels = confusion.putArray("labels");
    e.labels().forEach(labels::add);
    ArrayNode matrix = confusion.putArray("matrix");
    for (int[] row : e.confusionMatrix()) {
      ArrayNode r = matrix.addArray();
      for (int count : row) {
        r.add(count);
      }
    }
    ObjectNode notPredicted = root.putObject("labelsNotPredicted");
    e.labelsNotPredicted().forEach(notPredicted::put);
    TrainingOverlap overlap = TrainingOverlap.of(model, e);
    ObjectNode o = root.putObject("trainingOverlap");
    o.put("checked", overlap.checked());
    o.put("examples", overlap.found());
    o.put("expectedByChance", overlap.expected());
    o.put("warning", overlap.warning().orElse(null));
    ArrayNode wrong = root.putArray("misclassified");
    for (Evaluation.Misclassified m : e.misclassified()) {
      ObjectNode row = wrong.addObject();
      row.put("source", m.source());
      row.put("title", m.title());
      row.put("label", m.label());
      row.put("predicted", m.predicted());
      row.put("score", m.score());
    }
    return root;
  }

  private static void averages(ObjectNode node, double precision, double recall, double f1) {
    node.put("precision", precision);
    node.put("recall", recall);
    node.put("f1", f1);
  }

  private static ObjectNode model(TopicClassifier model, String name) {
    ObjectNode node = RecordPrinter.JSON.createObjectNode();
    node.put("name", name);
    node.put("kind", ModelFacts.kind(model));
    ArrayNode labels = node.putArray("labels");
    model.labels().forEach(labels::add);
    ModelProvenance p = model.provenance().orElse(null);
    if (p == null) {
      node.putNull("provenance");
      return node;
    }
    ObjectNode prov = node.putObject("provenance");
    ObjectNode perLabel = prov.putObject("examplesPerLabel");
    p.examplesPerLabel().forEach(perLabel::put);
    prov.put("examples", p.examples());
    prov.put("features", p.featureCount());
    prov.put("learner", p.learner().toString());
    prov.put("pipeline", p.pipeline().toString());
    prov.put("seed", p.seed());
    prov.put("threads", p.threads());
    prov.put("libraryVersion", p.libraryVersion());
    prov.put("opennlpVersion", p.opennlpVersion());
    prov.put("javaVersion", p.javaVersion());
    prov.put("dataSha256", p.dataSha256());
    prov.put("created", p.created().toString());
    return node;
  }
}
