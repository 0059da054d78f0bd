package org.newsdesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class NewsParseExceptionTest {

  @Test
  void aDeserializedExceptionKeepsWhereAndWhatWentWrong() throws Exception {
    NewsParseException thrown;
    try (NewsReader reader = NewsReader.ofString("A\n\nA\n\nBody\n\nstray\n")) {
      thrown = org.junit.jupiter.api.Assertions.assertThrows(NewsParseException.class,
          () -> reader.stream().toList());
    }

    NewsParseException back = roundTrip(thrown);

    assertThat(back.getMessage()).isEqualTo(thrown.getMessage());
    assertThat(back.source()).isEqualTo(NewsReader.STRING_SOURCE);
    assertThat(back.line()).isEqualTo(7);
    assertThat(back.column()).isEqualTo(1);
    assertThat(back.kind()).isEqualTo(Diagnostic.Kind.STRAY_LINE);
    assertThat(back.diagnostic()).isEqualTo(thrown.diagnostic());
  }

  static NewsParseException roundTrip(NewsParseException e)
      throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(e);
    }
    try (ObjectInputStream in = new ObjectInputStream(
        new ByteArrayInputStream(bytes.toByteArray()))) {
      return (NewsParseException) in.readObject();
    }
  }
}
