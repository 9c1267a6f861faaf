package dev.herald.redis;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RedisKeysTest {
  private final RedisKeys keys = RedisKeys.defaults();

  @Test
  void namesTheEventChannelOfAPusherChannelUnderThePrefix() {
    assertThat(keys.prefix()).isEqualTo("herald:");
    assertThat(keys.eventChannel("app-1", "private-orders.42"))
        .isEqualTo("herald:ch:app-1:private-orders.42");
    assertThat(keys.eventChannel("app-1", "#server-to-user-7"))
        .isEqualTo("herald:ch:app-1:#server-to-user-7");
    assertThat(keys.eventChannelPattern()).isEqualTo("herald:ch:*");
  }

  @Test
  void namesTheCacheKeyOfACacheChannel() {
    assertThat(keys.cacheKey("app-1", "cache-prices")).isEqualTo("herald:cache:app-1:cache-prices");
  }

  @Test
  void namesTheServersClusterState() {
    assertThat(keys.nodesKey()).isEqualTo("herald:nodes");
    assertThat(keys.nodeLedgerKey("n-1")).isEqualTo("herald:node:n-1:ledger");
    assertThat(keys.nodeReapedKey("n-1")).isEqualTo("herald:node:n-1:reaped");
    assertThat(keys.occupancyKey("app-1")).isEqualTo("herald:occupancy:app-1");
    assertThat(keys.onlineKey("app-1")).isEqualTo("herald:online:app-1");
    assertThat(keys.presenceKey("app-1", "presence-room"))
        .isEqualTo("herald:presence:app-1:presence-room");
    assertThat(keys.membersKey("app-1", "presence-room"))
        .isEqualTo("herald:members:app-1:presence-room");
    assertThat(RedisKeys.heldDepartureKey("herald:occupancy:app-1", "orders"))
        .isEqualTo("herald:occupancy:app-1:held:orders");
  }

  @Test
  void offersEveryNameAsUtf8Bytes() {
    RedisKeys custom = new RedisKeys("täst:");
    assertThat(custom.eventChannelBytes("a", "c")).isEqualTo("täst:ch:a:c".getBytes(UTF_8));
    assertThat(custom.cacheKeyBytes("a", "c")).isEqualTo("täst:cache:a:c".getBytes(UTF_8));
  }

  @Test
  void refusesAnEmptyPrefix() {
    assertThatThrownBy(() -> new RedisKeys(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prefix is empty");
  }

  @Test
  void keysWithTheSamePrefixAreEqual() {
    assertThat(new RedisKeys("herald:")).isEqualTo(keys).hasSameHashCodeAs(keys);
    assertThat(new RedisKeys("other:")).isNotEqualTo(keys);
    assertThat(keys).hasToString("RedisKeys[herald:]");
  }
}
