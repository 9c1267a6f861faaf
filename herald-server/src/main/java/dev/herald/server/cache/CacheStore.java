package dev.herald.server.cache;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The last event of each cache channel (protocol reference §1.6), kept for the app's TTL. Shared by
 * the cluster when the store is. Thread-safe; never blocks; the future never fails (a store that
 * cannot reach its backend answers from what this node knows).
 */
public interface CacheStore {
  /**
   * Keeps {@code event} as the channel's last event, replacing any earlier one; {@code nowMillis}
   * lets the store forget what has expired meanwhile.
   */
  void put(String appId, String channel, CachedEvent event, long nowMillis);

  /** The channel's last event, unless it expired before {@code nowMillis}. */
  CompletableFuture<Optional<CachedEvent>> find(String appId, String channel, long nowMillis);
}
