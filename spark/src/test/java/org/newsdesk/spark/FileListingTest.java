package org.newsdesk.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileListingTest {

  @TempDir static Path root;

  @BeforeAll
  static void tree() throws IOException {
    for (String name :
        List.of(
            "b.txt",
            "a.txt",
            "notes.md",
            "_hidden.txt",
            ".dot.txt",
            "copying.txt._COPYING_",
            "sub/c.txt",
            "sub/deeper/d.txt",
            "sub/_SUCCESS",
            "_tmp/e.txt",
            "other/f.txt")) {
      Path file = root.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, "T\n\nT\n\nbody\n");
    }
  }

  /** The files listed for these options and paths, relative to the tree's root. */
  private static List<String> list(Map<String, String> options, String... paths)
      throws IOException {
    Map<String, String> all = new HashMap<>(options);
    List<String> quoted = new ArrayList<>();
    for (String p : paths) {
      quoted.add("\"" + root.resolve(p).toString().replace("\\", "\\\\") + "\"");
    }
    all.put("paths", "[" + String.join(",", quoted) + "]");
    ReadOptions read = new ReadOptions(new CaseInsensitiveStringMap(all), name -> null);
    List<String> out = new ArrayList<>();
    for (FileStatus f : FileListing.list(read, new Configuration())) {
      out.add(root.toUri().relativize(f.getPath().toUri()).getPath());
    }
    return out;
  }

  @Test
  void listsAsSparksFileSourcesDo() throws IOException {
    // names starting with _ or . and unfinished copies are skipped; sorted by path
    assertThat(list(Map.of(), ".")).containsExactly("a.txt", "b.txt", "notes.md");
    assertThat(list(Map.of("recursiveFileLookup", "true"), "."))
        .containsExactly("a.txt", "b.txt", "notes.md", "other/f.txt", "sub/c.txt",
            "sub/deeper/d.txt");
    assertThat(list(Map.of("recursiveFileLookup", "true", "pathGlobFilter", "*.txt"), "."))
        .containsExactly("a.txt", "b.txt", "other/f.txt", "sub/c.txt", "sub/deeper/d.txt");
  }

  @Test
  void keepsTheOrderOfThePathsGivenAndSortsWithinEach() throws IOException {
    assertThat(list(Map.of("recursiveFileLookup", "true"), "sub", "b.txt", "other", "a.txt"))
        .containsExactly("sub/c.txt", "sub/deeper/d.txt", "b.txt", "other/f.txt", "a.txt");
    assertThat(list(Map.of(), "s*")).containsExactly("sub/c.txt");
  }

  @Test
  void aMissingPathIsNamedTheFirstOneInTheOrderGiven() {
    assertThatThrownBy(() -> list(Map.of(), "a.txt", "missing-1", "sub", "missing-2"))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining("path does not exist")
        .hasMessageContaining("missing-1");
  }

  @Test
  void mapRunsCallsAtTheSameTimeAndKeepsTheOrder() throws IOException {
    // every call waits until four are in flight at once: a one-at-a-time loop would time out
    CountDownLatch started = new CountDownLatch(4);
    List<Integer> items = List.of(0, 1, 2, 3, 4, 5, 6, 7);
    List<String> results =
        FileListing.map(
            items,
            i -> {
              started.countDown();
              try {
                return started.await(30, TimeUnit.SECONDS) ? "item " + i : "alone";
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(results)
        .containsExactly("item 0", "item 1", "item 2", "item 3", "item 4", "item 5", "item 6",
            "item 7");
  }

  @Test
  void mapThrowsTheFailureOfTheFirstFailingItem() {
    List<Integer> items = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThatThrownBy(
            () ->
                FileListing.map(
                    items,
                    i -> {
                      if (i == 3 || i == 7) {
                        throw new FileNotFoundException("item " + i);
                      }
                      return i;
                    }))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessage("item 3");
    assertThatThrownBy(
            () ->
                FileListing.map(
                    items,
                    i -> {
                      if (i == 5) {
                        throw new IllegalArgumentException("item " + i);
                      }
                      return i;
                    }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("item 5");
  }

  @Test
  void mapHandlesOneItemOnTheCallingThread() throws IOException {
    Thread caller = Thread.currentThread();
    assertThat(FileListing.map(List.of("x"), x -> Thread.currentThread() == caller))
        .containsExactly(true);
    assertThat(FileListing.map(List.<String>of(), x -> x)).isEmpty();
  }
}
