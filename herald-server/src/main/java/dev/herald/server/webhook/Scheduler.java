package dev.herald.server.webhook;

import java.time.Duration;

/**
 * The threads of a {@link HttpWebhookSender}: timers (comeback delays, batch windows, retry
 * backoff) and the pool that makes HTTP calls. An interface so that tests run both by hand against
 * a controlled clock. Implementations are thread-safe.
 */
interface Scheduler {
  /**
   * Runs {@code task} once, {@code delay} from now, on a timer thread. Tasks must be short: they
   * hand slow work to {@link #execute}. Never blocks; after {@link #shutdown} the task is ignored.
   */
  void schedule(Runnable task, Duration delay);

  /**
   * Runs {@code task} as soon as possible on a delivery thread, which may block (an HTTP call).
   * Never blocks the caller; after {@link #shutdown} the task is ignored.
   */
  void execute(Runnable task);

  /**
   * Drops the timers that have not fired, lets running and queued delivery tasks finish for at most
   * {@code timeout}, then interrupts what is left.
   *
   * @return whether every delivery task finished in time
   */
  boolean shutdown(Duration timeout);
}
