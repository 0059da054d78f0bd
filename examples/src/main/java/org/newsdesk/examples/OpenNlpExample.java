package org.newsdesk.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizer;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.tokenize.WhitespaceTokenizer;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;
import org.newsdesk.classifier.Evaluation;
import org.newsdesk.classifier.LabeledText;
import org.newsdesk.classifier.Prediction;
import org.newsdesk.classifier.TopicClassifier;
import org.newsdesk.core.NewsReader;

/**
 * Apache OpenNLP interoperability, both ways: an OpenNLP doccat model file used as a Newsdesk
 * classifier (predictions, evaluation), and a Newsdesk classifier handed to code written for
 * OpenNLP's {@code DocumentCategorizer}.
 *
 * <p>Run: {@code java -cp examples/target/newsdesk-examples.jar org.newsdesk.examples.OpenNlpExample
 * [LABELED_FILE [DOCCAT_MODEL]]}: the labeled digest (default: the built-in model's seed articles,
 * {@code classifier/corpus/seeds.txt}) and an OpenNLP doccat model file (default {@code
 * doccat.bin}); if that file does not exist, plain OpenNLP trains one on the labeled digest.
 */
public final class OpenNlpExample {
  private OpenNlpExample() {}

  /**
   * Entry point.
   *
   * @param args a labeled digest, then an OpenNLP doccat model file
   * @throws IOException if a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    Path labeled = Path.of(args.length > 0 ? args[0] : "classifier/corpus/seeds.txt");
    Path doccatModelFile = Path.of(args.length > 1 ? args[1] : "doccat.bin");
    List<LabeledText> examples =
        NewsReader.readAll(labeled).stream().map(LabeledText::from).toList();
    if (!Files.exists(doccatModelFile)) {
      trainWithOpenNlp(examples).serialize(doccatModelFile);
    }
    // tag::opennlp[]
    // An OpenNLP doccat model file (from DoccatTrainer or DocumentCategorizerME.train) is
    // recognised by its content; it scores a text as OpenNLP's Doccat tool does.
    TopicClassifier opennlp = TopicClassifier.load(doccatModelFile);
    Prediction p = opennlp.predict("Customs seize counterfeit watches at the port", "");
    System.out.println("OpenNLP model: " + p.label() + " " + p.topK(2));
    Evaluation e = Evaluation.evaluate(opennlp, examples);
    System.out.printf("OpenNLP model accuracy: %.3f%n", e.accuracy());

    // A Newsdesk classifier where OpenNLP code expects a DocumentCategorizer.
    DocumentCategorizer categorizer = TopicClassifier.builtIn().asDocumentCategorizer();
    String[] tokens = {"Customs", "seize", "counterfeit", "watches", "at", "the", "port"};
    double[] scores = categorizer.categorize(tokens);
    System.out.println("built-in model: " + categorizer.getBestCategory(scores));
    // end::opennlp[]
  }

  /** Plain OpenNLP doccat: whitespace tokens, bag of words, its default GIS training. */
  private static DoccatModel trainWithOpenNlp(List<LabeledText> examples) throws IOException {
    List<DocumentSample> samples = new ArrayList<>();
    for (LabeledText t : examples) {
      String text = t.title() + " " + t.body();
      samples.add(new DocumentSample(t.label(), WhitespaceTokenizer.INSTANCE.tokenize(text)));
    }
    TrainingParameters params = TrainingParameters.defaultParams();
    params.put(TrainingParameters.CUTOFF_PARAM, 1);
    return DocumentCategorizerME.train(
        "en", new CollectionObjectStream<>(samples), params, new DoccatFactory());
  }
}
