package org.newsdesk.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.hadoop.fs.BlockLocation;
import org.junit.jupiter.api.Test;

class LocalityTest {
  private static final long MB = 1 << 20;

  /** A 3-block file: block i on hosts h{i}a and h{i}b. */
  private static final BlockLocation[] BLOCKS = {
      block(0, "h0a", "h0b"), block(1, "h1a", "h1b"), block(2, "h2a", "h2b")};

  private static BlockLocation block(int i, String... hosts) {
    return new BlockLocation(hosts, hosts, i * 128 * MB, 128 * MB);
  }

  private static FileChunk chunk(long start, long end, String... hosts) {
    return new FileChunk("f", 384 * MB, start, end, false, 1, 1, hosts);
  }

  @Test
  void aRangeGoesToTheBlockHoldingMostOfIt() throws IOException {
    assertThat(Locality.hosts(BLOCKS, 0, 128 * MB)).containsExactly("h0a", "h0b");
    assertThat(Locality.hosts(BLOCKS, 100 * MB, 228 * MB)).containsExactly("h1a", "h1b");
    assertThat(Locality.hosts(BLOCKS, 10 * MB, 130 * MB)).containsExactly("h0a", "h0b");
    assertThat(Locality.hosts(BLOCKS, 0, 384 * MB)).containsExactly("h0a", "h0b"); // a tie: first
    assertThat(Locality.hosts(BLOCKS, 384 * MB, 400 * MB)).isEmpty();
    assertThat(Locality.hosts(new BlockLocation[0], 0, 10)).isEmpty();
  }

  @Test
  void aPartitionPrefersTheHostsWithMostOfItsBytesAtMostThree() {
    FileChunk[] chunks = {
        chunk(0, 10 * MB, "a", "b"), chunk(10 * MB, 40 * MB, "b", "c"),
        chunk(40 * MB, 45 * MB, "d"), chunk(45 * MB, 46 * MB, "e")};
    assertThat(new NewsdeskPartition(chunks).preferredLocations())
        .containsExactly("b", "c", "a");
  }

  @Test
  void localFilesExpressNoPreference() {
    FileChunk[] chunks = {chunk(0, 10, "localhost"), chunk(10, 20)};
    assertThat(Locality.preferred(chunks)).isEmpty();
  }
}
