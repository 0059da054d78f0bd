package org.newsdesk.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs an example's {@code main} with System.out and System.err captured. */
final class Console {
  private Console() {}

  /** A main method that may throw. */
  interface Main {
    void run() throws Exception;
  }

  record Output(String out, String err) {}

  static synchronized Output capture(Main main) throws Exception {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      main.run();
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    return new Output(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
