package dev.herald.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RedisKeysTest {
  private final RedisKeys keys = new RedisKeys("herald:");

  @Test
  void namesAChannelsPubSubChannelUnderThePrefix() {
    assertThat(keys.eventChannel("1", "private-orders")).isEqualTo("herald:ch:1:private-orders");
  }

  @Test
  void givesThePubSubChannelAsUtf8Bytes() {
    assertThat(keys.eventChannelBytes("ü", "presence-日本"))
        .isEqualTo("herald:ch:ü:presence-日本".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void namesACacheChannelsKeyUnderThePrefix() {
    assertThat(keys.cacheKey("1", "cache-prices")).isEqualTo("herald:cache:1:cache-prices");
  }

  @Test
  void keepsAnotherPrefixApart() {
    RedisKeys other = new RedisKeys("staging:");

    assertThat(other.prefix()).isEqualTo("staging:");
    assertThat(other.eventChannel("1", "c")).isEqualTo("staging:ch:1:c");
    assertThat(other.cacheKey("1", "cache-c")).isEqualTo("staging:cache:1:cache-c");
    assertThat(other.eventChannel("1", "c")).isNotEqualTo(keys.eventChannel("1", "c"));
  }

  @Test
  void usesThePrefixAsGivenWithoutAddingASeparator() {
    assertThat(new RedisKeys("app").eventChannel("1", "c")).isEqualTo("appch:1:c");
  }

  @Test
  void hasHeraldColonAsTheDefaultPrefix() {
    assertThat(RedisKeys.DEFAULT_PREFIX).isEqualTo("herald:");
    assertThat(new RedisKeys(RedisKeys.DEFAULT_PREFIX).prefix()).isEqualTo("herald:");
  }

  @Test
  void refusesAnEmptyPrefix() {
    assertThatThrownBy(() -> new RedisKeys(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the Redis key prefix must not be empty");
  }

  @Test
  void refusesANullPrefix() {
    assertThatThrownBy(() -> new RedisKeys(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("prefix");
  }
}
