package org.newsdesk.classifier;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Streams a sequence through a worker pool in batches and hands the results back in order, on
 * the calling thread: the calling thread reads the next batch while workers process earlier
 * ones, and at most {@code 2 * threads} batches are in flight, so memory stays bounded by the
 * batch size whatever the sequence's length. With one thread everything runs on the caller.
 * Close it to stop the workers.
 */
final class Batches implements AutoCloseable {

  /** Examples per batch: large enough to amortise the hand-off, small enough to bound memory. */
  static final int BATCH = 256;

  private final int threads;
  private final ExecutorService pool;

  Batches(int threads) {
    this.threads = threads;
    this.pool =
        threads > 1
            ? Executors.newFixedThreadPool(
                threads,
                r -> {
                  Thread t = new Thread(r, "newsdesk-training");
                  t.setDaemon(true);
                  return t;
                })
            : null;
  }

  /**
   * Runs {@code work} on every batch of {@code items} and {@code consume} on each result, in the
   * order of the batches.
   *
   * @throws RuntimeException or Error whatever {@code work}, {@code consume} or the iterator
   *     throws (a worker's failure is rethrown as it was)
   */
  <T, R> void run(Iterator<T> items, Function<List<T>, R> work, Consumer<R> consume) {
    run(items, work, consume, () -> false);
  }

  /** As {@link #run(Iterator, Function, Consumer)}, reading no further once {@code stop} holds. */
  <T, R> void run(
      Iterator<T> items, Function<List<T>, R> work, Consumer<R> consume, BooleanSupplier stop) {
    if (pool == null) {
      while (items.hasNext() && !stop.getAsBoolean()) {
        consume.accept(work.apply(next(items)));
      }
      return;
    }
    ArrayDeque<Future<R>> inFlight = new ArrayDeque<>();
    try {
      while (items.hasNext() && !stop.getAsBoolean()) {
        List<T> batch = next(items);
        inFlight.add(pool.submit(() -> work.apply(batch)));
        if (inFlight.size() >= 2 * threads) {
          consume.accept(get(inFlight.poll()));
        }
      }
      while (!inFlight.isEmpty()) {
        consume.accept(get(inFlight.poll()));
      }
    } finally {
      for (Future<R> f : inFlight) {
        f.cancel(true);
      }
    }
  }

  private static <T> List<T> next(Iterator<T> items) {
    List<T> batch = new ArrayList<>(BATCH);
    while (batch.size() < BATCH && items.hasNext()) {
      batch.add(items.next());
    }
    return batch;
  }

  private static <R> R get(Future<R> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("training interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("training failed", cause);
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
