package dev.herald.server.timer;

import java.time.Duration;

/**
 * Runs short tasks later on the server's timer: deferred subscription counts, the Redis heartbeat,
 * the webhooks' comeback delays, batch windows and retry backoff. One implementation runs on a
 * thread ({@link ExecutorScheduler}); tests use a manual one on virtual time. Thread-safe.
 */
public interface Scheduler {
  /**
   * Runs {@code task} once, {@code delay} from now. Never blocks; the task must not block either
   * (it hands slow work to a thread of its own). Once the scheduler is closed the task is dropped.
   */
  void schedule(Runnable task, Duration delay);
}
