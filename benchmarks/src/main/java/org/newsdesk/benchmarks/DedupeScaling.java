package org.newsdesk.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.newsdesk.core.Article;
import org.newsdesk.core.DuplicateFinder;
import org.newsdesk.core.DuplicateGroup;

/**
 * Times {@link DuplicateFinder#find} on the inputs that used to be slow: thousands of
 * near-identical articles (every pair a near duplicate) and thousands of articles of random
 * characters (every article shares most of its short tokens with every other). Prints, per input,
 * the time (wall clock and CPU time of the thread), the groups found, and the peak heap (the sum of the heap pools' peaks, an upper
 * bound). Run it with a heap limit to show that the input fits:
 *
 * <pre>
 * java -Xmx512m -cp benchmarks/target/benchmarks.jar org.newsdesk.benchmarks.DedupeScaling \
 *     [near-identical count, default 10000] [random count, default 3000]
 * </pre>
 */
public final class DedupeScaling {

  private DedupeScaling() {}

  /**
   * Runs the harness.
   *
   * @param args optional article counts: near-identical, random characters
   */
  public static void main(String[] args) {
    int near = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int random = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
    System.out.printf(Locale.ROOT, "%s %s, max heap %d MB, load average %.2f%n",
        System.getProperty("java.vm.name"), System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    run("near-identical", nearIdentical(near, 1));
    run("random characters", randomCharacters(random, 2_000, 2));
  }

  private static void run(String name, List<Article> articles) {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    long start = System.nanoTime();
    long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    List<DuplicateGroup> groups = DuplicateFinder.DEFAULT.find(articles);
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    long members = groups.stream().mapToLong(g -> g.articles().size()).sum();
    double minScore = groups.stream().mapToDouble(DuplicateGroup::score).min().orElse(1);
    System.out.printf(Locale.ROOT,
        "%-18s %6d articles: %7.2f s (%.2f s CPU), %d groups (%d members, lowest score %.4f), "
            + "peak heap <= %d MB%n",
        name, articles.size(), seconds, cpu, groups.size(), members, minScore, peak >> 20);
  }

  /**
   * One story told {@code n} times: a 60-word body whose every version replaces two words, so
   * that every pair of versions is a near duplicate.
   */
  public static List<Article> nearIdentical(int n, long seed) {
    Random random = new Random(seed);
    String[] words = new String[60];
    for (int w = 0; w < words.length; w++) {
      words[w] = "word" + w;
    }
    List<Article> articles = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String[] body = words.clone();
      body[random.nextInt(body.length)] = "variant" + i;
      body[random.nextInt(body.length)] = "edit" + random.nextInt(n);
      articles.add(Article.of("Port extends customs hours " + (i % 7), String.join(" ", body)));
    }
    return articles;
  }

  /** {@code n} articles whose title and body are random printable ASCII characters. */
  public static List<Article> randomCharacters(int n, int length, long seed) {
    Random random = new Random(seed);
    List<Article> articles = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      articles.add(Article.of(randomText(random, 40), randomText(random, length)));
    }
    return articles;
  }

  private static String randomText(Random random, int length) {
    char[] text = new char[length];
    for (int c = 0; c < length; c++) {
      text[c] = (char) ('!' + random.nextInt('~' - '!' + 1));
    }
    return new String(text);
  }
}
