package dev.herald.server.timer;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's one timer thread, {@code herald-timers} (a daemon), on a JDK scheduled executor. A
 * task that throws is logged and does not stop the timer. Thread-safe.
 */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ExecutorScheduler.class);

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "herald-timers");
            thread.setDaemon(true);
            return thread;
          });

  @Override
  public void schedule(Runnable task, Duration delay) {
    try {
      timer.schedule(() -> run(task), delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // Closed: the server is stopping, and so is whoever wanted the task.
    }
  }

  /** Drops the tasks that have not run and stops the thread; a second call does nothing. */
  @Override
  public void close() {
    timer.shutdownNow();
  }

  private static void run(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      log.error("timer task {} failed", task, e);
    }
  }
}
