package org.newsdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's README.md, for tests that keep it honest (its commands, snippets and links are
 * checked against the code by the modules they describe).
 */
public final class Readme {

  private Readme() {}

  /**
   * Returns the project's root directory: the nearest directory at or above the working directory
   * (a module directory when Maven runs the tests) that holds README.md and a {@code .ci} folder.
   *
   * @return the root directory, absolute
   */
  public static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("README.md")) && Files.isDirectory(d.resolve(".ci"))) {
        return d;
      }
    }
    throw new IllegalStateException("no project root (README.md and .ci/) above " + dir);
  }

  /**
   * Returns the README's text.
   *
   * @return the contents of README.md
   */
  public static String text() {
    try {
      return Files.readString(root().resolve("README.md"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the contents of every fenced code block of one language, in order.
   *
   * @param language the fence's info string, e.g. {@code java} or {@code bash}
   * @return each block's text, ending with a newline
   */
  public static List<String> blocks(String language) {
    List<String> blocks = new ArrayList<>();
    Matcher m =
        Pattern.compile("```" + Pattern.quote(language) + "\\n(.*?)```", Pattern.DOTALL)
            .matcher(text());
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }
}
