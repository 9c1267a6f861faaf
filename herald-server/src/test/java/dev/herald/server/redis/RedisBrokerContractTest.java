package dev.herald.server.redis;

import static dev.herald.server.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.redis.RedisEnvelope;
import dev.herald.redis.RedisKeys;
import dev.herald.server.broker.Broker;
import dev.herald.server.broker.BrokerContract;
import dev.herald.server.broker.LocalNode;
import dev.herald.server.broker.Message;
import dev.herald.server.broker.RecordingNode;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract on Redis pub/sub, and what only a cluster broker does: two RedisBrokers with
 * different node ids on one prefix are two nodes. A node receives another's publishes exactly once
 * and only while it needs the channel; its own come back from Redis and are skipped.
 *
 * <p>No test waits for "nothing more arrives" by time: a marker published after the messages under
 * test, through the same Redis, arrives after them, so once it is seen they would have been too.
 */
class RedisBrokerContractTest extends BrokerContract {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private TestCluster redis;
  private StatefulRedisConnection<byte[], byte[]> raw;
  private RedisNode a;
  private final List<TestCluster> others = new CopyOnWriteArrayList<>();

  /** One node: a RedisBroker on connections of its own, delivering into a recording node. */
  private static final class RedisNode {
    final String id = TestCluster.nodeId();
    final TestCluster cluster;
    final RecordingNode node;
    final StatefulRedisConnection<byte[], byte[]> publisher;
    final StatefulRedisPubSubConnection<byte[], byte[]> subscriber;
    final RedisBroker broker;
    final List<String[]> listened = new CopyOnWriteArrayList<>();

    RedisNode(TestCluster cluster, RecordingNode node) {
      this.cluster = cluster;
      this.node = node;
      this.publisher = cluster.newBytes();
      this.subscriber = cluster.newPubSub();
      this.broker =
          new RedisBroker(
              id,
              new RedisKeys(cluster.prefix()),
              publisher.async(),
              subscriber,
              TestCluster.health());
      broker.deliverTo(node);
    }

    /** As the channel registry does on the node's first subscriber; waits until confirmed. */
    void listen(String appId, String channel) {
      broker.occupied(appId, channel);
      await(broker.listening(appId, channel));
      listened.add(new String[] {appId, channel});
    }
  }

  @Override
  protected Broker newBroker(LocalNode node) {
    redis = TestCluster.open();
    raw = redis.newBytes();
    a = new RedisNode(redis, (RecordingNode) node);
    return a.broker;
  }

  @AfterEach
  void closeRedis() {
    others.forEach(TestCluster::close);
    if (redis != null) {
      redis.close();
    }
  }

  @Override
  protected void listen(String appId, String channel) {
    a.listen(appId, channel);
  }

  @Override
  protected void settle() {
    settle(a, a);
  }

  /**
   * Returns once what {@code from} published so far has reached {@code to}: waits until Redis ran
   * {@code from}'s PUBLISHes (a PING behind them on the same connection), then until a marker
   * published after them reaches {@code to}.
   */
  private void settle(RedisNode from, RedisNode to) {
    from.publisher.sync().ping();
    if (to.listened.isEmpty()) {
      to.listen(APP, "marker-channel");
    }
    String[] target = to.listened.get(0);
    String marker = RecordingNode.MARKER + UUID.randomUUID();
    RedisEnvelope envelope =
        RedisEnvelope.event(
            "marker-node", target[0], target[1], null, marker.getBytes(StandardCharsets.UTF_8));
    to.cluster
        .newBytes()
        .sync()
        .publish(
            new RedisKeys(to.cluster.prefix()).eventChannelBytes(target[0], target[1]),
            envelope.encode());
    Awaitility.await().atMost(WAIT).until(() -> to.node.sawMarker(marker));
  }

  private RedisNode nodeB() {
    return new RedisNode(redis, new RecordingNode());
  }

  private byte[] eventChannel(String channel) {
    return new RedisKeys(redis.prefix()).eventChannelBytes(APP, channel);
  }

  @Test
  void aPublishOnOneNodeReachesAnotherListeningNodeExactlyOnce() {
    RedisNode b = nodeB();
    b.listen(APP, CHANNEL);

    a.broker.publish(message(CHANNEL, "{\"event\":\"e\",\"data\":\"ü\"}", null));
    settle(a, b);

    assertThat(b.node.payloads()).containsExactly("{\"event\":\"e\",\"data\":\"ü\"}");
    assertThat(b.node.deliveries().get(0).appId()).isEqualTo(APP);
    assertThat(b.node.deliveries().get(0).channel()).isEqualTo(CHANNEL);
    assertThat(a.node.payloads()).as("delivered locally once").hasSize(1);
  }

  @Test
  void aNodeWithoutInterestInTheChannelReceivesNothing() {
    RedisNode b = nodeB();
    b.listen(APP, "other");

    a.broker.publish(message(CHANNEL, "not for b", null));
    settle(a, b);

    assertThat(b.node.deliveries()).isEmpty();
  }

  @Test
  void aNodeThatVacatedTheChannelNoLongerReceivesIt() {
    RedisNode b = nodeB();
    b.listen(APP, "control");
    b.listen(APP, CHANNEL);
    a.broker.publish(message(CHANNEL, "while listening", null));
    settle(a, b);

    b.broker.vacated(APP, CHANNEL);
    // Subscriptions are made in order on b's connection: once this one is confirmed, the
    // unsubscribe before it has been applied.
    b.listen(APP, "barrier");
    a.broker.publish(message(CHANNEL, "after vacating", null));
    settle(a, b);

    assertThat(b.node.payloads()).containsExactly("while listening");
    assertThat(await(b.broker.listening(APP, CHANNEL))).as("nothing to wait for").isNull();
  }

