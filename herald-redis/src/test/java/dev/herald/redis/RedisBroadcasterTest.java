package dev.herald.redis;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.Broadcast;
import dev.herald.Channel;
import dev.herald.pusher.PusherJson;
import dev.herald.redis.RedisEnvelope.Kind;
import dev.herald.redis.RedisSubscriber.Received;
import dev.herald.redis.testing.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link RedisBroadcaster} writes to Redis, beyond what subscribers see (the contract). */
class RedisBroadcasterTest {
  private static final String APP_ID = "app-1";

  private final String prefix = TestRedis.uniquePrefix();
  private final RedisKeys keys = new RedisKeys(prefix);
  private RedisClient client;
  private StatefulRedisConnection<String, String> connection;
  private RedisCommands<String, String> redis;
  private RedisSubscriber subscriber;
  private RedisBroadcaster broadcaster;

  @BeforeEach
  void connect() {
    String uri = TestRedis.uri();
    client = RedisClient.create(uri);
    connection = client.connect();
    redis = connection.sync();
    subscriber = RedisSubscriber.subscribe(uri, keys.eventChannelPattern());
    broadcaster =
        RedisBroadcaster.builder()
            .uri(uri)
            .appId(APP_ID)
            .prefix(prefix)
            .cacheTtl(Duration.ofMinutes(2))
            .build();
  }

