package dev.herald.server.cache;

import java.util.Optional;

/**
 * The last event of each cache channel (protocol reference §1.6), kept for the app's TTL.
 * Thread-safe; never blocks.
 */
public interface CacheStore {
  /**
   * Keeps {@code event} as the channel's last event, replacing any earlier one; {@code nowMillis}
   * lets the store forget what has expired meanwhile.
   */
  void put(String appId, String channel, CachedEvent event, long nowMillis);

  /** The channel's last event, unless it expired before {@code nowMillis}. */
  Optional<CachedEvent> find(String appId, String channel, long nowMillis);
}
