package dev.herald.server.cache;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cache channels on one node, in memory. Expired entries are dropped when read and by a sweep every
 * {@value #SWEEP_EVERY} writes, so channels that are written once and never read again do not
 * accumulate over a long uptime.
 */
public final class MemoryCacheStore implements CacheStore {
  static final int SWEEP_EVERY = 1024;

  private final ConcurrentHashMap<Key, CachedEvent> events = new ConcurrentHashMap<>();
  private final AtomicLong writes = new AtomicLong();

  @Override
  public void put(String appId, String channel, CachedEvent event, long nowMillis) {
    events.put(new Key(appId, channel), event);
    if (writes.incrementAndGet() % SWEEP_EVERY == 0) {
      events.values().removeIf(e -> e.expiresAtMillis() <= nowMillis);
    }
  }

  @Override
  public CompletableFuture<Optional<CachedEvent>> find(
      String appId, String channel, long nowMillis) {
    return CompletableFuture.completedFuture(findNow(appId, channel, nowMillis));
  }

  /** As {@link #find}, answered at once. */
  public Optional<CachedEvent> findNow(String appId, String channel, long nowMillis) {
    Key key = new Key(appId, channel);
    CachedEvent event = events.get(key);
    if (event == null) {
      return Optional.empty();
    }
    if (event.expiresAtMillis() <= nowMillis) {
      events.remove(key, event);
      return Optional.empty();
    }
    return Optional.of(event);
  }

  /** Entries held, expired or not (for tests and metrics). */
  int size() {
    return events.size();
  }

  private record Key(String appId, String channel) {}
}
