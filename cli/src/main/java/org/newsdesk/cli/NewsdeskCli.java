package org.newsdesk.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.newsdesk.core.NewsParseException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * The {@code newsdesk} command: parse, classify, train, evaluate and deduplicate news digests.
 *
 * <p>Exit codes: 0 success, 1 bad input (strict parse failure, unreadable file, bad model), 2 usage
 * error. Results go to standard output; diagnostics, errors, progress and the closing summary line
 * go to standard error.
 */
@Command(
    name = "newsdesk",
    mixinStandardHelpOptions = true,
    versionProvider = NewsdeskCli.Version.class,
    description =
        "Parse, classify, train, evaluate and deduplicate title-repeated-paragraph news digests.",
    subcommands = {
      ParseCommand.class,
      ClassifyCommand.class,
      TrainCommand.class,
      EvaluateCommand.class,
      DedupeCommand.class,
      InfoCommand.class,
      AutoComplete.GenerateCompletion.class,
      CommandLine.HelpCommand.class
    })
public final class NewsdeskCli implements Runnable {

  /** Exit code for bad input: strict parse failure, unreadable file, bad model. */
  public static final int EXIT_BAD_INPUT = 1;

  /** Exit code for a usage error (unknown option, bad option value). */
  public static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final InputStream stdin;
  private final Output stdout;
  private boolean stdoutReported;

  private NewsdeskCli(InputStream stdin, Output stdout) {
    this.stdin = stdin;
    this.stdout = stdout;
  }

  /** Without a subcommand: show usage and fail as a usage error. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
  }

  InputStream stdin() {
    return stdin;
  }

  Output stdout() {
    return stdout;
  }

  /**
   * Reports a failed standard output once: {@code <stdout>: reason} on standard error, unless the
   * reader simply stopped reading. Returns whether a message was printed.
   */
  boolean reportStdout(PrintWriter err) {
    if (stdoutReported || !stdout.failed()) {
      return false;
    }
    stdoutReported = true;
    if (stdout.readerGone()) {
      return false;
    }
    err.println(Messages.escape(stdout.describe()));
    return true;
  }

  /**
   * Builds the configured command line (case-insensitive enum values; exit codes and error messages
   * come from the subcommands) on the given streams: results go to {@code stdout} (UTF-8, block
   * buffered), messages to {@code stderr} (UTF-8, flushed per line).
   */
  static CommandLine commandLine(InputStream stdin, OutputStream stdout, OutputStream stderr) {
    CommandLine cli = new CommandLine(new NewsdeskCli(stdin, new Output(stdout, Output.STDOUT)));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(NewsdeskCli::usageError);
    NewsdeskCli app = cli.getCommand();
    // Block-buffered UTF-8: large outputs must not flush per line, and must not depend on the
    // platform charset.
    cli.setOut(
        new PrintWriter(
            new BufferedWriter(new OutputStreamWriter(app.stdout, StandardCharsets.UTF_8), 1 << 16)));
    cli.setErr(new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true));
    return cli;
  }

  /**
   * Runs the tool on the given streams and returns its exit code; {@link #main} with the process's
   * streams. A write error on standard output that no command has reported yet is reported here
   * and makes the exit code 1.
   */
  static int execute(String[] args, InputStream stdin, OutputStream stdout, OutputStream stderr) {
    CommandLine cli = commandLine(stdin, stdout, stderr);
    int code = cli.execute(args);
    cli.getOut().flush();
    NewsdeskCli app = cli.getCommand();
    boolean failed = app.stdout.failed();
    app.reportStdout(cli.getErr());
    cli.getErr().flush();
    return failed && code == 0 ? EXIT_BAD_INPUT : code;
  }

  /**
   * Runs the tool and exits the JVM with its exit code.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    // A descriptor closed at start must not be mistaken for whatever file the JVM opened there.
    InputStream stdin =
        Descriptors.closedAtStart(0) ? new Descriptors.ClosedInput() : System.in;
    // The raw descriptor, unlike System.out, reports write errors.
    OutputStream stdout =
        Descriptors.closedAtStart(1)
            ? new Descriptors.ClosedOutput()
            : new FileOutputStream(FileDescriptor.out);
    System.exit(execute(args, stdin, stdout, System.err));
  }

  /**
   * A usage error: the message, suggestions for a mistyped option or command, and one line pointing
   * at {@code --help} (not the whole usage, which would bury the message).
   */
  private static int usageError(CommandLine.ParameterException ex, String[] args) {
    CommandLine cli = ex.getCommandLine();
    PrintWriter err = cli.getErr();
    err.println(Messages.escape(ex.getMessage()));
    CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
    err.println(
        "Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.");
    return EXIT_USAGE;
  }

  /** The {@code source:line: message} text for a bad-input exception, or null for anything else. */
  static String describe(Throwable ex) {
    if (ex instanceof NewsParseException e) {
      return Messages.at(e.diagnostic());
    }
    if (ex instanceof InputException e) {
      return Messages.escape(e.getMessage());
    }
    if (ex instanceof UncheckedIOException e) {
      return Messages.ioError(e.getCause());
    }
    if (ex instanceof IOException e) {
      return Messages.ioError(e);
    }
    return null;
  }

  /** Reads the version filtered into {@code version.properties} at build time. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties props = new Properties();
      try (InputStream in = NewsdeskCli.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          props.load(in);
        }
      }
      return new String[] {
        "newsdesk " + props.getProperty("version", "unknown"),
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")"
      };
    }
  }
}
