package org.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class OrderedParallelTest {

  @Test
  void resultsKeepInputOrderWhileWorkRunsOnSeveralThreads() {
    List<Integer> input = IntStream.range(0, 5_000).boxed().toList();
    Set<String> threads = ConcurrentHashMap.newKeySet();
    List<Integer> output = new ArrayList<>();

    OrderedParallel.map(
        input.iterator(),
        i -> {
          threads.add(Thread.currentThread().getName() + Thread.currentThread().getId());
          // Uneven work so batches finish out of order.
          if (i % 97 == 0) {
            sleep(2);
          }
          return i * 2;
        },
        output::add,
        4,
        16);

    assertThat(output).isEqualTo(input.stream().map(i -> i * 2).toList());
    assertThat(threads).hasSizeGreaterThan(1);
  }

  @Test
  void holdsOnlyABoundedWindowOfItems() {
    AtomicInteger read = new AtomicInteger();
    AtomicInteger written = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    Iterator<Integer> items =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return read.get() < 100_000;
          }

          @Override
          public Integer next() {
            int inFlight = read.incrementAndGet() - written.get();
            maxInFlight.accumulateAndGet(inFlight, Math::max);
            return read.get();
          }
        };

    OrderedParallel.map(items, i -> i, i -> written.incrementAndGet(), 2, 8);

    assertThat(written.get()).isEqualTo(100_000);
    // window = 2 * threads batches of 8, plus the batch being filled
    assertThat(maxInFlight.get()).isLessThanOrEqualTo(2 * 2 * 8 + 8);
  }

  @Test
  void aReadFailureComesAfterEverythingReadBeforeIt() {
    Iterator<Integer> items =
        new Iterator<>() {
          int n;

          @Override
          public boolean hasNext() {
            if (n == 10) {
              throw new IllegalStateException("bad record at 10");
            }
            return true;
          }

          @Override
          public Integer next() {
            return n++;
          }
        };
    List<Integer> output = new ArrayList<>();

    assertThatThrownBy(() -> OrderedParallel.map(items, i -> i, output::add, 3, 4))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("bad record at 10");
    assertThat(output).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void aWorkerFailureIsRethrownAsIs() {
    for (Throwable failure :
        List.of(new IllegalArgumentException("boom"), new OutOfMemoryError("simulated"))) {
      assertThatThrownBy(
              () ->
                  OrderedParallel.map(
                      List.of(1, 2, 3).iterator(),
                      i -> {
                        if (i == 2) {
                          throw sneaky(failure);
                        }
                        return i;
                      },
                      i -> {},
                      2,
                      1))
          .isSameAs(failure);
    }
  }

  /** Throws a runtime exception or an error as it is. */
  private static RuntimeException sneaky(Throwable t) {
    if (t instanceof Error e) {
      throw e;
    }
    throw (RuntimeException) t;
  }

  @Test
  void aBatchEndsOnceItsItemsReachTheWeight() {
    List<Integer> sizes = new ArrayList<>();
    // weights 1..12 against a batch weight of 10 and at most 4 items a batch
    OrderedParallel.mapBatches(
        IntStream.rangeClosed(1, 12).boxed().iterator(),
        batch -> batch,
        batch -> sizes.add(batch.size()),
        2,
        4,
        i -> i,
        10);

    // 1+2+3+4 = 10 | 5+6 = 11 | 7+8 | 9+10 | 11 | 12
    assertThat(sizes).containsExactly(4, 2, 2, 2, 1, 1);
  }

  /**
   * A worker thread can die without its batch ever completing (an error while the pool reports
   * another, such as running out of memory twice): the calling thread must not wait for ever.
   */
  @Test
  @Timeout(20)
  void aWorkerThatDiesWithoutFinishingItsBatchEndsTheRun() {
    CountDownLatch never = new CountDownLatch(1);
    try {
      assertThatThrownBy(
              () ->
                  OrderedParallel.map(
                      List.of(1, 2, 3, 4).iterator(),
                      i -> {
                        if (i == 1) {
                          await(never); // the head batch never completes
                        } else if (i == 2) {
                          // what the JVM does when an error escapes the pool's own handling
                          Thread t = Thread.currentThread();
                          t.getUncaughtExceptionHandler()
                              .uncaughtException(t, new OutOfMemoryError("worker died"));
                        }
                        return i;
                      },
                      i -> {},
                      2,
                      1))
          .isInstanceOf(OutOfMemoryError.class)
          .hasMessage("worker died");
    } finally {
      never.countDown();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
