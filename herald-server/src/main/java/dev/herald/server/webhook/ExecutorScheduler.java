package dev.herald.server.webhook;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Scheduler} on JDK executors: one daemon timer thread and a fixed pool of daemon delivery
 * threads, none of them an event loop or the lifecycle dispatcher.
 */
final class ExecutorScheduler implements Scheduler {
  private final ScheduledExecutorService timer;
  private final ExecutorService delivery;

  /**
   * @param deliveryThreads how many HTTP calls may run at once
   */
  ExecutorScheduler(int deliveryThreads) {
    timer = Executors.newSingleThreadScheduledExecutor(threads("herald-webhook-timer"));
    delivery = Executors.newFixedThreadPool(deliveryThreads, threads("herald-webhook-"));
  }

  @Override
  public void schedule(Runnable task, Duration delay) {
    try {
      timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // Shut down: the sender counts what it could not finish.
    }
  }

  @Override
  public void execute(Runnable task) {
    try {
      delivery.execute(task);
    } catch (RejectedExecutionException e) {
      // Shut down: the sender counts what it could not finish.
    }
  }

  @Override
  public boolean shutdown(Duration timeout) {
    timer.shutdownNow();
    delivery.shutdown();
    try {
      if (delivery.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    delivery.shutdownNow();
    return false;
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    boolean numbered = prefix.endsWith("-");
    return task -> {
      Thread thread = new Thread(task, numbered ? prefix + count.incrementAndGet() : prefix);
      thread.setDaemon(true);
      return thread;
    };
  }
}
