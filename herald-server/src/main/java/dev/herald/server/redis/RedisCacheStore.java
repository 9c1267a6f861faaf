package dev.herald.server.redis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.PusherJson;
import dev.herald.redis.RedisKeys;
import dev.herald.server.cache.CacheStore;
import dev.herald.server.cache.CachedEvent;
import dev.herald.server.cache.MemoryCacheStore;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Cache channels for the whole cluster, in Redis: the last event's JSON under the channel's key
 * with the app's TTL (the key the library's Redis driver writes too). Also kept in this node's
 * memory, which answers while Redis cannot be reached.
 */
final class RedisCacheStore implements CacheStore {
  private final RedisAsyncCommands<String, String> redis;
  private final RedisKeys keys;
  private final RedisHealth health;
  private final MemoryCacheStore local = new MemoryCacheStore();

  RedisCacheStore(RedisAsyncCommands<String, String> redis, RedisKeys keys, RedisHealth health) {
    this.redis = redis;
    this.keys = keys;
    this.health = health;
  }

  @Override
  public void put(String appId, String channel, CachedEvent event, long nowMillis) {
    local.put(appId, channel, event, nowMillis);
    long ttl = event.expiresAtMillis() - nowMillis;
    String key = keys.cacheKey(appId, channel);
    if (ttl <= 0) {
      // Expired already: it still replaces the earlier event, which is gone with it.
      redis
          .del(key)
          .exceptionally(
              e -> {
                health.failed("store a cache channel's event", e);
                return null;
              });
      return;
    }
    redis
        .psetex(key, ttl, new String(event.json(), StandardCharsets.UTF_8))
        .exceptionally(
            e -> {
              health.failed("store a cache channel's event", e);
              return null;
            });
  }

  @Override
  public CompletableFuture<Optional<CachedEvent>> find(
      String appId, String channel, long nowMillis) {
    String key = keys.cacheKey(appId, channel);
    CompletableFuture<String> json = redis.get(key).toCompletableFuture();
    CompletableFuture<Long> ttl = redis.pttl(key).toCompletableFuture();
    return json.thenCombine(
            ttl,
            (text, millis) ->
                text == null || millis == null || millis == -2
                    ? Optional.<CachedEvent>empty()
                    : Optional.of(event(text, millis < 0 ? Long.MAX_VALUE / 2 : millis, nowMillis)))
        .exceptionally(
            e -> {
              health.failed("read a cache channel's event", e);
              return local.findNow(appId, channel, nowMillis);
            });
  }

  private static CachedEvent event(String json, long ttlMillis, long nowMillis) {
    String data = "";
    try {
      JsonNode node = PusherJson.mapper().readTree(json);
      JsonNode field = node == null ? null : node.get("data");
      if (field != null) {
        data = field.isTextual() ? field.asText() : PusherJson.string(field);
      }
    } catch (IOException e) {
      // Not JSON: served as stored, with no data to show in info=cache.
    }
    return new CachedEvent(json.getBytes(StandardCharsets.UTF_8), data, nowMillis + ttlMillis);
  }
}
