package org.newsdesk.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.newsdesk.core.NewsFormat;
import org.newsdesk.core.RecordBoundary;

/**
 * Plans a read on the driver: lists the files ({@link FileListing}), cuts large splittable ones
 * into chunks of the size Spark's file sources use, counts the line breaks before each chunk (a
 * Spark job) when line numbers are needed, and packs the chunks into partitions ("next fit
 * decreasing", as Spark's {@code FilePartition} does). A file gone by the time planning opens it
 * fails the read, or with {@code ignoreMissingFiles} is left out and counted, as tasks do.
 * Written against Hadoop's and Spark's public APIs, so it follows Spark's rules rather than
 * calling its internal Scala classes.
 */
final class Planner {

  /**
   * What planning produced, with the cost of the line-counting pass and the files dropped
   * because they were gone when planning opened them ({@code ignoreMissingFiles}).
   */
  record Plan(List<NewsdeskPartition> partitions, long countedBytes, long countMillis,
      long missingFiles) {}

  /** What the line-counting task reports for a file that is gone (ignoreMissingFiles). */
  private static final long GONE = -1;

  private Planner() {}

  static Plan plan(SparkSession spark, ReadOptions options, Broadcast<HadoopConf> conf,
      boolean needLines) {
    try {
      Configuration hadoop = conf.value().get();
      List<FileStatus> files = FileListing.list(options, hadoop);
      long openCost = sessionBytes(spark, "spark.sql.files.openCostInBytes", "4MB");
      long maxBytes = options.maxPartitionBytes > 0 ? options.maxPartitionBytes
          : sessionBytes(spark, "spark.sql.files.maxPartitionBytes", "128MB");
      long total = 0;
      for (FileStatus f : files) {
        total += f.getLen() + openCost;
      }
      long maxSplit = Math.max(1,
          Math.min(maxBytes, Math.max(openCost, total / minPartitionNum(spark))));
      List<FileChunk> chunks = new ArrayList<>();
      List<FileChunk> counted = new ArrayList<>();
      Set<String> gone = new HashSet<>();
      CompressionCodecFactory codecs = new CompressionCodecFactory(hadoop);
      NewsFormat format = options.format();
      for (FileStatus f : files) {
        String path = f.getPath().toString();
        long len = f.getLen();
        BlockLocation[] blocks;
        boolean whole;
        try {
          blocks = blocks(f, hadoop);
          whole = len <= maxSplit || codecs.getCodec(f.getPath()) != null
              || !splittable(f.getPath(), hadoop, format);
        } catch (FileNotFoundException e) {
          if (!options.ignoreMissingFiles) {
            throw e;
          }
          gone.add(path); // deleted since listing: skipped, as a task skips it
          continue;
        }
        if (whole) {
          chunks.add(new FileChunk(path, len, 0, len, true, 1, 1,
              Locality.hosts(blocks, 0, len)));
          continue;
        }
        for (long start = 0; start < len; start += maxSplit) {
          long end = Math.min(len, start + maxSplit);
          FileChunk chunk = new FileChunk(path, len, start, end, false, 1, 1,
              Locality.hosts(blocks, start, end));
          chunks.add(chunk);
          if (needLines && !chunk.last()) {
            counted.add(chunk);
          }
        }
      }
      long countedBytes = 0;
      long countMillis = 0;
      if (!counted.isEmpty()) {
        long startNanos = System.nanoTime();
        List<Long> counts = countLineBreaks(spark, counted, conf, options.ignoreMissingFiles);
        Map<FileChunk, Long> breaks = new IdentityHashMap<>();
        for (int i = 0; i < counted.size(); i++) {
          FileChunk chunk = counted.get(i);
          countedBytes += chunk.length();
          if (counts.get(i) == GONE) {
            gone.add(chunk.path());
          } else {
            breaks.put(chunk, counts.get(i));
          }
        }
        chunks.removeIf(c -> gone.contains(c.path()));
        chunks = withLines(chunks, breaks);
        countMillis = (System.nanoTime() - startNanos) / 1_000_000;
      }
      return new Plan(pack(chunks, maxSplit, openCost), countedBytes, countMillis, gone.size());
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  /** Where the file's blocks are: listed with the file when the file system gives them. */
  private static BlockLocation[] blocks(FileStatus f, Configuration hadoop) throws IOException {
    if (f instanceof LocatedFileStatus located && located.getBlockLocations() != null) {
      return located.getBlockLocations();
    }
    return f.getPath().getFileSystem(hadoop).getFileBlockLocations(f, 0, f.getLen());
  }

  private static boolean splittable(Path path, Configuration conf, NewsFormat format)
      throws IOException {
    try (InputStream in = path.getFileSystem(conf).open(path)) {
      return RecordBoundary.splittable(in, format);
    }
  }

  /**
   * One task per chunk counts its line breaks; the sums give each chunk's first line. With
   * {@code ignoreMissing}, a chunk whose file is gone counts {@link #GONE}.
   */
  private static List<Long> countLineBreaks(SparkSession spark, List<FileChunk> chunks,
      Broadcast<HadoopConf> conf, boolean ignoreMissing) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    String previous = jsc.getLocalProperty("spark.job.description");
    jsc.setJobDescription("newsdesk: counting line breaks before " + chunks.size()
        + " split(s), for exact line numbers");
    try {
      return jsc.parallelize(chunks, chunks.size())
          .map(chunk -> countLineBreaks(chunk, conf.value().get(), ignoreMissing))
          .collect();
    } finally {
      jsc.setLocalProperty("spark.job.description", previous);
    }
  }

  static long countLineBreaks(FileChunk chunk, Configuration conf, boolean ignoreMissing)
      throws IOException {
    Path path = new Path(chunk.path());
    try (FSDataInputStream in = path.getFileSystem(conf).open(path)) {
      in.seek(chunk.start());
      return RecordBoundary.countLineBreaks(in, chunk.length());
    } catch (FileNotFoundException e) {
      if (ignoreMissing) {
        return GONE;
      }
      throw e;
    }
  }

  /**
   * The chunks with their first and end lines: a split's end line is its start line plus the line
   * breaks counted in it ({@code breaks}; none for a file's last split, which is not counted).
   */
  private static List<FileChunk> withLines(List<FileChunk> chunks, Map<FileChunk, Long> breaks) {
    List<FileChunk> out = new ArrayList<>(chunks.size());
    long line = 1;
    for (FileChunk chunk : chunks) {
      if (chunk.whole()) {
        out.add(chunk);
        continue;
      }
      if (chunk.first()) {
        line = 1;
      }
      long next = line + breaks.getOrDefault(chunk, 0L);
      out.add(chunk.withLines(line, next));
      line = next;
    }
    return out;
  }

  /** Next fit decreasing, as Spark's FilePartition.getFilePartitions. */
  static List<NewsdeskPartition> pack(List<FileChunk> chunks, long maxSplit, long openCost) {
    List<FileChunk> sorted = new ArrayList<>(chunks);
    sorted.sort(Comparator.comparingLong(FileChunk::length).reversed());
    List<NewsdeskPartition> partitions = new ArrayList<>();
    List<FileChunk> current = new ArrayList<>();
    long size = 0;
    for (FileChunk chunk : sorted) {
      if (size + chunk.length() > maxSplit && !current.isEmpty()) {
        partitions.add(new NewsdeskPartition(current.toArray(new FileChunk[0])));
        current.clear();
        size = 0;
      }
      size += chunk.length() + openCost;
      current.add(chunk);
    }
    if (!current.isEmpty()) {
      partitions.add(new NewsdeskPartition(current.toArray(new FileChunk[0])));
    }
    return partitions;
  }

  private static long sessionBytes(SparkSession spark, String key, String fallback) {
    return ReadOptions.bytes(key, setting(spark, key, fallback));
  }

  private static String setting(SparkSession spark, String key, String fallback) {
    scala.Option<String> value = spark.conf().getOption(key);
    return value.isDefined() ? value.get() : fallback;
  }

  /** spark.sql.files.minPartitionNum, else the leaf-node default parallelism, as Spark does. */
  private static int minPartitionNum(SparkSession spark) {
    String min = setting(spark, "spark.sql.files.minPartitionNum", "");
    if (!min.isEmpty()) {
      return Math.max(1, Integer.parseInt(min.trim()));
    }
    String leaf = setting(spark, "spark.sql.leafNodeDefaultParallelism", "");
    return Math.max(1, leaf.isEmpty() ? spark.sparkContext().defaultParallelism()
        : Integer.parseInt(leaf.trim()));
  }
}
