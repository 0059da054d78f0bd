package org.newsdesk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.tokenize.WhitespaceTokenizer;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;
import org.newsdesk.core.Article;
import org.newsdesk.core.NewsReader;

/**
 * A small OpenNLP doccat model, trained once per test run by OpenNLP's own {@code
 * DocumentCategorizerME.train} on the labeled seed articles (title and body as whitespace tokens,
 * as OpenNLP's {@code Doccat} tool reads a line) and saved as an OpenNLP model file.
 */
final class DoccatModelFile {
  private static Path file;

  private DoccatModelFile() {}

  static synchronized Path file() {
    if (file == null) {
      try {
        List<DocumentSample> samples = new ArrayList<>();
        for (Article a : NewsReader.readAll(Cli.LABELED)) {
          String text = a.title() + " " + a.body();
          samples.add(
              new DocumentSample(
                  a.category().orElseThrow(), WhitespaceTokenizer.INSTANCE.tokenize(text)));
        }
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        DoccatModel model =
            DocumentCategorizerME.train(
                "en", new CollectionObjectStream<>(samples), params, new DoccatFactory());
        Path dir = Files.createTempDirectory("newsdesk-test-doccat");
        file = dir.resolve("seeds-doccat.bin");
        model.serialize(file);
        file.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return file;
  }
}
