package org.newsdesk.core;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How to read (and write) a title-repeated-paragraph digest: charset, strict or lenient
 * handling of malformed input, the date pattern of metadata lines, and limits that keep memory
 * bounded on hostile input. Immutable and thread-safe; derive variants with {@link #toBuilder()}.
 *
 * <pre>{@code
 * NewsFormat format = NewsFormat.LENIENT.toBuilder().datePattern("dd/MM/yyyy").build();
 * try (NewsReader reader = format.parse(Path.of("digest.txt"))) {
 *   reader.forEach(article -> System.out.println(article.title()));
 *   reader.diagnostics().forEach(System.err::println);
 * }
 * }</pre>
 */
public final class NewsFormat {

  /** The default maximum line length in bytes: 1 MiB. */
  public static final int DEFAULT_MAX_LINE_LENGTH = 1 << 20;

  /** The default maximum record length in bytes: 4 MiB. */
  public static final int DEFAULT_MAX_RECORD_LENGTH = 4 << 20;

  /** The default number of diagnostics a reader keeps: 1000. */
  public static final int DEFAULT_MAX_DIAGNOSTICS = 1000;

  private static final Consumer<Diagnostic> IGNORE = d -> { };

  /** Strict parsing of UTF-8 with dates as {@code MM/dd/yyyy}: the first problem throws. */
  public static final NewsFormat DEFAULT = new Builder().build();

  /** Like {@link #DEFAULT} but lenient: problems become diagnostics and parsing goes on. */
  public static final NewsFormat LENIENT = new Builder().strict(false).build();

  private final Charset charset;
  private final boolean strict;
  private final String datePattern;
  private final int maxLineLength;
  private final int maxRecordLength;
  private final int maxDiagnostics;
  private final Consumer<Diagnostic> onDiagnostic;
  private final MetadataParser metadata;

  private NewsFormat(Builder b) {
    this.charset = b.charset;
    this.strict = b.strict;
    this.datePattern = b.datePattern;
    this.maxLineLength = b.maxLineLength;
    this.maxRecordLength = b.maxRecordLength;
    this.maxDiagnostics = b.maxDiagnostics;
    this.onDiagnostic = b.onDiagnostic;
    this.metadata = new MetadataParser(b.datePattern);
  }

  /**
   * Returns a builder with the settings of {@link #DEFAULT}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder initialised with this format's settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Returns the charset of byte input and output.
   *
   * @return the charset, UTF-8 by default
   */
  public Charset charset() {
    return charset;
  }

  /**
   * Tells whether malformed input throws ({@code true}) or becomes a diagnostic.
   *
   * @return {@code true} for strict parsing
   */
  public boolean strict() {
    return strict;
  }

  /**
   * Returns the {@link java.time.format.DateTimeFormatter} pattern of metadata dates.
   *
   * @return the pattern, {@code MM/dd/yyyy} by default
   */
  public String datePattern() {
    return datePattern;
  }

  /**
   * Returns the longest line, in bytes without the line break, that the reader accepts. Longer
   * lines are skipped without being held in memory. For {@code Reader} and {@code String} input
   * the length counts UTF-8 bytes.
   *
   * @return the limit in bytes
   */
  public int maxLineLength() {
    return maxLineLength;
  }

  /**
   * Returns the longest record, in bytes of kept text, that the reader accepts; this bounds a
   * body spread over many lines.
   *
   * @return the limit in bytes
   */
  public int maxRecordLength() {
    return maxRecordLength;
  }

  /**
   * Returns how many diagnostics a reader keeps in {@link NewsReader#diagnostics()}; further
   * ones are still counted and passed to {@link #onDiagnostic()}.
   *
   * @return the limit
   */
  public int maxDiagnostics() {
    return maxDiagnostics;
  }

  /**
   * Returns the listener that receives every diagnostic as it is found.
   *
   * @return the listener; a no-op unless one was set
   */
  public Consumer<Diagnostic> onDiagnostic() {
    return onDiagnostic;
  }

  /**
   * Opens a file with this format; shorthand for {@link NewsReader#open(Path, NewsFormat)}.
   *
   * @param path the file to read
   * @return a reader that must be closed
   * @throws IOException if the file cannot be opened
   */
  public NewsReader parse(Path path) throws IOException {
    return NewsReader.open(path, this);
  }

  /**
   * Reads text with this format; shorthand for {@link NewsReader#ofString(String, NewsFormat)}.
   *
   * @param text the digest text
   * @return a reader
   */
  public NewsReader parse(String text) {
    return NewsReader.ofString(text, this);
  }

  MetadataParser metadata() {
    return metadata;
  }

  /**
   * Compares the settings; listeners are compared by identity.
   *
   * @param o the other object
   * @return {@code true} if both formats have the same settings
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof NewsFormat)) {
      return false;
    }
    NewsFormat f = (NewsFormat) o;
    return charset.equals(f.charset)
        && strict == f.strict
        && datePattern.equals(f.datePattern)
        && maxLineLength == f.maxLineLength
        && maxRecordLength == f.maxRecordLength
        && maxDiagnostics == f.maxDiagnostics
        && onDiagnostic == f.onDiagnostic;
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(charset, strict, datePattern, maxLineLength, maxRecordLength,
        maxDiagnostics, System.identityHashCode(onDiagnostic));
  }

  /**
   * Describes the settings.
   *
   * @return e.g. {@code NewsFormat[strict, UTF-8, MM/dd/yyyy, maxLineLength=1048576, ...]}
   */
  @Override
  public String toString() {
    return "NewsFormat[" + (strict ? "strict" : "lenient") + ", " + charset + ", " + datePattern
        + ", maxLineLength=" + maxLineLength + ", maxRecordLength=" + maxRecordLength
        + ", maxDiagnostics=" + maxDiagnostics + "]";
  }

  /** Fluent builder of {@link NewsFormat}; not thread-safe. */
  public static final class Builder {
    private Charset charset = StandardCharsets.UTF_8;
    private boolean strict = true;
    private String datePattern = "MM/dd/yyyy";
    private int maxLineLength = DEFAULT_MAX_LINE_LENGTH;
    private int maxRecordLength = DEFAULT_MAX_RECORD_LENGTH;
    private int maxDiagnostics = DEFAULT_MAX_DIAGNOSTICS;
    private Consumer<Diagnostic> onDiagnostic = IGNORE;

    private Builder() {}

    private Builder(NewsFormat f) {
      charset = f.charset;
      strict = f.strict;
      datePattern = f.datePattern;
      maxLineLength = f.maxLineLength;
      maxRecordLength = f.maxRecordLength;
      maxDiagnostics = f.maxDiagnostics;
      onDiagnostic = f.onDiagnostic;
    }

    /**
     * Sets the charset of byte input and output.
     *
     * @param value the charset
     * @return this builder
     */
    public Builder charset(Charset value) {
      charset = Objects.requireNonNull(value, "charset");
      return this;
    }

    /**
     * Chooses strict (throw at the first problem) or lenient (report and recover) parsing.
     *
     * @param value {@code true} for strict
     * @return this builder
     */
    public Builder strict(boolean value) {
      strict = value;
      return this;
    }

    /**
     * Sets the {@link java.time.format.DateTimeFormatter} pattern of metadata dates; it is
     * checked by {@link #build()}.
     *
     * @param value the pattern, e.g. {@code dd.MM.yyyy}
     * @return this builder
     */
    public Builder datePattern(String value) {
      datePattern = Objects.requireNonNull(value, "datePattern");
      return this;
    }

    /**
     * Sets the longest accepted line in bytes.
     *
     * @param value a positive limit
     * @return this builder
     */
    public Builder maxLineLength(int value) {
      maxLineLength = positive(value, "maxLineLength");
      return this;
    }

    /**
     * Sets the longest accepted record in bytes of kept text.
     *
     * @param value a positive limit
     * @return this builder
     */
    public Builder maxRecordLength(int value) {
      maxRecordLength = positive(value, "maxRecordLength");
      return this;
    }

    /**
     * Sets how many diagnostics a reader keeps.
     *
     * @param value a limit, 0 or more
     * @return this builder
     */
    public Builder maxDiagnostics(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("maxDiagnostics must be >= 0: " + value);
      }
      maxDiagnostics = value;
      return this;
    }

    /**
     * Sets a listener that receives every diagnostic as it is found (also the one that strict
     * mode throws). It runs on the thread that iterates the reader. An exception it throws
     * propagates from the reader and ends reading: the reader throws that exception again on
     * every later read (in strict mode with the {@link NewsParseException} it was about to throw
     * attached as {@linkplain Throwable#getSuppressed() suppressed}).
     *
     * @param value the listener, or {@code null} for none
     * @return this builder
     */
    public Builder onDiagnostic(Consumer<Diagnostic> value) {
      onDiagnostic = value == null ? IGNORE : value;
      return this;
    }

    /**
     * Builds the format.
     *
     * @return a new immutable format
     * @throws IllegalArgumentException if the date pattern is invalid or blank
     */
    public NewsFormat build() {
      return new NewsFormat(this);
    }

    private static int positive(int value, String name) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
      return value;
    }
  }
}