  @Test
  void aNodeThatNeedsTheChannelAgainReceivesItAgain() {
    RedisNode b = nodeB();
    b.listen(APP, CHANNEL);
    b.broker.vacated(APP, CHANNEL);

    b.listen(APP, CHANNEL);
    a.broker.publish(message(CHANNEL, "again", null));
    settle(a, b);

    assertThat(b.node.payloads()).containsExactly("again");
  }

  @Test
  void aNodeNeverReceivesItsOwnEnvelopeTwice() {
    RedisNode b = nodeB();
    a.listen(APP, CHANNEL);
    b.listen(APP, CHANNEL);

    a.broker.publish(message(CHANNEL, "from a", null));
    a.publisher.sync().ping();
    b.broker.publish(message(CHANNEL, "from b", null));
    settle(b, a);
    settle(a, b);

    assertThat(a.node.payloads()).containsExactly("from a", "from b");
    // b delivers its own publish at once, maybe before a's has been read from Redis.
    assertThat(b.node.payloads()).containsExactlyInAnyOrder("from a", "from b");
  }

  @Test
  void theSocketToExcludeTravelsToOtherNodes() {
    RedisNode b = nodeB();
    b.listen(APP, CHANNEL);

    a.broker.publish(message(CHANNEL, "excluding", "123.456"));
    a.broker.publish(message(CHANNEL, "to everyone", null));
    settle(a, b);

    assertThat(b.node.deliveries())
        .extracting(Message::exceptSocketId)
        .containsExactly("123.456", null);
  }

  @Test
  void aTerminationOnOneNodeReachesEveryNodeWhereTheUserIsSignedIn() {
    RedisNode b = nodeB();
    RedisNode c = nodeB();
    b.listen(APP, "#server-to-user-ann");
    c.listen(APP, "#server-to-user-bob");

    a.broker.terminate(APP, "ann");
    settle(a, b);
    settle(a, c);

    assertThat(a.node.terminations()).containsExactly(APP + "/ann");
    assertThat(b.node.terminations()).containsExactly(APP + "/ann");
    assertThat(c.node.terminations()).isEmpty();
    assertThat(b.node.deliveries()).as("a termination is not an event").isEmpty();
  }

  @Test
  void foreignAndGarbageMessagesAreIgnoredAndLaterDeliveriesGoOn() {
    RedisNode b = nodeB();
    b.listen(APP, CHANNEL);
    byte[] valid = RedisEnvelope.event("x", APP, CHANNEL, null, "{}".getBytes()).encode();
    byte[] badVersion = valid.clone();
    badVersion[0] = 2;
    byte[] badKind = valid.clone();
    badKind[1] = 9;
    List<byte[]> garbage =
        List.of(
            new byte[0],
            new byte[] {1},
            "{\"event\":\"from another publisher\"}".getBytes(StandardCharsets.UTF_8),
            badVersion,
            badKind,
            java.util.Arrays.copyOf(valid, 9),
            terminateOutsideAUserChannel());

    for (byte[] bytes : garbage) {
      raw.sync().publish(eventChannel(CHANNEL), bytes);
    }
    a.broker.publish(message(CHANNEL, "still delivered", null));
    settle(a, b);

    assertThat(b.node.payloads()).containsExactly("still delivered");
    assertThat(b.node.terminations()).as("a terminate outside a user channel").isEmpty();
  }

  /** A version 1 TERMINATE envelope whose channel is not a user's, written byte by byte. */
  private static byte[] terminateOutsideAUserChannel() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(1);
    out.write(2);
    for (String field : List.of("x", APP, CHANNEL, "")) {
      byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
      out.write(utf8.length >>> 8);
      out.write(utf8.length & 0xFF);
      out.writeBytes(utf8);
    }
    return out.toByteArray();
  }

  @Test
  void anEnvelopeFromTheLibraryIsDeliveredToEveryListeningNode() {
    RedisNode b = nodeB();
    a.listen(APP, CHANNEL);
    b.listen(APP, CHANNEL);
    byte[] json = "{\"event\":\"from-the-app\"}".getBytes(StandardCharsets.UTF_8);

    raw.sync()
        .publish(
            eventChannel(CHANNEL), RedisEnvelope.event("", APP, CHANNEL, "1.1", json).encode());
    settle(b, a);
    settle(a, b);

    assertThat(a.node.payloads()).containsExactly("{\"event\":\"from-the-app\"}");
    assertThat(b.node.payloads()).containsExactly("{\"event\":\"from-the-app\"}");
    assertThat(b.node.deliveries().get(0).exceptSocketId()).isEqualTo("1.1");
  }

  @Test
  void clustersUnderDifferentPrefixesDoNotSeeEachOthersTraffic() {
    TestCluster elsewhere = redis.another();
    others.add(elsewhere);
    RedisNode b = nodeB();
    RedisNode c = new RedisNode(elsewhere, new RecordingNode());
    RedisNode d = new RedisNode(elsewhere, new RecordingNode());
    b.listen(APP, CHANNEL);
    c.listen(APP, CHANNEL);
    b.listen(APP, "#server-to-user-ann");
    c.listen(APP, "#server-to-user-ann");

    a.broker.publish(message(CHANNEL, "prefix one", null));
    a.broker.terminate(APP, "ann");
    a.publisher.sync().ping();
    d.broker.publish(message(CHANNEL, "prefix two", null));
    settle(a, b);
    settle(d, c);

    assertThat(b.node.payloads()).containsExactly("prefix one");
    assertThat(b.node.terminations()).containsExactly(APP + "/ann");
    assertThat(c.node.payloads()).containsExactly("prefix two");
    assertThat(c.node.terminations()).isEmpty();
  }
}
