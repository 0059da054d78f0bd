package org.newsdesk.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsdesk.classifier.TopicClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsdesk info}: what a model is and how it was made, from the provenance the library
 * saves with it. Only prints: every fact comes from {@link ModelFacts}.
 */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    versionProvider = NewsdeskCli.Version.class,
    description = {
      "Show what a model is and how it was made.",
      "Its kind, labels, examples per label, features, settings, versions, data hash and size.",
      "MODEL is a file saved by `newsdesk train`, an OpenNLP doccat model file (which records"
          + " only its labels), or `builtin` for the built-in model."
    })
final class InfoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "MODEL",
      description = "A model file (Newsdesk or OpenNLP doccat), or builtin.")
  String model;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean builtIn = model.equals("builtin");
    TopicClassifier classifier;
    long size;
    try {
      ModelOption option = new ModelOption();
      option.file = builtIn ? null : Path.of(model);
      classifier = option.load();
      size = builtIn ? savedSize(classifier) : Files.size(option.file);
    } catch (InputException e) {
      err.println(Messages.escape(e.getMessage()));
      return NewsdeskCli.EXIT_BAD_INPUT;
    } catch (IOException e) {
      err.println(Messages.ioError(e));
      return NewsdeskCli.EXIT_BAD_INPUT;
    } catch (OutOfMemoryError e) {
      err.println(
          Messages.escape(
              Messages.outOfMemory(
                  "cannot read the model",
                  e,
                  "with newsdesk: java -Xmx1g -jar newsdesk.jar info ...")));
      return NewsdeskCli.EXIT_BAD_INPUT;
    }
    // the labels and settings come from the file: each value is escaped before it is laid out,
    // so that a line break in one cannot start a line of its own
    StringBuilder s = new StringBuilder();
    row(s, "model", builtIn ? "built-in model" : model);
    row(s, "size", String.format(Locale.ROOT, "%,d bytes", size));
    for (ModelFacts.Fact fact : ModelFacts.of(classifier)) {
      row(s, fact.name(), fact.value());
      Map<String, Integer> perLabel = ModelFacts.perLabel(classifier);
      if (fact.name().equals("labels") && !perLabel.isEmpty()) {
        int width =
            perLabel.keySet().stream().mapToInt(l -> Messages.escape(l).length()).max().orElse(0);
        perLabel.forEach(
            (label, n) ->
                s.append("  ")
                    .append(
                        String.format(
                            Locale.ROOT, "%-" + width + "s  %,d", Messages.escape(label), n))
                    .append(n == 1 ? " example\n" : " examples\n"));
      }
    }
    out.print(s);
    return 0;
  }

  private static void row(StringBuilder s, String name, String value) {
    s.append(String.format(Locale.ROOT, "%-12s %s%n", name + ":", Messages.escape(value)));
  }

  /** The size of the model as {@code train} would save it. */
  private static long savedSize(TopicClassifier classifier) throws IOException {
    long[] n = {0};
    classifier.save(
        new OutputStream() {
          @Override
          public void write(int b) {
            n[0]++;
          }

          @Override
          public void write(byte[] b, int off, int len) {
            n[0] += len;
          }
        });
    return n[0];
  }
}
