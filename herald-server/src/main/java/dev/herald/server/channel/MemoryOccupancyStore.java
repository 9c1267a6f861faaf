package dev.herald.server.channel;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Subscriber counts on one node, in memory; a channel whose count reaches 0 is forgotten. */
public final class MemoryOccupancyStore implements OccupancyStore {
  private final ConcurrentHashMap<Key, Integer> counts = new ConcurrentHashMap<>();

  @Override
  public CompletableFuture<Integer> added(String appId, String channel) {
    return CompletableFuture.completedFuture(change(appId, channel, 1));
  }

  @Override
  public CompletableFuture<Integer> removed(String appId, String channel) {
    return CompletableFuture.completedFuture(change(appId, channel, -1));
  }

  @Override
  public CompletableFuture<Integer> count(String appId, String channel) {
    return CompletableFuture.completedFuture(counts.getOrDefault(new Key(appId, channel), 0));
  }

  @Override
  public CompletableFuture<Map<String, Integer>> channels(String appId) {
    TreeMap<String, Integer> result = new TreeMap<>();
    counts.forEach(
        (key, count) -> {
          if (key.appId().equals(appId)) {
            result.put(key.channel(), count);
          }
        });
    return CompletableFuture.completedFuture(result);
  }

  private int change(String appId, String channel, int delta) {
    Integer after =
        counts.compute(
            new Key(appId, channel),
            (key, count) -> {
              int next = (count == null ? 0 : count) + delta;
              return next <= 0 ? null : next;
            });
    return after == null ? 0 : after;
  }

  private record Key(String appId, String channel) {}
}
