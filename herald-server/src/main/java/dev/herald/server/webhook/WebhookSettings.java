package dev.herald.server.webhook;

import dev.herald.RetryPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link HttpWebhookSender} delays, retries and bounds its work. The defaults follow Pusher
 * (protocol reference §1.12): departures held 3 s, retries with exponential backoff for 5 minutes.
 *
 * @param comebackDelay how long {@code channel_vacated} and {@code member_removed} wait for the
 *     channel or user to come back before they are sent
 * @param initialBackoff the wait before the first retry; each further retry waits twice as long
 * @param maxBackoff the longest wait between two attempts
 * @param retryFor how long after the first attempt a request may still be retried
 * @param requestTimeout the timeout of connecting and of each request
 * @param capacity how many events may wait at once (in batches, in flight or between retries,
 *     counted once per endpoint); more are dropped and counted
 * @param maxBatchEvents the most events in one request; a full batch is sent before its window ends
 * @param deliveryThreads how many HTTP calls may run at once
 * @param closeTimeout how long {@link HttpWebhookSender#close()} waits for the last deliveries
 */
public record WebhookSettings(
    Duration comebackDelay,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration retryFor,
    Duration requestTimeout,
    int capacity,
    int maxBatchEvents,
    int deliveryThreads,
    Duration closeTimeout) {

  /**
   * 3 s comeback delay; retries after 1, 2, 4 … 60 s for 5 minutes; 10 s timeout; 10 000 events.
   */
  public static final WebhookSettings DEFAULTS =
      new WebhookSettings(
          Duration.ofSeconds(3),
          Duration.ofSeconds(1),
          Duration.ofSeconds(60),
          Duration.ofMinutes(5),
          Duration.ofSeconds(10),
          10_000,
          100,
          4,
          Duration.ofSeconds(5));

  public WebhookSettings {
    for (Duration d :
        new Duration[] {
          comebackDelay, initialBackoff, maxBackoff, retryFor, requestTimeout, closeTimeout
        }) {
      Objects.requireNonNull(d, "durations");
      if (d.isNegative()) {
        throw new IllegalArgumentException("webhook durations must not be negative, was " + d);
      }
    }
    if (initialBackoff.isZero() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("initialBackoff and requestTimeout must be positive");
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("maxBackoff must not be shorter than initialBackoff");
    }
    if (capacity < 1 || maxBatchEvents < 1 || deliveryThreads < 1) {
      throw new IllegalArgumentException(
          "capacity, maxBatchEvents and deliveryThreads must be at least 1");
    }
  }

  /**
   * The wait before retry number {@code retry} (1 for the first): {@code initialBackoff * 2^(retry
   * - 1)}, at most {@code maxBackoff}; herald-core's {@link RetryPolicy} computes it, with no bound
   * on attempts ({@code retryFor} bounds them).
   */
  Duration backoff(int retry) {
    return retryPolicy().backoff(retry);
  }

  private RetryPolicy retryPolicy() {
    return new RetryPolicy(Integer.MAX_VALUE, initialBackoff, 2.0, maxBackoff);
  }
}
