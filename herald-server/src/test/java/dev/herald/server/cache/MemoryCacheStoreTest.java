package dev.herald.server.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoryCacheStoreTest {
  private final MemoryCacheStore store = new MemoryCacheStore();

  private static CachedEvent expiringAt(long at) {
    return new CachedEvent(new byte[] {'{', '}'}, "d", at);
  }

  @Test
  void servesTheLatestEventUntilItExpires() {
    store.put("1", "cache-a", expiringAt(1_000), 0);
    store.put("1", "cache-a", expiringAt(2_000), 500);
    assertThat(store.findNow("1", "cache-a", 1_500))
        .hasValueSatisfying(e -> assertThat(e.ttlSeconds(1_500)).isEqualTo(1));
    assertThat(store.findNow("1", "cache-a", 2_000)).isEmpty();
    assertThat(store.findNow("2", "cache-a", 0)).as("apps are separate").isEmpty();
  }

  @Test
  void forgetsExpiredChannelsThatAreNeverReadAgain() {
    for (int i = 0; i < MemoryCacheStore.SWEEP_EVERY - 1; i++) {
      store.put("1", "cache-" + i, expiringAt(10), 0);
    }
    assertThat(store.size()).isEqualTo(MemoryCacheStore.SWEEP_EVERY - 1);
    store.put("1", "cache-live", expiringAt(100_000), 50);
    assertThat(store.size()).isEqualTo(1);
  }
}
