package dev.herald.server.app;

/**
 * A token bucket: up to {@code perSecond} events at once, refilled at {@code perSecond} per second.
 * Not thread-safe: owned by one connection, or guarded by its user.
 */
public final class RateLimiter {
  private final int perSecond;
  private double tokens;
  private long lastMillis;

  public RateLimiter(int perSecond, long nowMillis) {
    this.perSecond = perSecond;
    this.tokens = perSecond;
    this.lastMillis = nowMillis;
  }

  /** Takes one token if there is one. */
  public boolean tryAcquire(long nowMillis) {
    long elapsed = Math.max(0, nowMillis - lastMillis);
    lastMillis = nowMillis;
    tokens = Math.min(perSecond, tokens + elapsed * perSecond / 1000.0);
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
