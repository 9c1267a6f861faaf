package dev.herald.redis.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class TestRedisTest {
  @Test
  void givesTheUriOfARedisThatAnswers() {
    String uri = TestRedis.uri();

    assertThat(RedisPing.problem(uri, Duration.ofSeconds(2))).isEmpty();
  }

  @Test
  void skipsWithAClearMessageWhenNoRedisAnswersOutsideCi() throws Exception {
    String nowhere = "redis://127.0.0.1:" + closedPort();

    assertThatThrownBy(() -> TestRedis.uri(Map.of(TestRedis.ENVIRONMENT_VARIABLE, nowhere)))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("no Redis answers at 127.0.0.1:")
        .hasMessageContaining("Skipped")
        .hasMessageContaining("HERALD_TEST_REDIS");
  }

  @Test
  void failsWhenNoRedisAnswersInCi() throws Exception {
    String nowhere = "redis://127.0.0.1:" + closedPort();
    Map<String, String> ci = Map.of(TestRedis.ENVIRONMENT_VARIABLE, nowhere, "CI", "true");

    assertThatThrownBy(() -> TestRedis.uri(ci))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no Redis answers at 127.0.0.1:")
        .hasMessageContaining("Redis is required in CI");
  }

  @Test
  void refusesAUriThatIsNotRedis() {
    assertThatThrownBy(
            () -> TestRedis.uri(Map.of(TestRedis.ENVIRONMENT_VARIABLE, "http://127.0.0.1:6379")))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("is not a redis://host:port URI");
  }

  @Test
  void givesEveryTestItsOwnPrefix() {
    assertThat(IntStream.range(0, 100).mapToObj(i -> TestRedis.uniquePrefix()))
        .doesNotHaveDuplicates()
        .allMatch(prefix -> prefix.startsWith("herald-test:") && prefix.endsWith(":"));
  }

  /** A port nothing listens on (it was free a moment ago). */
  static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
