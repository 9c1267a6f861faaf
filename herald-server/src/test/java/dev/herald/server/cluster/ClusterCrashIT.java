package dev.herald.server.cluster;

import static dev.herald.server.cluster.ClusterNodes.get;
import static dev.herald.server.cluster.ClusterNodes.json;
import static dev.herald.server.cluster.ClusterNodes.subscriptionCount;
import static dev.herald.server.cluster.ClusterNodes.tally;
import static dev.herald.server.cluster.ClusterNodes.users;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.server.HeraldServer;
import dev.herald.server.testing.WsClient;
import dev.herald.server.webhook.WebhookReceiver;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A node that dies without any cleanup (SIGKILL of its JVM): the cluster takes its members and
 * subscribers back out within the node timeout plus one beat, tells the clients on the surviving
 * nodes, and the webhooks say so once.
 */
class ClusterCrashIT {
  /** Short so the test is quick; production's default is 15 s. */
  static final Duration NODE_TIMEOUT = Duration.ofSeconds(3);

  /**
   * A dead node is noticed by the first beat after its last beat is {@code NODE_TIMEOUT} old, and
   * nodes beat every third of it; one more second for the reap, the publish and the delivery.
   */
  static final Duration BOUND = NODE_TIMEOUT.plus(NODE_TIMEOUT.dividedBy(3)).plusSeconds(1);

  /** channel_vacated and member_removed are held this long by the webhook sender. */
  static final Duration COMEBACK_DELAY = Duration.ofSeconds(3);

