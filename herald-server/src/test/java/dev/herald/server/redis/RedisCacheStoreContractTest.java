package dev.herald.server.redis;

import static dev.herald.server.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.redis.RedisKeys;
import dev.herald.server.cache.CacheStore;
import dev.herald.server.cache.CacheStoreContract;
import dev.herald.server.cache.CachedEvent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract on Redis, with the store built as {@code RedisCluster.start} builds it; and what
 * only a shared store does: another node (or the library's Redis driver) finds what one node put.
 */
class RedisCacheStoreContractTest extends CacheStoreContract {
  private TestCluster redis;

  @Override
  protected CacheStore newStore() {
    redis = TestCluster.open();
    return new RedisCacheStore(
        redis.text().async(), new RedisKeys(redis.prefix()), TestCluster.health());
  }

  @AfterEach
  void closeRedis() {
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void anotherNodeFindsWhatOneNodePut() {
    RedisCacheStore other =
        new RedisCacheStore(
            redis.newText().async(), new RedisKeys(redis.prefix()), TestCluster.health());
    put(APP, CHANNEL, event(CHANNEL, "{\"cents\":99}", TTL_MILLIS));
    await(store.find(APP, CHANNEL, now())); // the put has been applied

    CachedEvent found = await(other.find(APP, CHANNEL, now())).orElseThrow();

    assertThat(found.data()).isEqualTo("{\"cents\":99}");
  }

  @Test
  void storesTheEventJsonUnderTheChannelsKeyWithTheTtl() {
    CachedEvent event = event(CHANNEL, "x", TTL_MILLIS);
    put(APP, CHANNEL, event);
    await(store.find(APP, CHANNEL, now()));

    String key = new RedisKeys(redis.prefix()).cacheKey(APP, CHANNEL);
    assertThat(redis.sync().get(key)).isEqualTo(new String(event.json(), StandardCharsets.UTF_8));
    assertThat(redis.sync().pttl(key)).isBetween(TTL_MILLIS - 5_000, TTL_MILLIS);
  }

  @Test
  void findsAnEventWrittenStraightIntoRedisAsTheLibraryDriverWritesIt() {
    String key = new RedisKeys(redis.prefix()).cacheKey(APP, CHANNEL);
    redis
        .sync()
        .psetex(key, TTL_MILLIS, "{\"event\":\"e\",\"channel\":\"cache-prices\",\"data\":\"hi\"}");

    CachedEvent found = find(APP, CHANNEL).orElseThrow();

    assertThat(found.data()).isEqualTo("hi");
    assertThat(new String(found.json(), StandardCharsets.UTF_8)).contains("\"data\":\"hi\"");
  }

  @Test
  void servesAValueThatIsNotJsonAsStoredWithNoData() {
    String key = new RedisKeys(redis.prefix()).cacheKey(APP, CHANNEL);
    redis.sync().psetex(key, TTL_MILLIS, "not json");

    CachedEvent found = find(APP, CHANNEL).orElseThrow();

    assertThat(found.json()).isEqualTo("not json".getBytes(StandardCharsets.UTF_8));
    assertThat(found.data()).isEmpty();
  }
}
