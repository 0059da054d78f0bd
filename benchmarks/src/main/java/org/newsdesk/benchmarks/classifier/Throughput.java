package org.newsdesk.benchmarks.classifier;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.newsdesk.classifier.LabeledText;

/**
 * Steady-state prediction throughput: every worker thread predicts the texts round and round for a
 * fixed time. Time-based rather than a fixed number of passes, so that a fast system is not timed
 * over a fraction of a second right after JIT compilation.
 */
final class Throughput {

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private Throughput() {}

  /** Docs per wall-clock second, and per CPU-second of the worker threads. */
  record Rate(double perSecond, double perCpuSecond) {}

  /**
   * Runs {@code f} over the texts on {@code threads} threads: {@code warmupSeconds} untimed, then
   * {@code seconds} timed.
   *
   * @return the timed rate
   */
  static Rate measure(
      List<LabeledText> docs,
      int threads,
      double warmupSeconds,
      double seconds,
      Function<LabeledText, String> f)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CyclicBarrier ready = new CyclicBarrier(threads + 1);
    CyclicBarrier done = new CyclicBarrier(threads + 1);
    long[] cpuNanos = new long[1];
    try {
      List<Future<Long>> futures = new ArrayList<>();
      for (int th = 0; th < threads; th++) {
        futures.add(
            pool.submit(
                () -> {
                  run(docs, f, warmupSeconds);
                  ready.await();
                  long c0 = CPU.getCurrentThreadCpuTime();
                  long n = run(docs, f, seconds);
                  synchronized (cpuNanos) {
                    cpuNanos[0] += CPU.getCurrentThreadCpuTime() - c0;
                  }
                  done.await();
                  return n;
                }));
      }
      ready.await();
      long t0 = System.nanoTime();
      done.await();
      long t1 = System.nanoTime();
      long n = 0;
      for (Future<Long> fu : futures) {
        n += fu.get();
      }
      return new Rate(n / ((t1 - t0) / 1e9), n / (cpuNanos[0] / 1e9));
    } finally {
      pool.shutdown();
    }
  }

  /** Whole passes over the texts until the time is up; returns the number of predictions. */
  private static long run(List<LabeledText> docs, Function<LabeledText, String> f, double seconds) {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long n = 0;
    do {
      for (LabeledText t : docs) {
        if (f.apply(t) != null) {
          n++;
        }
      }
    } while (System.nanoTime() < end);
    return n;
  }
}
