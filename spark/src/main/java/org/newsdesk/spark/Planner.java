package org.newsdesk.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
 * Spark job) when line numbers are needed, and packs the chunks into partitions ("next fit decreasing", as Spark's
 * {@code FilePartition} does). Written against Hadoop's and Spark's public APIs, so it follows
 * Spark's rules rather than calling its internal Scala classes.
 */
final class Planner {

  /** What planning produced, with the cost of the line-counting pass. */
  record Plan(List<NewsdeskPartition> partitions, long countedBytes, long countMillis) {}

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
      CompressionCodecFactory codecs = new CompressionCodecFactory(hadoop);
      NewsFormat format = options.format();
      for (FileStatus f : files) {
        String path = f.getPath().toString();
        long len = f.getLen();
        BlockLocation[] blocks = blocks(f, hadoop);
        if (len <= maxSplit || codecs.getCodec(f.getPath()) != null
            || !splittable(f.getPath(), hadoop, format)) {
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
      long startNanos = System.nanoTime();
      long countedBytes = 0;
      if (!counted.isEmpty()) {
        List<Long> breaks = countLineBreaks(spark, counted, conf);
        for (int i = 0; i < counted.size(); i++) {
          countedBytes += counted.get(i).length();
        }
        chunks = withLines(chunks, counted, breaks);
      }
      long countMillis = counted.isEmpty() ? 0 : (System.nanoTime() - startNanos) / 1_000_000;
      return new Plan(pack(chunks, maxSplit, openCost), countedBytes, countMillis);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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

  /** One task per chunk counts its line breaks; the sums give each chunk's first line. */
  private static List<Long> countLineBreaks(SparkSession spark, List<FileChunk> chunks,
      Broadcast<HadoopConf> conf) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    String previous = jsc.getLocalProperty("spark.job.description");
    jsc.setJobDescription("newsdesk: counting line breaks before " + chunks.size()
        + " split(s), for exact line numbers");
    try {
      return jsc.parallelize(chunks, chunks.size())
          .map(chunk -> countLineBreaks(chunk, conf.value().get()))
          .collect();
    } finally {
      jsc.setLocalProperty("spark.job.description", previous);
    }
  }

  static long countLineBreaks(FileChunk chunk, Configuration conf) throws IOException {
    Path path = new Path(chunk.path());
    try (FSDataInputStream in = path.getFileSystem(conf).open(path)) {
      in.seek(chunk.start());
      return RecordBoundary.countLineBreaks(in, chunk.length());
    }
  }

  private static List<FileChunk> withLines(List<FileChunk> chunks, List<FileChunk> counted,
      List<Long> breaks) {
    List<FileChunk> out = new ArrayList<>(chunks.size());
    int k = 0;
    long line = 1;
    for (FileChunk chunk : chunks) {
      if (chunk.whole()) {
        out.add(chunk);
        continue;
      }
      if (chunk.first()) {
        line = 1;
      }
      long next = line;
      if (k < counted.size() && counted.get(k) == chunk) {
        next = line + breaks.get(k++);
      }
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
