package dev.herald.server.cluster;

import static dev.herald.server.cluster.ClusterNodes.subscriptionCount;
import static dev.herald.server.cluster.ClusterNodes.tally;
import static dev.herald.server.cluster.ClusterNodes.users;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.server.HeraldServer;
import dev.herald.server.testing.WsClient;
import dev.herald.server.webhook.WebhookReceiver;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Three nodes send webhooks to one endpoint: each channel_occupied, channel_vacated, member_added
 * and member_removed arrives once for the cluster, whichever nodes the clients are on.
 */
class ClusterWebhooksIT {
  static final Duration NODE_TIMEOUT = Duration.ofSeconds(3);

  @Test
  void reportsChannelsAndMembersSpreadOverNodesOnceEach() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver("1", "app-key", "app-secret");
        ClusterNodes cluster =
            ClusterNodes.onTestRedisWithWebhooksTo(receiver.url(), NODE_TIMEOUT)) {
      HeraldServer a = cluster.start();
      HeraldServer b = cluster.start();
      HeraldServer c = cluster.start();
      try (WsClient onA = WsClient.connect(a.port(), "app-key");
          WsClient onB = WsClient.connect(b.port(), "app-key");
          WsClient patOnA = WsClient.connect(a.port(), "app-key");
          WsClient patOnC = WsClient.connect(c.port(), "app-key");
          WsClient quinnOnB = WsClient.connect(b.port(), "app-key")) {
        onA.subscribe("shared");
        onB.subscribe("shared");
        onB.subscribe("only-b");
        join(patOnA, "pat");
        join(patOnC, "pat");
        join(quinnOnB, "quinn");
        onA.send("{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"shared\"}}");
        onB.send("{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"shared\"}}");
        onB.send("{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"only-b\"}}");
        patOnA.close();
        quinnOnB.close();
        patOnC.close();
        // Each node heard its own client leave; the last leave crossed zero somewhere.
        awaitSettled(onA, onB);
      }
      cluster.close(); // sends what the comeback delay still holds
      assertThat(tally(receiver.events()))
          .isEqualTo(
              Map.of(
                  "channel_occupied shared", 1,
                  "channel_vacated shared", 1,
                  "channel_occupied only-b", 1,
                  "channel_vacated only-b", 1,
                  "channel_occupied presence-room", 1,
                  "channel_vacated presence-room", 1,
                  "member_added presence-room pat", 1,
                  "member_removed presence-room pat", 1,
                  "member_added presence-room quinn", 1,
                  "member_removed presence-room quinn", 1));
    }
  }

  @Test
  void reportsNothingWhenAClientMovesToAnotherNodeWithinTheComebackDelay() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver("1", "app-key", "app-secret");
        ClusterNodes cluster =
            ClusterNodes.onTestRedisWithWebhooksTo(receiver.url(), NODE_TIMEOUT)) {
      HeraldServer a = cluster.start();
      HeraldServer b = cluster.start();
      try (WsClient first = WsClient.connect(a.port(), "app-key")) {
        join(first, "rey");
        first.subscribe("page");
      }
      // Node A has seen rey leave (the cluster lists nobody) …
      await()
          .atMost(Duration.ofSeconds(2))
          .until(() -> users(a, "presence-room").isEmpty() && subscriptionCount(a, "page") == 0);
      // … and rey comes back on node B within the 3 s comeback delay: a page reload that lands
      // on another node behind the load balancer.
      try (WsClient reloaded = WsClient.connect(b.port(), "app-key")) {
        join(reloaded, "rey");
        reloaded.subscribe("page");
        reloaded.drain(Duration.ofMillis(200));
      }
      cluster.close();
      assertThat(tally(receiver.events()))
          .as("the reload is invisible to the receiver, as on one node")
          .isEqualTo(
              Map.of(
                  "channel_occupied page", 1,
                  "channel_vacated page", 1,
                  "channel_occupied presence-room", 1,
                  "channel_vacated presence-room", 1,
                  "member_added presence-room rey", 1,
                  "member_removed presence-room rey", 1));
    }
  }

  private static void awaitSettled(WsClient... clients) {
    for (WsClient client : clients) {
      // A ping answered after the unsubscribes: the node has handled them.
      client.send("{\"event\":\"pusher:ping\",\"data\":{}}");
      client.awaitEvent("pusher:pong");
    }
  }

  private static void join(WsClient client, String userId) {
    client.joinPresence(
        "presence-room", "{\"user_id\":\"" + userId + "\"}", "app-key", "app-secret");
  }
}
