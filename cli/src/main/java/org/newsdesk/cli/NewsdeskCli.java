package org.newsdesk.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.newsdesk.core.NewsParseException;
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
      CommandLine.HelpCommand.class
    })
public final class NewsdeskCli implements Runnable {

  /** Exit code for bad input: strict parse failure, unreadable file, bad model. */
  public static final int EXIT_BAD_INPUT = 1;

  /** Exit code for a usage error (unknown option, bad option value). */
  public static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final InputStream stdin;

  /**
   * Creates the command reading {@code -} from the given stream.
   *
   * @param stdin what the path {@code -} reads
   */
  public NewsdeskCli(InputStream stdin) {
    this.stdin = stdin;
  }

  /** Without a subcommand: show usage and fail as a usage error. */
  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
  }

  InputStream stdin() {
    return stdin;
  }

  /**
   * Builds the configured command line (case-insensitive enum values; exit codes and error messages
   * come from the subcommands). Tests call this with their own streams and {@link
   * CommandLine#setOut}/{@link CommandLine#setErr}.
   *
   * @param stdin what the path {@code -} reads
   * @return the command line, ready to {@link CommandLine#execute(String...) execute}
   */
  public static CommandLine commandLine(InputStream stdin) {
    CommandLine cli = new CommandLine(new NewsdeskCli(stdin));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }

  /**
   * Runs the tool and exits the JVM with its exit code.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    CommandLine cli = commandLine(System.in);
    // Block-buffered UTF-8: large outputs must not flush per line, and must not depend on the
    // platform charset. The raw descriptor, unlike System.out, reports a closed pipe.
    cli.setOut(
        new PrintWriter(
            new BufferedWriter(
                new OutputStreamWriter(
                    new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
                1 << 16)));
    cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    int code = cli.execute(args);
    cli.getOut().flush();
    cli.getErr().flush();
    System.exit(code);
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
