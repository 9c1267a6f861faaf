package dev.herald.redis.readme;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.herald.redis.RedisBroadcaster;
import dev.herald.redis.RedisEnvelope;
import dev.herald.redis.RedisKeys;
import dev.herald.redis.testing.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's "Publishing straight into Redis" honest: its Maven coordinates name this
 * build's version, and its snippet publishes what a Herald node reads. (herald-core's ReadmeTest
 * checks that the snippet appears in {@link RedisReadmeSnippets}.)
 */
class RedisReadmeTest {
  private static final String SUBSECTION = "### Publishing straight into Redis";

  @Test
  void theMavenCoordinatesNameHeraldRedisAtThisVersion() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    int start = readme.indexOf(SUBSECTION);
    assertThat(start).as("the README has a '%s' subsection", SUBSECTION).isNotNegative();
    Matcher version =
        Pattern.compile("<version>([^<]+)</version>").matcher(Files.readString(Path.of("pom.xml")));
    assertThat(version.find()).isTrue();
    assertThat(readme.substring(start))
        .contains(
            "<groupId>dev.herald</groupId>\n"
                + "  <artifactId>herald-redis</artifactId>\n"
                + "  <version>"
                + version.group(1)
                + "</version>");
  }

  @Test
  void theSnippetPublishesAnEnvelopeForTheDevelopmentApp() throws Exception {
    String uri = TestRedis.uri();
    assumeTrue(uri.equals("redis://127.0.0.1:6379"), "the snippet names the default Redis");
    RedisClient client = RedisClient.create(uri);
    BlockingQueue<byte[]> messages = new LinkedBlockingQueue<>();
    try (StatefulRedisPubSubConnection<byte[], byte[]> pubsub =
        client.connectPubSub(ByteArrayCodec.INSTANCE)) {
      pubsub.addListener(
          new RedisPubSubAdapter<>() {
            @Override
            public void message(byte[] channel, byte[] message) {
              messages.add(message);
            }
          });
      pubsub.sync().subscribe("herald:ch:herald-dev:orders".getBytes(UTF_8));

      try (RedisBroadcaster broadcaster = RedisReadmeSnippets.redis()) {
        assertThat(broadcaster.keys()).isEqualTo(RedisKeys.defaults());
        byte[] message = messages.poll(10, TimeUnit.SECONDS);

        assertThat(message).as("an envelope within 10 s").isNotNull();
        RedisEnvelope envelope = RedisEnvelope.decode(message);
        assertThat(envelope.appId()).isEqualTo("herald-dev");
        assertThat(new String(envelope.payload(), UTF_8))
            .isEqualTo(
                "{\"event\":\"order.shipped\",\"channel\":\"orders\",\"data\":\"{\\\"id\\\":42}\"}");
      }
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }
}
