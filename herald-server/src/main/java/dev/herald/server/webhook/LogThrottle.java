package dev.herald.server.webhook;

import java.time.Clock;
import java.time.Duration;

/**
 * Lets a repeated warning through at most once per interval, so an endpoint that is down or a full
 * queue shows in the log without flooding it (each line carries the running total instead).
 * Thread-safe.
 */
final class LogThrottle {
  private final Clock clock;
  private final long intervalMillis;
  private long nextMillis = Long.MIN_VALUE;

  LogThrottle(Clock clock, Duration interval) {
    this.clock = clock;
    this.intervalMillis = interval.toMillis();
  }

  /** Whether a line may be logged now; if so, the next one may only after the interval. */
  synchronized boolean allow() {
    long now = clock.millis();
    if (now < nextMillis) {
      return false;
    }
    nextMillis = now + intervalMillis;
    return true;
  }
}
