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

  static <T, R> void map(
      Iterator<T> items, Function<T, R> fn, Consumer<R> sink, int threads, int batchSize) {
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
    ArrayDeque<CompletableFuture<List<R>>> pending = new ArrayDeque<>();
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
          apply(batch, fn).forEach(sink);
          throw readFailure;
        }
        if (batch.size() == batchSize || (!more && !batch.isEmpty())) {
          List<T> work = batch;
          pending.add(CompletableFuture.supplyAsync(() -> apply(work, fn), pool));
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

  private static <R> void drainAll(
      ArrayDeque<CompletableFuture<List<R>>> pending, Consumer<R> sink) {
    while (!pending.isEmpty()) {
      drainOne(pending, sink);
    }
  }

  private static <R> void drainOne(
      ArrayDeque<CompletableFuture<List<R>>> pending, Consumer<R> sink) {
    try {
      pending.removeFirst().join().forEach(sink);
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }
}
