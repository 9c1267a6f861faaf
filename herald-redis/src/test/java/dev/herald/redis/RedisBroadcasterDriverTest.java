package dev.herald.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.herald.Broadcaster;
import dev.herald.Broadcasters;
import dev.herald.Channel;
import dev.herald.DriverSettings;
import dev.herald.redis.RedisSubscriber.Received;
import dev.herald.redis.testing.TestRedis;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The {@code redis} driver, as {@link Broadcasters} finds it on the classpath. */
class RedisBroadcasterDriverTest {
  private final String prefix = TestRedis.uniquePrefix();

  @Test
  void replacesCoresPlaceholderForTheRedisDriver() {
    assertThat(Broadcasters.standard().names()).contains("redis");
    try (Broadcaster broadcaster =
        Broadcasters.standard()
            .create(DriverSettings.of(Map.of("driver", "redis", "app-id", "app-1")))) {
      assertThat(broadcaster).isInstanceOf(RedisBroadcaster.class);
    }
  }

  @Test
  void publishesIntoTheRedisTheEnvironmentNames() {
    String uri = TestRedis.uri();
    Map<String, String> environment =
        Map.of(
            "HERALD_DRIVER", "redis",
            "HERALD_REDIS_URL", uri,
            "HERALD_APP_ID", "app-1",
            "HERALD_REDIS_PREFIX", prefix,
            "HERALD_CACHE_TTL_MS", "60000");
    try (RedisSubscriber subscriber = RedisSubscriber.subscribe(uri, prefix + "ch:*");
        Broadcaster broadcaster =
            Broadcasters.standard().create(DriverSettings.fromEnvironment(environment))) {
      broadcaster
          .on(Channel.publicChannel("orders"))
          .as("shipped")
          .withJson("{}")
          .send()
          .orTimeout(10, TimeUnit.SECONDS)
          .join();

      Received received = subscriber.next();
      assertThat(received.pubsubChannel()).isEqualTo(prefix + "ch:app-1:orders");
      assertThat(received.envelope().appId()).isEqualTo("app-1");
    }
  }

  @Test
  void publishesForTheDevelopmentAppWhenNothingIsConfigured() throws Exception {
    String uri = TestRedis.uri();
    assumeTrue(uri.equals(RedisBroadcasterBuilder.DEFAULT_URI), "needs Redis at the default URI");
    String channel =
        "driver-test-" + prefix.substring("herald-test:".length(), prefix.length() - 1);
    try (RedisSubscriber subscriber =
            RedisSubscriber.subscribe(uri, "herald:ch:herald-dev:" + channel);
        Broadcaster broadcaster =
            Broadcasters.standard().create(DriverSettings.of(Map.of("driver", "redis")))) {
      broadcaster.on(Channel.of(channel)).as("x").withJson("{}").send().get(10, TimeUnit.SECONDS);

      assertThat(subscriber.next().envelope().channel()).isEqualTo(channel);
    }
  }

  @Test
  void namesTheSettingThatIsWrongAndNeverRepeatsTheUri() {
    Broadcasters drivers = Broadcasters.standard();
    Map<String, String> base = Map.of("HERALD_DRIVER", "redis", "HERALD_APP_ID", "app-1");

    assertThatThrownBy(() -> drivers.create(environment(base, "HERALD_CACHE_TTL_MS", "0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("HERALD_CACHE_TTL_MS: cacheTtl must be at least 1 ms, was PT0S");
    assertThatThrownBy(() -> drivers.create(environment(base, "HERALD_CACHE_TTL_MS", "soon")))
        .hasMessage("HERALD_CACHE_TTL_MS must be an integer");
    assertThatThrownBy(
            () -> drivers.create(environment(base, "HERALD_REDIS_URL", "http://u:s3cret@h")))
        .hasMessageStartingWith("HERALD_REDIS_URL: the Redis URI must look like redis://")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(
            () -> drivers.create(environment(base, "HERALD_ENCRYPTION_MASTER_KEY", "c2hvcnQ=")))
        .hasMessageStartingWith("HERALD_ENCRYPTION_MASTER_KEY: ")
        .hasMessageNotContaining("c2hvcnQ");
  }

  @Test
  void takesABlankPrefixAsUnset() {
    Map<String, String> settings = Map.of("driver", "redis", "app-id", "a", "redis-prefix", " ");
    try (Broadcaster broadcaster = Broadcasters.standard().create(DriverSettings.of(settings))) {
      assertThat(((RedisBroadcaster) broadcaster).keys()).isEqualTo(RedisKeys.defaults());
    }
  }

  @Test
  void needsTheAppIdOnceARedisIsConfigured() {
    DriverSettings settings =
        DriverSettings.of(Map.of("driver", "redis", "redis-url", "redis://127.0.0.1:6379"));

    assertThatThrownBy(() -> Broadcasters.standard().create(settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("app-id is not set");
  }

  private static DriverSettings environment(Map<String, String> base, String name, String value) {
    Map<String, String> all = new HashMap<>(base);
    all.put(name, value);
    return DriverSettings.fromEnvironment(all);
  }
}
