package org.newsdesk.benchmarks;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.newsdesk.core.Article;
import org.newsdesk.core.NewsReader;

/**
 * Parses a (large) digest and shows that the heap stays flat: every tenth of the file it prints the
 * heap in use and the live heap after the last collection; at the end the peak use of each heap
 * pool. Run it with a small heap:
 *
 * <pre>
 * java -Xmx64m -Xlog:gc:file=/tmp/gc.log -cp benchmarks/target/benchmarks.jar \
 *     org.newsdesk.benchmarks.ParseHeapCheck /tmp/news-1g.txt
 * </pre>
 */
public final class ParseHeapCheck {

  private ParseHeapCheck() {}

  /**
   * Runs the check.
   *
   * @param args the digest file
   * @throws IOException if reading fails
   */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    long size = Files.size(file);
    System.out.printf(
        Locale.ROOT,
        "file %s, %.1f MB; max heap %d MB; GC %s%n",
        file,
        size / 1e6,
        Runtime.getRuntime().maxMemory() >> 20,
        collectors());
    System.out.println("progress  articles     heap used  live after last GC");
    long start = System.nanoTime();
    long articles = 0;
    long chars = 0;
    long bytesSeen = 0;
    long nextReport = size / 10;
    try (NewsReader reader = NewsReader.open(file)) {
      for (Article article : reader) {
        articles++;
        chars += article.title().length() + article.body().length();
        // Estimate of the position: title twice, body, and a few line ends.
        bytesSeen += 2L * article.title().length() + article.body().length() + 6;
        if (bytesSeen >= nextReport) {
          report(Math.min(100, bytesSeen * 100 / size), articles);
          nextReport += size / 10;
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    report(100, articles);
    long peak = 0;
    StringBuilder pools = new StringBuilder();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        long poolPeak = pool.getPeakUsage().getUsed();
        peak += poolPeak;
        pools.append(String.format(Locale.ROOT, " %s %.1f MB;", pool.getName(), mb(poolPeak)));
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%,d articles (%,d chars) in %.1f s (%.0f MB/s)%npeak heap per pool:%s sum %.1f MB%n"
            + "GC: %s%n",
        articles,
        chars,
        seconds,
        size / 1e6 / seconds,
        pools,
        mb(peak),
        collectors());
  }

  private static void report(long percent, long articles) {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    long live = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage afterGc = pool.getCollectionUsage();
      if (pool.getType() == MemoryType.HEAP && afterGc != null) {
        live += afterGc.getUsed();
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%7d%%  %,10d  %9.1f MB  %9.1f MB%n",
        percent,
        articles,
        mb(heap.getUsed()),
        mb(live));
  }

  private static String collectors() {
    StringBuilder text = new StringBuilder();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      text.append(
          String.format(
              Locale.ROOT,
              "%s%s: %d collections, %d ms",
              text.length() == 0 ? "" : "; ",
              gc.getName(),
              gc.getCollectionCount(),
              gc.getCollectionTime()));
    }
    return text.toString();
  }

  private static double mb(long bytes) {
    return bytes / 1048576.0;
  }
}
