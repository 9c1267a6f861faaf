package dev.herald.redis.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class RedisProcessTest {
  private static final Duration PING = Duration.ofSeconds(2);

  @Test
  void startsARedisThatAnswersOnItsOwnPort() {
    try (RedisProcess redis = RedisProcess.startOnFreePort()) {
      assertThat(redis.isRunning()).isTrue();
      assertThat(redis.uri()).isEqualTo("redis://127.0.0.1:" + redis.port());
      assertThat(RedisPing.problem(redis.uri(), PING)).isEmpty();
    }
  }

  @Test
  void stopsHardAndRestartsOnTheSamePort() {
    try (RedisProcess redis = RedisProcess.startOnFreePort()) {
      String uri = redis.uri();

      redis.stop();
      assertThat(redis.isRunning()).isFalse();
      assertThat(RedisPing.problem(uri, PING))
          .hasValueSatisfying(problem -> assertThat(problem).startsWith("no Redis answers"));

      redis.start();
      assertThat(redis.uri()).isEqualTo(uri);
      assertThat(RedisPing.problem(uri, PING)).isEmpty();
    }
  }

  @Test
  void skipsOutsideCiAndFailsInCiWhenRedisServerIsNotInstalled() {
    String missing = "redis-server-that-is-not-installed";

    assertThatThrownBy(() -> RedisProcess.startOnFreePort(missing, Map.of()))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining(missing + " could not be started");
    assertThatThrownBy(() -> RedisProcess.startOnFreePort(missing, Map.of("CI", "true")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Redis is required in CI");
  }

  @Test
  void closingStopsItForGood() {
    RedisProcess redis = RedisProcess.startOnFreePort();
    redis.close();
    redis.close();

    assertThat(redis.isRunning()).isFalse();
    assertThat(RedisPing.problem(redis.uri(), PING)).isPresent();
  }
}
