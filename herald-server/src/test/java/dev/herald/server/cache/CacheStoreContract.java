package dev.herald.server.cache;

import static dev.herald.server.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.pusher.PusherJson;
import java.time.Duration;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CacheStore} promises, in memory and on Redis alike: the last event of a cache
 * channel comes back whole (its JSON for replay, its data for {@code info=cache}) until it expires;
 * a later event replaces it; apps and channels are kept apart. On the real clock, since Redis
 * expires keys on its own.
 */
public abstract class CacheStoreContract {
  protected static final String APP = "1";
  protected static final String CHANNEL = "cache-prices";
  protected static final long TTL_MILLIS = 60_000;

  protected CacheStore store;

  /** A new, empty store. */
  protected abstract CacheStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  protected static long now() {
    return System.currentTimeMillis();
  }

  protected static CachedEvent event(String channel, String data, long ttlMillis) {
    return new CachedEvent(
        PusherJson.channelEvent("price-changed", channel, data, null), data, now() + ttlMillis);
  }

  protected void put(String appId, String channel, CachedEvent event) {
    store.put(appId, channel, event, now());
  }

  protected Optional<CachedEvent> find(String appId, String channel) {
    return await(store.find(appId, channel, now()));
  }

  @Test
  void aChannelWithNothingCachedFindsNothing() {
    assertThat(find(APP, CHANNEL)).isEmpty();
  }

  @Test
  void findsTheEventAsItWasPut() {
    CachedEvent event = event(CHANNEL, "{\"sku\":\"A-1\",\"cents\":120}", TTL_MILLIS);

    put(APP, CHANNEL, event);

    CachedEvent found = find(APP, CHANNEL).orElseThrow();
    assertThat(found.json()).isEqualTo(event.json());
    assertThat(found.data()).isEqualTo("{\"sku\":\"A-1\",\"cents\":120}");
  }

  @Test
  void theDataComesBackForInfoCacheWhateverItHolds() {
    for (String data : new String[] {"plain text", "", "{\"nested\":{\"a\":[1,2]}}", "ü 日本"}) {
      put(APP, CHANNEL, event(CHANNEL, data, TTL_MILLIS));

      assertThat(find(APP, CHANNEL)).get().extracting(CachedEvent::data).isEqualTo(data);
    }
  }

  @Test
  void keepsTheTimeLeftBeforeItExpires() {
    put(APP, CHANNEL, event(CHANNEL, "x", TTL_MILLIS));

    long now = now();
    CachedEvent found = await(store.find(APP, CHANNEL, now)).orElseThrow();

    assertThat(found.expiresAtMillis()).isBetween(now + TTL_MILLIS - 5_000, now + TTL_MILLIS);
    assertThat(found.ttlSeconds(now)).isBetween(55L, 60L);
  }

  @Test
  void aLaterEventReplacesTheEarlier() {
    put(APP, CHANNEL, event(CHANNEL, "first", TTL_MILLIS));

    put(APP, CHANNEL, event(CHANNEL, "second", TTL_MILLIS));

    assertThat(find(APP, CHANNEL)).get().extracting(CachedEvent::data).isEqualTo("second");
  }

  @Test
  void anEventIsGoneOnceItExpires() {
    put(APP, CHANNEL, event(CHANNEL, "short-lived", 1_500));
    assertThat(find(APP, CHANNEL)).isPresent();

    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> find(APP, CHANNEL).isEmpty());
  }

  @Test
  void anEventAlreadyExpiredWhenPutReplacesTheEarlierOne() {
    put(APP, CHANNEL, event(CHANNEL, "earlier", TTL_MILLIS));

    put(APP, CHANNEL, event(CHANNEL, "already expired", 0));

    assertThat(find(APP, CHANNEL)).isEmpty();
  }

  @Test
  void channelsAreKeptApart() {
    put(APP, "cache-a", event("cache-a", "a", TTL_MILLIS));
    put(APP, "cache-b", event("cache-b", "b", TTL_MILLIS));

    assertThat(find(APP, "cache-a")).get().extracting(CachedEvent::data).isEqualTo("a");
    assertThat(find(APP, "cache-b")).get().extracting(CachedEvent::data).isEqualTo("b");
    assertThat(find(APP, "cache-c")).isEmpty();
  }

  @Test
  void appsAreKeptApart() {
    put("1", CHANNEL, event(CHANNEL, "one", TTL_MILLIS));
    put("2", CHANNEL, event(CHANNEL, "two", TTL_MILLIS));

    assertThat(find("1", CHANNEL)).get().extracting(CachedEvent::data).isEqualTo("one");
    assertThat(find("2", CHANNEL)).get().extracting(CachedEvent::data).isEqualTo("two");
    assertThat(find("3", CHANNEL)).isEmpty();
  }
}
