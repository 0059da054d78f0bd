package org.newsdesk.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.concurrent.Callable;
import org.newsdesk.core.NewsFormat;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: reading PATH arguments, reporting bad input as {@code source:line:
 * message} with exit code 1, and closing with the {@code N articles, M diagnostics} summary line on
 * standard error.
 */
abstract class InputCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand NewsdeskCli parent;
  @Mixin ReadOptions read;

  /** Does the command's work on the opened inputs; returns the exit code. */
  abstract int run(Inputs inputs) throws Exception;

  /**
   * Checks option values before any input is opened; throws {@link CommandLine.ParameterException}
   * (exit code 2) for a bad one.
   */
  void validate() {}

  /** A usage error (exit code 2) about one option. */
  CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  @Override
  public final Integer call() throws Exception {
    validate();
    checkPaths();
    NewsFormat format = format();
    Inputs inputs;
    try {
      inputs = new Inputs(read.paths, parent.stdin(), format, err());
    } catch (InputException e) {
      err().println(Messages.escape(e.getMessage()));
      return NewsdeskCli.EXIT_BAD_INPUT;
    }
    try (inputs) {
      int code;
      try {
        code = run(inputs);
      } catch (OutputClosedException e) {
        return NewsdeskCli.EXIT_BAD_INPUT; // nobody is listening: no message, no summary
      } catch (Exception e) {
        String message = NewsdeskCli.describe(e);
        if (message == null) {
          throw e;
        }
        out().flush();
        err().println(message);
        code = NewsdeskCli.EXIT_BAD_INPUT;
      }
      out().flush();
      err().println(Messages.summary(inputs.articleCount(), inputs.diagnosticCount()));
      err().flush();
      return code;
    }
  }

  /** Reading {@code -} consumes and closes standard input, so a second {@code -} cannot work. */
  private void checkPaths() {
    long dashes = read.paths.stream().filter(p -> p.equals("-")).count();
    if (dashes > 1) {
      throw usage(
          "Standard input (-) can be read only once, but was named " + dashes + " times");
    }
  }

  /** CLI default is lenient: report problems and carry on. */
  private NewsFormat format() {
    NewsFormat.Builder b = NewsFormat.LENIENT.toBuilder().strict(read.strict);
    if (read.charset != null) {
      b.charset(charset(read.charset));
    }
    if (read.datePattern != null) {
      try {
        b.datePattern(read.datePattern);
        return b.build();
      } catch (IllegalArgumentException e) {
        throw usage(
            "Invalid value for option '--date-pattern': "
                + read.datePattern
                + ": "
                + e.getMessage());
      }
    }
    return b.build();
  }

  private Charset charset(String name) {
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) { // illegal or unsupported name
      throw usage("Invalid value for option '--charset': unknown charset '" + name + "'");
    }
  }

  /** Prints a multi-line text block, ending it with exactly one line break. */
  void printBlock(Object block) {
    String text = block.toString();
    // Labels come from the data: their control characters are escaped as in the table.
    for (String line : text.split("(?<=\n)")) {
      String end = line.endsWith("\r\n") ? "\r\n" : line.endsWith("\n") ? "\n" : "";
      out().print(Messages.escape(line.substring(0, line.length() - end.length())) + end);
    }
    if (!text.endsWith("\n")) {
      out().println();
    }
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
