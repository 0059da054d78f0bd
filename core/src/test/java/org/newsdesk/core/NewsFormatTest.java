package org.newsdesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class NewsFormatTest {

  @Test
  void presetsHaveTheDocumentedSettings() {
    assertThat(NewsFormat.DEFAULT.strict()).isTrue();
    assertThat(NewsFormat.DEFAULT.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(NewsFormat.DEFAULT.datePattern()).isEqualTo("MM/dd/yyyy");
    assertThat(NewsFormat.DEFAULT.maxLineLength()).isEqualTo(1 << 20);
    assertThat(NewsFormat.DEFAULT.maxRecordLength()).isEqualTo(4 << 20);
    assertThat(NewsFormat.DEFAULT.maxDiagnostics()).isEqualTo(1000);
    assertThat(NewsFormat.LENIENT.strict()).isFalse();
    assertThat(NewsFormat.LENIENT).isEqualTo(NewsFormat.DEFAULT.toBuilder().strict(false).build());
    assertThat(NewsFormat.builder().build()).isEqualTo(NewsFormat.DEFAULT)
        .hasSameHashCodeAs(NewsFormat.DEFAULT);
  }

  @Test
  void builderCopiesAndDoesNotChangeTheOriginal() {
    Consumer<Diagnostic> listener = d -> { };
    NewsFormat custom = NewsFormat.DEFAULT.toBuilder()
        .charset(StandardCharsets.ISO_8859_1)
        .strict(false)
        .datePattern("dd.MM.yyyy")
        .maxLineLength(100)
        .maxRecordLength(300)
        .maxDiagnostics(5)
        .onDiagnostic(listener)
        .build();

    assertThat(custom.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
    assertThat(custom.strict()).isFalse();
    assertThat(custom.datePattern()).isEqualTo("dd.MM.yyyy");
    assertThat(custom.maxLineLength()).isEqualTo(100);
    assertThat(custom.maxRecordLength()).isEqualTo(300);
    assertThat(custom.maxDiagnostics()).isEqualTo(5);
    assertThat(custom.onDiagnostic()).isSameAs(listener);
    assertThat(custom.toBuilder().build()).isEqualTo(custom);
    assertThat(custom).isNotEqualTo(NewsFormat.DEFAULT);
    assertThat(NewsFormat.DEFAULT.strict()).isTrue();
    assertThat(custom.toString()).contains("lenient", "ISO-8859-1", "dd.MM.yyyy");
  }

  @Test
  void invalidSettingsAreRejected() {
    assertThatThrownBy(() -> NewsFormat.builder().datePattern("MM/dd/yyyy {").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("date pattern");
    assertThatThrownBy(() -> NewsFormat.builder().datePattern(" ").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("date pattern");
    assertThatThrownBy(() -> NewsFormat.builder().maxLineLength(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxLineLength");
    assertThatThrownBy(() -> NewsFormat.builder().maxRecordLength(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NewsFormat.builder().maxDiagnostics(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NewsFormat.builder().charset(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void parseStringUsesTheFormat() {
    List<Diagnostic> seen = new ArrayList<>();
    NewsFormat format = NewsFormat.LENIENT.toBuilder().onDiagnostic(seen::add).build();
    try (NewsReader reader = format.parse("stray\n\nT\n\nT\n\nB")) {
      assertThat(reader.stream().map(Article::title)).containsExactly("T");
      assertThat(seen).hasSize(1);
      assertThat(seen.get(0).kind()).isEqualTo(Diagnostic.Kind.STRAY_LINE);
      assertThat(reader.format()).isSameAs(format);
    }
  }
}
