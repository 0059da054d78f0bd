package org.newsdesk.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Maps a stream of items on all cores and hands the results on in input order, holding at most a
 * bounded window of batches in memory: the reader stays on the calling thread, batches of items go
 * to a pool, and the oldest batch is drained whenever the window is full.
 */
final class OrderedParallel {
  private OrderedParallel() {}

  /** Maps every item with {@code fn} and hands each result to {@code sink}, in input order. */
  static <T, R> void map(
      Iterator<T> items, Function<T, R> fn, Consumer<R> sink, int threads, int batchSize) {
    mapBatches(items, batch -> apply(batch, fn), results -> results.forEach(sink), threads, batchSize);
  }

  /**
   * Maps whole batches: {@code fn} turns a batch of up to {@code batchSize} items into one result
   * on a pool thread (so per-batch work such as serializing the results runs there too), and
   * {@code sink} gets the results on the calling thread, in input order.
   */
  static <T, R> void mapBatches(
      Iterator<T> items, Function<List<T>, R> fn, Consumer<R> sink, int threads, int batchSize) {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "newsdesk-worker");
              t.setDaemon(true);
              return t;
            });
    // Enough batches in flight to keep every thread busy while the head is being printed.
    int window = 2 * threads;
    ArrayDeque<CompletableFuture<R>> pending = new ArrayDeque<>();
    try {
      List<T> batch = new ArrayList<>(batchSize);
      while (true) {
        boolean more;
        try {
          more = items.hasNext();
          if (more) {
            batch.add(items.next());
          }
        } catch (RuntimeException readFailure) {
          // Hand on everything read before the failure, then report it.
          drainAll(pending, sink);
          if (!batch.isEmpty()) {
            sink.accept(fn.apply(batch));
          }
          throw readFailure;
        }
        if (batch.size() == batchSize || (!more && !batch.isEmpty())) {
          List<T> work = batch;
          pending.add(CompletableFuture.supplyAsync(() -> fn.apply(work), pool));
          batch = new ArrayList<>(batchSize);
          while (pending.size() >= window) {
            drainOne(pending, sink);
          }
        }
        if (!more) {
          break;
        }
      }
      drainAll(pending, sink);
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T, R> List<R> apply(List<T> batch, Function<T, R> fn) {
    List<R> results = new ArrayList<>(batch.size());
    for (T t : batch) {
      results.add(fn.apply(t));
    }
    return results;
  }

  private static <R> void drainAll(ArrayDeque<CompletableFuture<R>> pending, Consumer<R> sink) {
    while (!pending.isEmpty()) {
      drainOne(pending, sink);
    }
  }

  private static <R> void drainOne(ArrayDeque<CompletableFuture<R>> pending, Consumer<R> sink) {
    R result;
    try {
      result = pending.removeFirst().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
    sink.accept(result);
  }
}
