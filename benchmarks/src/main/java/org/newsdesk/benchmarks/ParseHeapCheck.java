package org.newsdesk.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
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

  /** Heap in use after the most recent collection, and the maximum of that over the run. */
  private static final AtomicLong AFTER_LAST_GC = new AtomicLong();

  private static final AtomicLong MAX_AFTER_GC = new AtomicLong();

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
    listenToCollections();
    System.out.println("progress   articles   heap used  after last GC  max after GC");
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
            + "max heap in use after any GC: %.1f MB%nGC: %s%n",
        articles,
        chars,
        seconds,
        size / 1e6 / seconds,
        pools,
        mb(peak),
        mb(MAX_AFTER_GC.get()),
        collectors());
  }

  private static void report(long percent, long articles) {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    System.out.printf(
        Locale.ROOT,
        "%7d%%  %,10d  %7.1f MB  %10.1f MB  %9.1f MB%n",
        percent,
        articles,
        mb(heap.getUsed()),
        mb(AFTER_LAST_GC.get()),
        mb(MAX_AFTER_GC.get()));
  }

  private static void listenToCollections() {
    Set<String> heapPools = new HashSet<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heapPools.add(pool.getName());
      }
    }
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc)
          .addNotificationListener(
              (notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                    notification.getType())) {
                  GarbageCollectionNotificationInfo info =
                      GarbageCollectionNotificationInfo.from(
                          (CompositeData) notification.getUserData());
                  long used = 0;
                  for (Map.Entry<String, MemoryUsage> pool :
                      info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (heapPools.contains(pool.getKey())) {
                      used += pool.getValue().getUsed();
                    }
                  }
                  AFTER_LAST_GC.set(used);
                  MAX_AFTER_GC.accumulateAndGet(used, Math::max);
                }
              },
              null,
              null);
    }
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
