package dev.herald.server.cache;

/**
 * The last event triggered on a cache channel.
 *
 * @param json the complete event envelope, replayed as is to new subscribers
 * @param data the event's {@code data} string, for {@code GET …/channels/{c}?info=cache}
 * @param expiresAtMillis when it stops being served
 */
public record CachedEvent(byte[] json, String data, long expiresAtMillis) {
  /** Whole seconds left before it expires at {@code nowMillis} (at least 0). */
  public long ttlSeconds(long nowMillis) {
    return Math.max(0, (expiresAtMillis - nowMillis + 999) / 1000);
  }
}
