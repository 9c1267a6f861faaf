package dev.herald.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.app.AppLimits;
import dev.herald.server.testing.WsClient;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The WebSocket endpoint over real sockets, with the JDK's WebSocket client. */
class WebSocketIT {
  static final App APP = App.of("1", "app-key", "app-secret");
  static final App DISABLED =
      new App("2", "off-key", "off-secret", false, true, AppLimits.DEFAULTS);
  static final App ONE_CONNECTION =
      new App(
          "3",
          "one-key",
          "one-secret",
          true,
          true,
          new AppLimits(1, 10240, 200, 100, 10, 100, 1024, 128, 10));
  static HeraldServer server;

  @BeforeAll
  static void start() {
    server =
        HeraldServer.start(
            ServerConfig.DEFAULTS
                .withAddress("127.0.0.1", 0)
                .withApps(List.of(APP, DISABLED, ONE_CONNECTION)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void establishesAConnectionWithAWellFormedSocketId() {
    try (WsClient client = WsClient.connect(server.port(), "app-key")) {
      assertThat(client.socketId()).matches("^\\d+\\.\\d+$");
    }
  }

  @Test
  void closesUnknownKeysWrongPathsAndBadProtocolsWithTheDocumentedCodes() {
    assertRejected("/app/nope?protocol=7", 4001);
    assertRejected("/app/off-key?protocol=7", 4003);
    assertRejected("/socket/app-key?protocol=7", 4005);
    assertRejected("/app/app-key?protocol=x", 4006);
    assertRejected("/app/app-key?protocol=2", 4007);
    assertRejected("/app/app-key", 4008);
  }

  @Test
  void closesConnectionsOverTheAppsQuotaWith4004() {
    try (WsClient first = WsClient.connect(server.port(), "one-key")) {
      assertRejected("/app/one-key?protocol=7", 4004);
      assertThat(first.isClosed()).isFalse();
    }
  }

  @Test
  void answersPusherPingsAndWebSocketControlPings() {
    try (WsClient client = WsClient.connect(server.port(), "app-key")) {
      client.send("{\"event\":\"pusher:ping\",\"data\":{}}");
      assertThat(client.awaitEvent("pusher:pong").get("data").isObject()).isTrue();
      assertThat(client.ping("hello").orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join())
          .isEqualTo("hello");
    }
  }

  @Test
  void relaysClientEventsBetweenRealSocketsWithoutEcho() {
    try (WsClient alice = WsClient.connect(server.port(), "app-key");
        WsClient bob = WsClient.connect(server.port(), "app-key")) {
      alice.subscribePrivate("private-chat", "app-key", "app-secret");
      bob.subscribePrivate("private-chat", "app-key", "app-secret");
      alice.send("{\"event\":\"client-hi\",\"channel\":\"private-chat\",\"data\":{\"n\":1}}");
      JsonNode got = bob.awaitEvent("client-hi");
      assertThat(got.at("/data/n").asInt()).isEqualTo(1);
      // Bob's answer reaches alice through her loop after the fan-out of her own event: an echo
      // would have come first.
      bob.send("{\"event\":\"client-marker\",\"channel\":\"private-chat\",\"data\":{}}");
      assertThat(alice.receivedBefore("client-marker"))
          .noneMatch(m -> m.path("event").asText().equals("client-hi"));
    }
  }

  @Test
  void answersMalformedMessagesAndKeepsTheConnection() {
    try (WsClient client = WsClient.connect(server.port(), "app-key")) {
      client.send("{not json");
      assertThat(client.awaitEvent("pusher:error").at("/data/code").asInt()).isEqualTo(4300);
      client.send("{\"event\":\"pusher:ping\",\"data\":{}}");
      client.awaitEvent("pusher:pong");
    }
  }

  @Test
  void closesOversizedMessagesWith1009AfterSayingWhy() {
    try (WsClient client = WsClient.connect(server.port(), "app-key")) {
      client.send("{\"event\":\"client-x\",\"data\":\"" + "x".repeat(70_000) + "\"}");
      JsonNode error = client.awaitEvent("pusher:error");
      assertThat(error.at("/data/message").asText()).contains("too large");
      assertThat(client.awaitClose()).isEqualTo(1009);
    }
    try (WsClient other = WsClient.connect(server.port(), "app-key")) {
      assertThat(other.socketId()).as("the server keeps serving").isNotEmpty();
    }
  }

  @Test
  void presenceMembersSeeEachOtherOverRealSockets() {
    try (WsClient alice = WsClient.connect(server.port(), "app-key")) {
      try (WsClient bob = WsClient.connect(server.port(), "app-key")) {
        join(alice, "presence-room", "{\"user_id\":\"alice\"}");
        join(bob, "presence-room", "{\"user_id\":\"bob\"}");
        JsonNode added = alice.awaitEvent("pusher_internal:member_added");
        assertThat(WsClient.data(added).get("user_id").asText()).isEqualTo("bob");
      } // bob disconnects
      JsonNode removed = alice.awaitEvent("pusher_internal:member_removed");
      assertThat(WsClient.data(removed).get("user_id").asText()).isEqualTo("bob");
    }
  }

  static void join(WsClient client, String channel, String channelData) {
    client.joinPresence(channel, channelData, "app-key", "app-secret");
  }

  private static void assertRejected(String pathAndQuery, int code) {
    try (WsClient client = WsClient.open(server.port(), pathAndQuery)) {
      JsonNode error = client.awaitEvent("pusher:error");
      assertThat(error.at("/data/code").asInt()).isEqualTo(code);
      assertThat(client.awaitClose()).isEqualTo(code);
    }
  }
}
