package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsdesk.classifier.Prediction;
import org.newsdesk.classifier.TopicClassifier;
import org.newsdesk.core.Article;
import org.newsdesk.core.NewsReader;

/** {@code classify --model} with an OpenNLP doccat model file, recognised by its content. */
class ClassifyWithDoccatModelTest {

  @Test
  void classifiesWithAnOpenNlpDoccatModelAsTheLibraryDoes() throws IOException {
    TopicClassifier doccat = TopicClassifier.load(DoccatModelFile.file());
    Cli.Result r =
        Cli.run(
            "classify",
            "--model",
            DoccatModelFile.file().toString(),
            "--format",
            "jsonl",
            Cli.SAMPLES.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<Article> articles = NewsReader.readAll(Cli.SAMPLES);
    List<String> lines = r.outLines();
    assertThat(lines).hasSize(articles.size());
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < lines.size(); i++) {
      JsonNode record = json.readTree(lines.get(i));
      Prediction expected = doccat.predict(articles.get(i));
      assertThat(record.get("topic").asText()).isEqualTo(expected.label());
      assertThat(record.get("score").asDouble()).isEqualTo(expected.score());
      assertThat(doccat.labels()).contains(record.get("topic").asText());
    }
  }
}