  @Test
  void removesTheMembersAndSubscribersOfAKilledNodeWithinTheBoundAndReportsThemOnce()
      throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver("1", "app-key", "app-secret");
        ClusterNodes cluster =
            ClusterNodes.onTestRedisWithWebhooksTo(receiver.url(), NODE_TIMEOUT)) {
      try (ExternalNode k = ExternalNode.launch(cluster.redis(), receiver.url())) {
        HeraldServer a = cluster.start();
        HeraldServer b = cluster.start();
        k.awaitUp();
        crash(receiver, a, b, k);
      }
      // Everyone left and the nodes stopped: every held departure and batch has been sent.
      cluster.close();
      assertThat(tally(receiver.events()))
          .isEqualTo(
              Map.of(
                  "member_added presence-x watcher", 1,
                  "member_added presence-x kim", 1,
                  "member_removed presence-x kim", 1,
                  "member_removed presence-x watcher", 1,
                  "channel_occupied presence-x", 1,
                  "channel_vacated presence-x", 1,
                  "channel_occupied news", 1,
                  "channel_vacated news", 1,
                  "channel_occupied only-on-k", 1,
                  "channel_vacated only-on-k", 1));
    }
  }

  @Test
  void announcesTheMembersOfANodeTakenForDeadAgainWhenItComesBack() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver("1", "app-key", "app-secret");
        ClusterNodes cluster =
            ClusterNodes.onTestRedisWithWebhooksTo(receiver.url(), NODE_TIMEOUT)) {
      try (ExternalNode k = ExternalNode.launch(cluster.redis(), receiver.url())) {
        HeraldServer a = cluster.start();
        k.awaitUp();
        try (WsClient watcher = WsClient.connect(a.port(), "app-key");
            WsClient kim = WsClient.connect(k.port(), "app-key")) {
          watcher.joinPresence("presence-y", "{\"user_id\":\"watcher\"}", "app-key", "app-secret");
          kim.joinPresence("presence-y", "{\"user_id\":\"kim\"}", "app-key", "app-secret");
          watcher.awaitEvent("pusher_internal:member_added");

          k.pause();
          JsonNode removed =
              watcher.awaitEvent("pusher_internal:member_removed", BOUND.plusSeconds(10));
          assertThat(WsClient.data(removed).get("user_id").asText()).isEqualTo("kim");
          assertThat(users(a, "presence-y")).containsExactly("watcher");

          long resumed = System.nanoTime();
          k.resume();
          JsonNode back = watcher.awaitEvent("pusher_internal:member_added", BOUND);
          System.out.printf(
              "ClusterCrashIT: SIGCONT -> member_added again in %d ms%n",
              Duration.ofNanos(System.nanoTime() - resumed).toMillis());
          assertThat(WsClient.data(back).get("user_id").asText()).isEqualTo("kim");
          assertThat(users(a, "presence-y")).containsExactlyInAnyOrder("watcher", "kim");
          assertThat(ClusterNodes.trigger(a, "presence-y", "hello", "1").statusCode())
              .isEqualTo(200);
          kim.awaitEvent("hello");

          kim.close();
          JsonNode left = watcher.awaitEvent("pusher_internal:member_removed");
          assertThat(WsClient.data(left).get("user_id").asText()).isEqualTo("kim");
        }
        k.stop();
      }
      cluster.close();
      assertThat(tally(receiver.events()))
          .as("kim, taken for dead, came back within the comeback delay: invisible, as a reload")
          .isEqualTo(
              Map.of(
                  "member_added presence-y watcher", 1,
                  "member_added presence-y kim", 1,
                  "member_removed presence-y kim", 1,
                  "member_removed presence-y watcher", 1,
                  "channel_occupied presence-y", 1,
                  "channel_vacated presence-y", 1));
    }
  }

  /** Kim is on K and the watcher on A; K dies; what do A, B and the webhooks say? */
  private static void crash(
      WebhookReceiver receiver, HeraldServer a, HeraldServer b, ExternalNode k) {
    try (WsClient watcher = WsClient.connect(a.port(), "app-key");
        WsClient kim = WsClient.connect(k.port(), "app-key")) {
      watcher.joinPresence("presence-x", "{\"user_id\":\"watcher\"}", "app-key", "app-secret");
      watcher.subscribe("news");
      kim.joinPresence("presence-x", "{\"user_id\":\"kim\"}", "app-key", "app-secret");
      kim.subscribe("news");
      kim.subscribe("only-on-k");
      JsonNode added = watcher.awaitEvent("pusher_internal:member_added");
      assertThat(WsClient.data(added).get("user_id").asText()).isEqualTo("kim");
      assertThat(users(b, "presence-x")).containsExactlyInAnyOrder("watcher", "kim");
      assertThat(subscriptionCount(b, "news")).isEqualTo(2);
      // What K reported before it dies must have left it: a dead node's unsent webhooks die too.
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  tally(receiver.events()).containsKey("member_added presence-x kim")
                      && tally(receiver.events()).containsKey("channel_occupied only-on-k"));

      long killed = System.nanoTime();
      k.kill();
      JsonNode removed =
          watcher.awaitEvent("pusher_internal:member_removed", BOUND.plusSeconds(10));
      Duration took = Duration.ofNanos(System.nanoTime() - killed);
      System.out.printf(
          "ClusterCrashIT: SIGKILL -> member_removed on another node in %d ms (bound %d ms)%n",
          took.toMillis(), BOUND.toMillis());

      assertThat(WsClient.data(removed).get("user_id").asText()).isEqualTo("kim");
      assertThat(took).isLessThanOrEqualTo(BOUND);
      assertThat(users(b, "presence-x")).containsExactly("watcher");
      assertThat(subscriptionCount(b, "news")).isEqualTo(1);
      JsonNode channels = json(get(b, "/apps/1/channels").body()).path("channels");
      assertThat(channels.has("news")).isTrue();
      assertThat(channels.has("only-on-k")).as("vacated with its only subscriber").isFalse();
      await()
          .atMost(COMEBACK_DELAY.plusSeconds(5))
          .until(
              () ->
                  tally(receiver.events()).containsKey("member_removed presence-x kim")
                      && tally(receiver.events()).containsKey("channel_vacated only-on-k"));
      assertThat(watcher.drain(Duration.ofMillis(200)))
          .as("one member_removed for the watcher")
          .noneMatch(m -> m.path("event").asText().equals("pusher_internal:member_removed"));
    }
  }
}
