package org.newsdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.newsdesk.core.AtomicFiles;
import org.newsdesk.core.NewsFormat;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: checking option values before any input is read, reading PATH
 * arguments, reporting bad input as {@code source:line: message} with exit code 1, reporting a
 * failed standard output, and closing with the {@code N articles, M diagnostics} summary line on
 * standard error.
 */
abstract class InputCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand NewsdeskCli parent;
  @Mixin ReadOptions read;

  /** Does the command's work on the opened inputs; returns the exit code. */
  abstract int run(Inputs inputs) throws Exception;

  /**
   * Checks option values and builds the library objects they configure, before any input is
   * opened. A bad value is a usage error (exit code 2): use {@link #library} for values the library
   * checks, {@link Usage#range} for the CLI's own.
   */
  void configure() {}

  /**
   * The files the command writes, by option name; none may be one of the inputs (checked before
   * any input is read).
   */
  Map<String, Path> outputs() {
    return Map.of();
  }

  /**
   * The files the command reads besides the PATH arguments (a model), by option name; no output
   * may be one of them either.
   */
  Map<String, Path> otherInputs() {
    return Map.of();
  }

  /**
   * What to change when the heap runs out, after "raise the heap (java -Xmx)": by default how to
   * do that with this command; a command whose memory also depends on its options says which.
   */
  String outOfMemoryHint() {
    return "with newsdesk: java -Xmx1g -jar newsdesk.jar " + spec.name() + " ...";
  }

  /** A usage error (exit code 2). */
  CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  /** A library call with an option's value; the library's IllegalArgumentException is a usage error. */
  <T> T library(String option, Supplier<T> call) {
    return Usage.library(spec, option, call);
  }

  @Override
  public final Integer call() throws Exception {
    checkPaths();
    NewsFormat format = format();
    configure();
    Inputs inputs;
    try {
      inputs = new Inputs(read.paths, parent.stdin(), format, read.input, err());
    } catch (InputException e) {
      err().println(Messages.escape(e.getMessage()));
      return NewsdeskCli.EXIT_BAD_INPUT;
    }
    try (inputs) {
      int code;
      try {
        checkOutputs(inputs);
        code = run(inputs);
      } catch (OutputFailedException e) {
        code = NewsdeskCli.EXIT_BAD_INPUT;
      } catch (OutOfMemoryError e) {
        // what ran out is garbage now that run() has returned: room to say so in one line
        out().flush();
        err().println(
            Messages.escape(
                Messages.outOfMemory("cannot " + spec.name(), e, outOfMemoryHint())));
        code = NewsdeskCli.EXIT_BAD_INPUT;
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
      if (parent.stdout().failed()) {
        if (!parent.reportStdout(err())) {
          return NewsdeskCli.EXIT_BAD_INPUT; // nobody is listening: no message, no summary
        }
        code = NewsdeskCli.EXIT_BAD_INPUT;
      }
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

  /**
   * Checks every output before any input is read. Writing over an input would destroy it ({@code
   * train --out data.txt data.txt}, {@code evaluate --model m.bin --html m.bin}): a usage error.
   * So is an output that names something other than a regular file (a directory, a device such as
   * {@code /dev/null}, a named pipe), which the library refuses to replace. An output whose file
   * cannot be created (no such directory, no permission) is bad input, said before hours of
   * training: the library's {@link AtomicFiles#checkWritable} creates and deletes the temporary
   * file a save would create.
   */
  private void checkOutputs(Inputs inputs) throws IOException {
    for (Map.Entry<String, Path> output : outputs().entrySet()) {
      String option = output.getKey();
      Path file = output.getValue();
      if (inputs.reads(file)) {
        throw Usage.invalid(
            spec, option, file + " is also an input; writing it would destroy that input");
      }
      for (Map.Entry<String, Path> input : otherInputs().entrySet()) {
        Path read = input.getValue();
        if (Files.exists(file) && Files.exists(read) && Files.isSameFile(file, read)) {
          throw Usage.invalid(
              spec,
              option,
              file + " is also an input (" + input.getKey() + " " + read
                  + "); writing it would destroy that input");
        }
      }
      try {
        AtomicFiles.checkWritable(file);
      } catch (IOException e) {
        if (Files.exists(file) && !Files.isRegularFile(file)) { // refused whatever the rights
          throw Usage.invalid(spec, option, Messages.ioError(e));
        }
        throw new InputException(Messages.ioError(e), e);
      }
    }
  }

  /** CLI default is lenient: report problems and carry on. */
  private NewsFormat format() {
    NewsFormat.Builder b = NewsFormat.LENIENT.toBuilder().strict(read.strict);
    if (read.charset != null) {
      b.charset(library("--charset", () -> charset(read.charset)));
    }
    if (read.datePattern != null) {
      return library("--date-pattern", () -> b.datePattern(read.datePattern).build());
    }
    return b.build();
  }

  private static Charset charset(String name) {
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) { // illegal or unsupported name
      throw new IllegalArgumentException("unknown charset '" + name + "'", e);
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

  /** Standard output as bytes: the stream {@link #out()} writes UTF-8 to. */
  Output stdout() {
    return parent.stdout();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
