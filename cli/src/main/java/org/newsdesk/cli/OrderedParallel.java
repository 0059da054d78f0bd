package org.newsdesk.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Maps a stream of items on all cores and hands the results on in input order, holding at most a
 * bounded window of batches in memory: the reader stays on the calling thread, batches of items go
 * to a pool, and the oldest batch is drained whenever the window is full. A batch ends at a number
 * of items or a total weight (the items' size, e.g. their chars), whichever comes first, so that
 * a few huge items cannot fill memory where many small ones would not.
 */
final class OrderedParallel {
  private OrderedParallel() {}

  /** How long the calling thread waits for a batch before it looks whether a worker died. */
  private static final long POLL_MILLIS = 200;

  /** Maps every item with {@code fn} and hands each result to {@code sink}, in input order. */
  static <T, R> void map(
      Iterator<T> items, Function<T, R> fn, Consumer<R> sink, int threads, int batchSize) {
    mapBatches(
        items,
        batch -> apply(batch, fn),
        results -> results.forEach(sink),
        threads,
        batchSize,
        item -> 1,
        Long.MAX_VALUE);
  }

  /**
   * Maps whole batches: {@code fn} turns a batch into one result on a pool thread (so per-batch
   * work such as serializing the results runs there too), and {@code sink} gets the results on the
   * calling thread, in input order. A batch ends after {@code batchSize} items, or sooner, with the
   * item that brings its items' total {@code weight} to {@code batchWeight} or more. At most
   * {@code 2 * threads} batches are in flight.
   *
   * <p>A worker thread that dies without finishing its batch (an {@link Error} thrown where the
   * pool cannot catch it, such as running out of memory while reporting another failure) ends the
   * run with that error instead of leaving the calling thread waiting for ever.
   */
  static <T, R> void mapBatches(
      Iterator<T> items,
      Function<List<T>, R> fn,
      Consumer<R> sink,
      int threads,
      int batchSize,
      ToLongFunction<? super T> weight,
      long batchWeight) {
    AtomicReference<Throwable> died = new AtomicReference<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "newsdesk-worker");
              t.setDaemon(true);
              t.setUncaughtExceptionHandler((thread, e) -> died.compareAndSet(null, e));
              return t;
            });
    // Enough batches in flight to keep every thread busy while the head is being printed.
    int window = 2 * threads;
    ArrayDeque<CompletableFuture<R>> pending = new ArrayDeque<>();
    try {
      List<T> batch = new ArrayList<>(batchSize);
      long batchTotal = 0;
      while (true) {
        boolean more;
        try {
          more = items.hasNext();
          if (more) {
            T item = items.next();
            batch.add(item);
            batchTotal += weight.applyAsLong(item);
          }
        } catch (RuntimeException readFailure) {
          // Hand on everything read before the failure, then report it.
          drainAll(pending, sink, died);
          if (!batch.isEmpty()) {
            sink.accept(fn.apply(batch));
          }
          throw readFailure;
        }
        boolean full = batch.size() == batchSize || batchTotal >= batchWeight;
        if (full || (!more && !batch.isEmpty())) {
          List<T> work = batch;
          pending.add(CompletableFuture.supplyAsync(() -> fn.apply(work), pool));
          batch = new ArrayList<>(batchSize);
          batchTotal = 0;
          while (pending.size() >= window) {
            drainOne(pending, sink, died);
          }
        }
        if (!more) {
          break;
        }
      }
      drainAll(pending, sink, died);
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
      ArrayDeque<CompletableFuture<R>> pending, Consumer<R> sink, AtomicReference<Throwable> died) {
    while (!pending.isEmpty()) {
      drainOne(pending, sink, died);
    }
  }

  private static <R> void drainOne(
      ArrayDeque<CompletableFuture<R>> pending, Consumer<R> sink, AtomicReference<Throwable> died) {
    CompletableFuture<R> head = pending.removeFirst();
    R result;
    try {
      while (true) {
        try {
          result = head.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
          break;
        } catch (TimeoutException e) {
          Throwable death = died.get();
          if (death != null && !head.isDone()) {
            throw rethrown(death);
          }
        }
      }
    } catch (ExecutionException e) {
      throw rethrown(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a worker", e);
    }
    sink.accept(result);
  }

  /** A worker's failure as it was thrown: a runtime exception or an error as is. */
  private static RuntimeException rethrown(Throwable failure) {
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    throw new IllegalStateException(failure);
  }
}
