package dev.herald.server.cluster;

import static dev.herald.server.cluster.ClusterNodes.ready;
import static dev.herald.server.cluster.ClusterNodes.subscriptionCount;
import static dev.herald.server.cluster.ClusterNodes.tally;
import static dev.herald.server.cluster.ClusterNodes.trigger;
import static dev.herald.server.cluster.ClusterNodes.users;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.redis.testing.RedisProcess;
import dev.herald.server.HeraldServer;
import dev.herald.server.testing.WsClient;
import dev.herald.server.webhook.WebhookReceiver;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Redis dies and comes back empty under a running cluster: each node keeps serving its own clients
 * meanwhile and says it is not ready, and afterwards the cluster knows every live member and
 * subscriber again and delivers across nodes, with no ghosts.
 */
class ClusterRedisRestartIT {
  /** Short, so that outages longer than it are quick to stage; production's default is 15 s. */
  static final Duration NODE_TIMEOUT = Duration.ofSeconds(2);

  /** How long a node may take to notice that Redis is gone, or back. */
  static final Duration NOTICE = Duration.ofSeconds(10);

  @Test
  void servesLocallyWhileRedisIsDownAndRestoresMembersAndDeliveryWhenItComesBackEmpty() {
    try (RedisProcess redis = RedisProcess.startOnFreePort();
        ClusterNodes cluster = new ClusterNodes(redis.uri(), "herald-restart:", NODE_TIMEOUT)) {
      HeraldServer a = cluster.start();
      HeraldServer b = cluster.start();
      HeraldServer c = cluster.start();
      try (WsClient ann = WsClient.connect(a.port(), "app-key");
          WsClient bob = WsClient.connect(b.port(), "app-key");
          WsClient lee = WsClient.connect(b.port(), "app-key")) {
        join(ann, "ann");
        join(bob, "bob");
        join(lee, "lee");
        ann.subscribe("ticker");
        bob.subscribe("ticker");
        assertThat(users(c, "presence-room")).containsExactlyInAnyOrder("ann", "bob", "lee");
        assertThat(subscriptionCount(c, "ticker")).isEqualTo(2);
        ann.drain(Duration.ofMillis(100));
        bob.drain(Duration.ofMillis(100));

        redis.stop();
        await().atMost(NOTICE).until(() -> ready(a) == 503);
        long sent = System.nanoTime();
        HttpResponse<String> during = trigger(a, "ticker", "during-outage", "1");
        Duration took = Duration.ofNanos(System.nanoTime() - sent);
        assertThat(during.statusCode()).isEqualTo(200);
        assertThat(took).as("a trigger never waits for an absent Redis").isLessThan(seconds(2));
        ann.awaitEvent("during-outage");
        // Lee leaves while Redis is away: node B tells its own clients at once.
        lee.close();
        JsonNode leeLeft = bob.awaitEvent("pusher_internal:member_removed");
        assertThat(WsClient.data(leeLeft).get("user_id").asText()).isEqualTo("lee");

        long restarted = System.nanoTime();
        redis.start();
        await()
            .atMost(NOTICE)
            .until(() -> List.of(a, b, c).stream().allMatch(n -> ready(n) == 200));
        System.out.printf(
            "ClusterRedisRestartIT: Redis restarted -> every node ready in %d ms%n",
            Duration.ofNanos(System.nanoTime() - restarted).toMillis());
        awaitDeliveryFrom(c, ann, bob);
        System.out.printf(
            "ClusterRedisRestartIT: Redis restarted -> delivery across nodes in %d ms%n",
            Duration.ofNanos(System.nanoTime() - restarted).toMillis());

        assertThat(trigger(c, "ticker", "after-restart", "2").statusCode()).isEqualTo(200);
        ann.awaitEvent("after-restart");
        bob.awaitEvent("after-restart");
        // A marker from node C follows its event through the same Redis connections.
        assertThat(trigger(c, "ticker", "marker", "3").statusCode()).isEqualTo(200);
        assertThat(ann.receivedBefore("marker"))
            .as("no duplicates")
            .noneMatch(ClusterRedisRestartIT::isTickerEvent);
        assertThat(bob.receivedBefore("marker"))
            .as("no duplicates")
            .noneMatch(ClusterRedisRestartIT::isTickerEvent);

        await()
            .atMost(NOTICE)
            .untilAsserted(
                () -> {
                  assertThat(users(c, "presence-room"))
                      .as("every live member, and not lee, who left while Redis was down")
                      .containsExactlyInAnyOrder("ann", "bob");
                  assertThat(subscriptionCount(c, "ticker")).isEqualTo(2);
                });
      }
    }
  }

