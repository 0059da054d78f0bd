package org.newsdesk.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.BlockLocation;

/**
 * Where a task's bytes live, so that Spark can schedule it next to them: the rules of Spark's own
 * file sources ({@code getBlockHosts} and {@code FilePartition.preferredLocations}), written
 * against Hadoop's public {@link BlockLocation} rather than Spark's internal Scala classes.
 */
final class Locality {
  /** Spark offers at most this many preferred hosts per partition. */
  static final int MAX_HOSTS = 3;

  private static final String[] NONE = new String[0];

  private Locality() {}

  /**
   * The hosts of the block that holds most of the byte range {@code [start, end)}, or none when
   * no block overlaps it (an empty file, or a file system that reports no blocks).
   */
  static String[] hosts(BlockLocation[] blocks, long start, long end) throws IOException {
    String[] best = NONE;
    long bestOverlap = 0;
    for (BlockLocation b : blocks) {
      long overlap = Math.min(end, b.getOffset() + b.getLength()) - Math.max(start, b.getOffset());
      if (overlap > bestOverlap) {
        bestOverlap = overlap;
        best = b.getHosts();
      }
    }
    return best;
  }

  /**
   * A partition's preferred hosts: those holding the most of its chunks' bytes, at most {@link
   * #MAX_HOSTS}, most bytes first; {@code localhost} (what local file systems report) is no
   * preference.
   */
  static String[] preferred(FileChunk[] chunks) {
    Map<String, Long> bytes = new LinkedHashMap<>();
    for (FileChunk c : chunks) {
      for (String host : c.hosts()) {
        if (!"localhost".equals(host)) {
          bytes.merge(host, c.length(), Long::sum);
        }
      }
    }
    List<Map.Entry<String, Long>> ranked = new ArrayList<>(bytes.entrySet());
    ranked.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
    return ranked.stream().limit(MAX_HOSTS).map(Map.Entry::getKey).toArray(String[]::new);
  }
}
