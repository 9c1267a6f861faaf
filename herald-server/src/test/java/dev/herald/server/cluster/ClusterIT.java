package dev.herald.server.cluster;

import static dev.herald.server.cluster.ClusterNodes.get;
import static dev.herald.server.cluster.ClusterNodes.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.PusherJson;
import dev.herald.redis.testing.TestRedis;
import dev.herald.server.HeraldServer;
import dev.herald.server.testing.WsClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Three nodes on one real Redis behave as one server. */
class ClusterIT {
  static ClusterNodes cluster;
  static HeraldServer a;
  static HeraldServer b;
  static HeraldServer c;

  @BeforeAll
  static void start() {
    cluster = new ClusterNodes(TestRedis.uri(), TestRedis.uniquePrefix(), Duration.ofSeconds(15));
    a = cluster.start();
    b = cluster.start();
    c = cluster.start();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void deliversATriggerSentToNodeCToASubscriberOnNodeAExactlyOnce() throws Exception {
    try (WsClient onA = WsClient.connect(a.port(), "app-key");
        WsClient onB = WsClient.connect(b.port(), "app-key")) {
      onA.subscribe("orders");
      onB.subscribe("orders");
      assertThat(
              post(
                      c,
                      "/apps/1/events",
                      "{\"name\":\"placed\",\"channel\":\"orders\",\"data\":\"7\"}")
                  .statusCode())
          .isEqualTo(200);
      assertThat(onA.awaitEvent("placed").get("data").asText()).isEqualTo("7");
      onB.awaitEvent("placed");
      // A marker from the same node follows the same Redis connections: a duplicate comes first.
      post(c, "/apps/1/events", "{\"name\":\"marker\",\"channel\":\"orders\",\"data\":\"\"}");
      assertThat(onA.receivedBefore("marker")).as("no duplicate").isEmpty();
    }
  }

  @Test
  void excludesTheSenderSocketAcrossNodes() throws Exception {
    try (WsClient onA = WsClient.connect(a.port(), "app-key");
        WsClient onB = WsClient.connect(b.port(), "app-key")) {
      onA.subscribe("feed");
      onB.subscribe("feed");
      String body =
          "{\"name\":\"e\",\"channel\":\"feed\",\"data\":\"x\",\"socket_id\":\""
              + onA.socketId()
              + "\"}";
      post(c, "/apps/1/events", body);
      onB.awaitEvent("e");
      post(c, "/apps/1/events", "{\"name\":\"marker\",\"channel\":\"feed\",\"data\":\"\"}");
      assertThat(onA.receivedBefore("marker")).isEmpty();
    }
  }

  @Test
  void countsOnePresenceMemberForOneUserOnTwoNodes() throws Exception {
    try (WsClient watcher = WsClient.connect(c.port(), "app-key");
        WsClient tabOnA = WsClient.connect(a.port(), "app-key");
        WsClient tabOnB = WsClient.connect(b.port(), "app-key")) {
      watcher.joinPresence("presence-room", "{\"user_id\":\"watcher\"}", "app-key", "app-secret");
      tabOnA.joinPresence("presence-room", "{\"user_id\":\"ann\"}", "app-key", "app-secret");
      JsonNode added = watcher.awaitEvent("pusher_internal:member_added");
      assertThat(WsClient.data(added).get("user_id").asText()).isEqualTo("ann");
      JsonNode succeeded =
          tabOnB.joinPresence("presence-room", "{\"user_id\":\"ann\"}", "app-key", "app-secret");
      assertThat(WsClient.data(succeeded).at("/presence/count").asInt()).isEqualTo(2);
      JsonNode users =
          PusherJson.mapper().readTree(get(a, "/apps/1/channels/presence-room/users").body());
      assertThat(users.get("users").findValuesAsText("id"))
          .containsExactlyInAnyOrder("watcher", "ann");
      tabOnA.close();
      assertThat(watcher.drain(Duration.ofMillis(300)))
          .as("ann is still on node B: no member_removed")
          .isEmpty();
      tabOnB.close();
      JsonNode removed = watcher.awaitEvent("pusher_internal:member_removed");
      assertThat(WsClient.data(removed).get("user_id").asText()).isEqualTo("ann");
    }
  }

  @Test
  void answersChannelQueriesForTheWholeCluster() throws Exception {
    try (WsClient onA = WsClient.connect(a.port(), "app-key");
        WsClient onB = WsClient.connect(b.port(), "app-key")) {
      onA.subscribe("stats");
      onB.subscribe("stats");
      JsonNode channel =
          PusherJson.mapper()
              .readTree(get(c, "/apps/1/channels/stats?info=subscription_count").body());
      assertThat(channel.get("occupied").asBoolean()).isTrue();
      assertThat(channel.get("subscription_count").asInt()).isEqualTo(2);
      JsonNode list = PusherJson.mapper().readTree(get(c, "/apps/1/channels").body());
      assertThat(list.get("channels").has("stats")).isTrue();
    }
  }

  @Test
  void sendsToAUserAndTerminatesItsConnectionsOnEveryNode() throws Exception {
    try (WsClient onA = WsClient.connect(a.port(), "app-key");
        WsClient onB = WsClient.connect(b.port(), "app-key")) {
      onA.signin("{\"id\":\"zoe\"}", "app-key", "app-secret");
      onB.signin("{\"id\":\"zoe\"}", "app-key", "app-secret");
      post(
          c,
          "/apps/1/events",
          "{\"name\":\"note\",\"channel\":\"#server-to-user-zoe\",\"data\":\"hi\"}");
      onA.awaitEvent("note");
      onB.awaitEvent("note");
      post(c, "/apps/1/users/zoe/terminate_connections", "");
      assertThat(onA.awaitClose()).isEqualTo(4009);
      assertThat(onB.awaitClose()).isEqualTo(4009);
    }
  }

  @Test
  void replaysACacheChannelEventTriggeredOnAnotherNode() throws Exception {
    post(c, "/apps/1/events", "{\"name\":\"price\",\"channel\":\"cache-gbp\",\"data\":\"0.86\"}");
    try (WsClient onA = WsClient.connect(a.port(), "app-key")) {
      onA.subscribe("cache-gbp");
      assertThat(onA.awaitEvent("price").get("data").asText()).isEqualTo("0.86");
    }
    JsonNode info =
        PusherJson.mapper().readTree(get(b, "/apps/1/channels/cache-gbp?info=cache").body());
    assertThat(info.at("/cache/data").asText()).isEqualTo("0.86");
  }

  @Test
  void isReadyWhileRedisAnswers() {
    assertThat(List.of(a, b, c))
        .allSatisfy(node -> assertThat(get(node, "/ready").statusCode()).isEqualTo(200));
    assertThat(get(a, "/metrics").body())
        .contains("herald_redis_connected 1.0")
        .contains("herald_redis_failures_total 0.0");
  }
}
