package dev.herald;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link QueuedBroadcaster} retries a broadcast that failed with a retryable {@link
 * BroadcastException} (server unreachable, timeout, 5xx, 429): up to {@code maxAttempts} attempts
 * in all, waiting {@code initialBackoff}, then each wait {@code multiplier} times longer, never
 * longer than {@code maxBackoff}. Immutable.
 *
 * @param maxAttempts attempts in all, the first included; 1 means no retry
 * @param initialBackoff the wait after the first failure
 * @param multiplier how much longer each following wait is (at least 1)
 * @param maxBackoff the longest wait
 */
public record RetryPolicy(
    int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {
  /** 5 attempts, waiting 1, 2, 4 and 8 seconds in between. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30));

  /** One attempt, no retry. */
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO);

  /**
   * Validates the policy.
   *
   * @throws IllegalArgumentException when an attempt count, wait or multiplier is out of range
   */
  public RetryPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "backoffs must satisfy 0 <= initialBackoff <= maxBackoff, were "
              + initialBackoff
              + " and "
              + maxBackoff);
    }
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
    }
  }

  /** The wait after the {@code failedAttempts}-th failed attempt (1 for the first). */
  public Duration backoff(int failedAttempts) {
    double millis = initialBackoff.toMillis() * Math.pow(multiplier, failedAttempts - 1);
    return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
  }
}