  @Test
  void tellsTheOtherNodesClientsWhoJoinedAndLeftWhileRedisWasDown() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver("1", "app-key", "app-secret");
        RedisProcess redis = RedisProcess.startOnFreePort();
        ClusterNodes cluster =
            new ClusterNodes(
                redis.uri(),
                "herald-restart:",
                NODE_TIMEOUT,
                ClusterNodes.appWithWebhooksTo(receiver.url()))) {
      HeraldServer a = cluster.start();
      HeraldServer b = cluster.start();
      try (WsClient ann = WsClient.connect(a.port(), "app-key");
          WsClient bob = WsClient.connect(b.port(), "app-key");
          WsClient lee = WsClient.connect(b.port(), "app-key");
          WsClient zed = WsClient.connect(b.port(), "app-key")) {
        join(ann, "ann");
        join(bob, "bob");
        join(lee, "lee");
        assertThat(users(a, "presence-room")).containsExactlyInAnyOrder("ann", "bob", "lee");
        ann.drain(Duration.ofMillis(100));
        bob.drain(Duration.ofMillis(100));

        redis.stop();
        await().atMost(NOTICE).until(() -> ready(b) == 503);
        lee.close();
        assertThat(userId(bob.awaitEvent("pusher_internal:member_removed"))).isEqualTo("lee");
        join(zed, "zed");
        assertThat(userId(bob.awaitEvent("pusher_internal:member_added"))).isEqualTo("zed");

        redis.start();
        await().atMost(NOTICE).until(() -> ready(a) == 200 && ready(b) == 200);
        assertThat(userId(ann.awaitEvent("pusher_internal:member_added", NOTICE)))
            .as("ann, on A, hears of zed, who joined on B while Redis was down")
            .isEqualTo("zed");
        assertThat(userId(ann.awaitEvent("pusher_internal:member_removed", NOTICE)))
            .as("ann hears that lee left: no ghost in her member list")
            .isEqualTo("lee");
        await()
            .atMost(NOTICE)
            .untilAsserted(
                () ->
                    assertThat(users(a, "presence-room"))
                        .containsExactlyInAnyOrder("ann", "bob", "zed"));
        assertThat(bob.drain(Duration.ofMillis(500)))
            .as("bob, on B, heard of both at once and hears nothing twice")
            .noneMatch(m -> m.path("event").asText().startsWith("pusher_internal:member_"));
        assertThat(ann.drain(Duration.ofMillis(100)))
            .noneMatch(m -> m.path("event").asText().startsWith("pusher_internal:member_"));
      }
      cluster.close();
      assertThat(tally(receiver.events()))
          .as("each join and leave reported once, those while Redis was down included")
          .isEqualTo(
              Map.of(
                  "channel_occupied presence-room", 1,
                  "channel_vacated presence-room", 1,
                  "member_added presence-room ann", 1,
                  "member_added presence-room bob", 1,
                  "member_added presence-room lee", 1,
                  "member_added presence-room zed", 1,
                  "member_removed presence-room ann", 1,
                  "member_removed presence-room bob", 1,
                  "member_removed presence-room lee", 1,
                  "member_removed presence-room zed", 1));
    }
  }

  @Test
  void keepsEveryMemberThroughARedisStallLongerThanTheNodeTimeout() {
    try (RedisProcess redis = RedisProcess.startOnFreePort();
        ClusterNodes cluster = new ClusterNodes(redis.uri(), "herald-stall:", NODE_TIMEOUT)) {
      HeraldServer a = cluster.start();
      HeraldServer b = cluster.start();
      try (WsClient ann = WsClient.connect(a.port(), "app-key");
          WsClient bob = WsClient.connect(b.port(), "app-key")) {
        join(ann, "ann");
        join(bob, "bob");
        ann.awaitEvent("pusher_internal:member_added");
        ann.subscribe("ticker");
        bob.subscribe("ticker");

        long frozen = System.nanoTime();
        redis.pause(); // every node's heartbeat stalls; nobody is dead
        await().atMost(NOTICE).until(() -> ready(a) == 503 && ready(b) == 503);
        System.out.printf(
            "ClusterRedisRestartIT: Redis frozen -> not ready in %d ms%n",
            Duration.ofNanos(System.nanoTime() - frozen).toMillis());
        Duration stall = NODE_TIMEOUT.plus(NODE_TIMEOUT.dividedBy(3)).plusSeconds(1);
        await()
            .atMost(stall.plusSeconds(5))
            .until(() -> Duration.ofNanos(System.nanoTime() - frozen).compareTo(stall) >= 0);
        redis.resume();

        await().atMost(NOTICE).until(() -> ready(a) == 200 && ready(b) == 200);
        assertThat(users(a, "presence-room")).containsExactlyInAnyOrder("ann", "bob");
        awaitDeliveryFrom(a, bob);
        // Long enough for a wrong reap, its announcement and the comeback to be heard.
        Duration window = NODE_TIMEOUT.dividedBy(3).plusSeconds(2);
        assertThat(ann.drain(window))
            .as("nobody was taken for dead: no member left or came back")
            .noneMatch(m -> m.path("event").asText().startsWith("pusher_internal:member_"));
        assertThat(bob.drain(Duration.ofMillis(100)))
            .noneMatch(m -> m.path("event").asText().startsWith("pusher_internal:member_"));
      }
    }
  }

  @Test
  void takesNobodyForDeadWhenRedisComesBackWithItsDataAfterMoreThanTheNodeTimeout() {
    try (RedisProcess redis = RedisProcess.startOnFreePort();
        ClusterNodes cluster = new ClusterNodes(redis.uri(), "herald-kept:", NODE_TIMEOUT)) {
      HeraldServer a = cluster.start();
      HeraldServer b = cluster.start();
      try (WsClient ann = WsClient.connect(a.port(), "app-key");
          WsClient bob = WsClient.connect(b.port(), "app-key");
          WsClient lee = WsClient.connect(b.port(), "app-key")) {
        join(ann, "ann");
        join(bob, "bob");
        join(lee, "lee");
        assertThat(users(a, "presence-room")).containsExactlyInAnyOrder("ann", "bob", "lee");
        ann.drain(Duration.ofMillis(100));
        bob.drain(Duration.ofMillis(100));

        long down = System.nanoTime();
        redis.stopKeepingData(); // a restart with persistence, or a network outage
        await().atMost(NOTICE).until(() -> ready(a) == 503 && ready(b) == 503);
        lee.close(); // Redis keeps lee; only node B knows lee left
        assertThat(userId(bob.awaitEvent("pusher_internal:member_removed"))).isEqualTo("lee");
        Duration outage = NODE_TIMEOUT.plus(NODE_TIMEOUT.dividedBy(3)).plusSeconds(1);
        await()
            .atMost(outage.plusSeconds(5))
            .until(() -> Duration.ofNanos(System.nanoTime() - down).compareTo(outage) >= 0);
        redis.start();

        await().atMost(NOTICE).until(() -> ready(a) == 200 && ready(b) == 200);
        assertThat(userId(ann.awaitEvent("pusher_internal:member_removed", NOTICE)))
            .as("ann hears that lee left")
            .isEqualTo("lee");
        await()
            .atMost(NOTICE)
            .untilAsserted(
                () ->
                    assertThat(users(a, "presence-room"))
                        .as("Redis kept lee, node B took lee out")
                        .containsExactlyInAnyOrder("ann", "bob"));
        // Long enough for a wrong reap, its announcement and the comeback to be heard.
        Duration window = NODE_TIMEOUT.plusSeconds(1);
        assertThat(ann.drain(window))
            .as("nobody was taken for dead: bob neither left nor came back")
            .noneMatch(m -> m.path("event").asText().startsWith("pusher_internal:member_"));
        assertThat(bob.drain(Duration.ofMillis(100)))
            .noneMatch(m -> m.path("event").asText().startsWith("pusher_internal:member_"));
      }
    }
  }

  private static String userId(JsonNode memberEvent) {
    return WsClient.data(memberEvent).get("user_id").asText();
  }

  /**
   * Triggers a new event on {@code node} until both clients receive it (the nodes subscribe again
   * after Redis is back, each in its own time); each probe must arrive at most once.
   */
  private static void awaitDeliveryFrom(HeraldServer node, WsClient... clients) {
    AtomicInteger probe = new AtomicInteger();
    await()
        .atMost(NOTICE)
        .pollInSameThread()
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              String name = "probe-" + probe.incrementAndGet();
              trigger(node, "ticker", name, "p");
              boolean all = true;
              for (WsClient client : clients) {
                all &= client.pollEvent(name, Duration.ofMillis(300)).isPresent();
              }
              return all;
            });
    // A marker from the same node arrives after every probe it sent that is still on its way.
    String marker = "probes-done-" + probe.get();
    trigger(node, "ticker", marker, "p");
    for (WsClient client : clients) {
      List<String> names =
          client.receivedBefore(marker).stream()
              .map(m -> m.path("event").asText())
              .filter(name -> name.startsWith("probe-"))
              .toList();
      assertThat(names).as("probes that arrived late or twice").doesNotHaveDuplicates();
    }
  }

  private static boolean isTickerEvent(JsonNode message) {
    return message.path("channel").asText().equals("ticker");
  }

  private static void join(WsClient client, String userId) {
    client.joinPresence(
        "presence-room", "{\"user_id\":\"" + userId + "\"}", "app-key", "app-secret");
  }

  private static Duration seconds(int n) {
    return Duration.ofSeconds(n);
  }
}