  @AfterEach
  void disconnect() {
    if (client == null) {
      return; // skipped: no Redis
    }
    broadcaster.close();
    subscriber.close();
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  @Test
  void publishesTheEventJsonExactlyAsPusherJsonWritesItFromNoNode() {
    await(
        broadcaster
            .on(Channel.publicChannel("orders"))
            .as("shipped")
            .withJson("{\"id\":1}")
            .send());

    Received received = subscriber.next();
    assertThat(received.pubsubChannel()).isEqualTo(prefix + "ch:app-1:orders");
    RedisEnvelope envelope = received.envelope();
    assertThat(envelope.kind()).isEqualTo(Kind.EVENT);
    assertThat(envelope.origin()).isEmpty();
    assertThat(envelope.appId()).isEqualTo(APP_ID);
    assertThat(envelope.exceptSocketId()).isNull();
    assertThat(envelope.payload())
        .isEqualTo(PusherJson.channelEvent("shipped", "orders", "{\"id\":1}", null));
  }

  @Test
  void storesTheLastEventOfACacheChannelWithItsTtlBeforePublishingIt() {
    Channel prices = Channel.publicChannel("cache-prices");

    await(broadcaster.on(prices).as("price").withJson("{\"cents\":1}").send());

    RedisEnvelope envelope = subscriber.next().envelope();
    // Read after the event arrived: the SET went first on the same connection.
    String cached = redis.get(keys.cacheKey(APP_ID, "cache-prices"));
    assertThat(cached).isEqualTo(new String(envelope.payload(), UTF_8));
    assertThat(redis.pttl(keys.cacheKey(APP_ID, "cache-prices")))
        .isBetween(Duration.ofMinutes(1).toMillis(), Duration.ofMinutes(2).toMillis());

    await(broadcaster.on(prices).as("price").withJson("{\"cents\":2}").send());
    subscriber.next();
    assertThat(redis.get(keys.cacheKey(APP_ID, "cache-prices"))).contains("{\\\"cents\\\":2}");
  }

  @Test
  void cachesOnlyCacheChannels() {
    await(broadcaster.on(Channel.publicChannel("orders")).as("x").withJson("{}").send());
    subscriber.next();

    assertThat(redis.keys(prefix + "cache:*")).isEmpty();
  }

  @Test
  void cachesEncryptedCacheChannelsEncrypted() {
    RedisBroadcaster encrypting =
        RedisBroadcaster.builder()
            .uri(TestRedis.uri())
            .appId(APP_ID)
            .prefix(prefix)
            .encryptionMasterKey(dev.herald.BroadcasterContract.MASTER_KEY)
            .build();
    try (encrypting) {
      Channel inbox = Channel.encryptedChannel("cache-inbox");
      await(encrypting.on(inbox).as("note").withJson("{\"text\":\"secret\"}").send());
      subscriber.next();

      assertThat(redis.get(keys.cacheKey(APP_ID, inbox.name())))
          .contains("\"channel\":\"private-encrypted-cache-inbox\"")
          .doesNotContain("secret");
    }
  }

  @Test
  void carriesTheSocketIdToLeaveOutInTheEnvelope() {
    await(broadcaster.on(Channel.publicChannel("orders")).as("x").toOthers("123.456").send());

    assertThat(subscriber.next().envelope().exceptSocketId()).isEqualTo("123.456");
  }

  @Test
  void sendsToAUserOnTheUsersChannel() {
    await(broadcaster.toUser("user-42").as("notice").withJson("{}").send());

    Received received = subscriber.next();
    assertThat(received.pubsubChannel()).isEqualTo(prefix + "ch:app-1:#server-to-user-user-42");
    assertThat(received.envelope().kind()).isEqualTo(Kind.EVENT);
    assertThat(received.envelope().userId()).isEqualTo("user-42");
  }

  @Test
  void publishesATerminateEnvelopeOnTheUsersChannel() {
    await(broadcaster.terminateUserConnections("user-42"));

    Received received = subscriber.next();
    assertThat(received.pubsubChannel()).isEqualTo(prefix + "ch:app-1:#server-to-user-user-42");
    assertThat(received.envelope()).isEqualTo(RedisEnvelope.terminate("", APP_ID, "user-42"));
  }

  @Test
  void refusesToTerminateAnInvalidUserOrAfterClose() {
    assertThatThrownBy(() -> broadcaster.terminateUserConnections("no spaces"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("characters outside");
    broadcaster.close();
    assertThatThrownBy(() -> broadcaster.terminateUserConnections("user-42"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void publishesEveryChannelOfAnEventAndTheirEventsInOrder() {
    List<Channel> channels = List.of(Channel.publicChannel("a"), Channel.privateChannel("b"));
    await(
        broadcaster.broadcastAll(
            List.of(
                Broadcast.of(channels, "first", "{}"), Broadcast.of(channels, "second", "{}"))));

    assertThat(List.of(next(), next(), next(), next()))
        .containsExactly("a first", "private-b first", "a second", "private-b second");
  }

  @Test
  void leavesAClientItWasGivenRunning() {
    RedisBroadcaster onShared =
        RedisBroadcaster.builder().uri(TestRedis.uri()).client(client).appId(APP_ID).build();
    await(onShared.on(Channel.publicChannel("orders")).as("x").withJson("{}").send());
    onShared.close();

    try (StatefulRedisConnection<String, String> again = client.connect()) {
      assertThat(again.sync().ping()).isEqualTo("PONG");
    }
  }

  @Test
  void refusesToBuildWithoutAnAppIdOrWithABadSetting() {
    assertThatThrownBy(() -> RedisBroadcaster.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("set the app's id with appId(...)");
    assertThatThrownBy(() -> RedisBroadcaster.builder().uri("http://user:s3cret@host"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("redis://")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> RedisBroadcaster.builder().prefix(""))
        .hasMessageContaining("prefix is empty");
    assertThatThrownBy(() -> RedisBroadcaster.builder().cacheTtl(Duration.ZERO))
        .hasMessageContaining("cacheTtl must be at least 1 ms");
    assertThatThrownBy(() -> RedisBroadcaster.builder().maxPayloadBytes(0))
        .hasMessageContaining("maxPayloadBytes must be positive");
  }

  @Test
  void exposesTheNamesItPublishesUnder() {
    assertThat(broadcaster.keys()).isEqualTo(keys);
    try (RedisBroadcaster defaults = RedisBroadcaster.builder().appId("a").build()) {
      assertThat(defaults.keys()).isEqualTo(RedisKeys.defaults());
    }
  }

  /** The next envelope's channel and event name. */
  private String next() {
    RedisEnvelope envelope = subscriber.next().envelope();
    try {
      return envelope.channel()
          + " "
          + PusherJson.mapper().readTree(envelope.payload()).path("event").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void await(CompletableFuture<Void> sent) {
    sent.orTimeout(10, TimeUnit.SECONDS).join();
  }
}
