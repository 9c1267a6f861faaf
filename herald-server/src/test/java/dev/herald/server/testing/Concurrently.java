package dev.herald.server.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs the same steps on several threads at once, released together; bounded. */
public final class Concurrently {
  private Concurrently() {}

  /** One step of one thread. */
  public interface Step {
    void run(int thread, int step) throws Exception;
  }

  /**
   * Runs {@code steps} steps on each of {@code threads} threads, started together; rethrows the
   * first failure, and fails if they are not done within 30 s.
   */
  public static void run(int threads, int steps, Step step) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < steps; i++) {
                    step.run(thread, i);
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : done) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
