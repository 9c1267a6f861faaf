package dev.herald.server.redis;

import dev.herald.server.channel.OccupancyStore;
import dev.herald.server.redis.Counter.Kind;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Subscriber counts of the whole cluster, in Redis: one hash per app, channel → count, changed
 * through this node's ledger (so a dead node's subscribers are taken back out). When Redis cannot
 * be reached it answers with this node's own counts.
 */
final class RedisOccupancyStore implements OccupancyStore {
  private final RedisLedger ledger;
  private final RedisAsyncCommands<String, String> redis;
  private final RedisHealth health;

  RedisOccupancyStore(
      RedisLedger ledger, RedisAsyncCommands<String, String> redis, RedisHealth health) {
    this.ledger = ledger;
    this.redis = redis;
    this.health = health;
  }

  @Override
  public CompletableFuture<Integer> added(String appId, String channel) {
    return change(appId, channel, 1);
  }

  @Override
  public CompletableFuture<Integer> removed(String appId, String channel) {
    return change(appId, channel, -1);
  }

  @Override
  public CompletableFuture<Integer> count(String appId, String channel) {
    return redis
        .hget(ledger.keys().occupancyKey(appId), channel)
        .toCompletableFuture()
        .thenApply(count -> count == null ? 0 : Integer.parseInt(count))
        .exceptionally(
            e -> {
              health.failed("count subscribers", e);
              return ledger.localCount(counter(appId, channel));
            });
  }

  @Override
  public CompletableFuture<Map<String, Integer>> channels(String appId) {
    return redis
        .hgetall(ledger.keys().occupancyKey(appId))
        .toCompletableFuture()
        .<Map<String, Integer>>thenApply(
            all -> {
              TreeMap<String, Integer> result = new TreeMap<>();
              all.forEach((channel, count) -> result.put(channel, Integer.parseInt(count)));
              return result;
            })
        .exceptionally(
            e -> {
              health.failed("list channels", e);
              TreeMap<String, Integer> result = new TreeMap<>();
              ledger
                  .local(Kind.OCCUPANCY, appId, null)
                  .keySet()
                  .forEach(c -> result.put(c.channel(), ledger.localCount(c)));
              return result;
            });
  }

  private CompletableFuture<Integer> change(String appId, String channel, int delta) {
    Counter counter = counter(appId, channel);
    return ledger
        .change(counter, delta, null, 0, false)
        .thenApply(Change::after)
        .exceptionally(
            e -> {
              health.failed("count a subscription", e);
              return ledger.localCount(counter);
            });
  }

  private static Counter counter(String appId, String channel) {
    return new Counter(Kind.OCCUPANCY, appId, channel, channel);
  }
}
