package org.newsdesk.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.GlobFilter;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Finds the files a read names, on the driver: each path's glob resolved, directories listed (their
 * subdirectories too with {@code recursiveFileLookup}), names Spark's file sources skip left out,
 * the files of each given path sorted by path and kept if {@code pathGlobFilter} accepts them.
 *
 * <p>Paths and directories are listed several at a time (one level of the directory tree per
 * round, at most {@value #THREADS} calls in flight), as Spark's own file sources list many paths
 * in parallel: on an object store each listing is a round trip of tens of milliseconds, so a
 * year of daily directories listed one after another would take minutes.
 */
final class FileListing {

  /** Listing calls in flight at most. */
  static final int THREADS = 16;

  private FileListing() {}

  /** A directory to list, for the given path it was found under. */
  private record Dir(int owner, FileSystem fs, Path path) {}

  /** Files named by the paths (globs allowed), sorted by path within each; directories listed. */
  static List<FileStatus> list(ReadOptions options, Configuration conf) throws IOException {
    if (options.paths.isEmpty()) {
      throw new IllegalArgumentException("newsdesk: no path given; use load(path, ...)");
    }
    List<String> names = options.paths;
    List<FileStatus[]> matches = map(names, name -> glob(new Path(name), conf));
    List<List<FileStatus>> found = new ArrayList<>();
    List<Dir> level = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      found.add(new ArrayList<>());
      FileSystem fs = new Path(names.get(i)).getFileSystem(conf);
      for (FileStatus match : matches.get(i)) {
        if (match.isDirectory()) {
          level.add(new Dir(i, fs, match.getPath()));
        } else {
          found.get(i).add(match);
        }
      }
    }
    while (!level.isEmpty()) {
      List<List<FileStatus>> children = map(level, dir -> children(dir.fs(), dir.path()));
      List<Dir> next = new ArrayList<>();
      for (int d = 0; d < level.size(); d++) {
        Dir dir = level.get(d);
        for (FileStatus child : children.get(d)) {
          if (hidden(child.getPath())) {
            continue;
          }
          if (!child.isDirectory()) {
            found.get(dir.owner()).add(child);
          } else if (options.recursive) {
            next.add(new Dir(dir.owner(), dir.fs(), child.getPath()));
          }
        }
      }
      level = next;
    }
    GlobFilter filter =
        options.pathGlobFilter == null ? null : new GlobFilter(options.pathGlobFilter);
    List<FileStatus> files = new ArrayList<>();
    for (List<FileStatus> ofPath : found) {
      ofPath.sort(Comparator.comparing(f -> f.getPath().toString()));
      for (FileStatus f : ofPath) {
        if (filter == null || filter.accept(f.getPath())) {
          files.add(f);
        }
      }
    }
    return files;
  }

  private static FileStatus[] glob(Path path, Configuration conf) throws IOException {
    FileSystem fs = path.getFileSystem(conf);
    FileStatus[] matches = fs.globStatus(path);
    if (matches == null || matches.length == 0) {
      throw new FileNotFoundException("newsdesk: path does not exist: " + fs.makeQualified(path));
    }
    return matches;
  }

  /**
   * A directory's entries, with {@code listLocatedStatus}, which on HDFS returns each file's block
   * locations with the listing (one call per directory, not one more per file). The local file
   * system is listed with {@code listStatus}: its {@code listLocatedStatus} asks each file for
   * its permissions, which without Hadoop's native library starts an {@code ls} process per
   * file, and its block locations cost nothing to compute afterwards.
   */
  private static List<FileStatus> children(FileSystem fs, Path dir) throws IOException {
    RemoteIterator<? extends FileStatus> it =
        "file".equals(fs.getUri().getScheme())
            ? fs.listStatusIterator(dir)
            : fs.listLocatedStatus(dir);
    List<FileStatus> out = new ArrayList<>();
    while (it.hasNext()) {
      out.add(it.next());
    }
    return out;
  }

  /** Spark's file sources skip these names in directories (work files, markers). */
  private static boolean hidden(Path path) {
    String name = path.getName();
    return name.startsWith("_") || name.startsWith(".") || name.endsWith("._COPYING_");
  }

  /** A listing call. */
  interface Call<T, R> {
    R apply(T item) throws IOException;
  }

  /**
   * Applies {@code call} to every item, up to {@value #THREADS} at a time, and returns the results
   * in the items' order. If calls fail, the failure of the first failing item is thrown (as the
   * one-after-another loop would throw it); one item is handled on this thread.
   */
  static <T, R> List<R> map(List<T> items, Call<T, R> call) throws IOException {
    List<R> out = new ArrayList<>(items.size());
    if (items.size() <= 1) {
      for (T item : items) {
        out.add(call.apply(item));
      }
      return out;
    }
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(THREADS, items.size()),
            task -> {
              Thread t = new Thread(task, "newsdesk-listing-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<R>> results = new ArrayList<>(items.size());
      for (T item : items) {
        results.add(pool.submit(() -> call.apply(item)));
      }
      for (Future<R> result : results) {
        out.add(get(result));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static <R> R get(Future<R> result) throws IOException {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("newsdesk: interrupted while listing files");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IOException(cause);
    }
  }
}
