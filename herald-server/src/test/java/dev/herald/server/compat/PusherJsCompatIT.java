package dev.herald.server.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference client, pusher-js 8.x under Node, against a running Herald. One run of {@code
 * src/test/js/pusher-js-check.cjs} (two users, public/private/presence channels, client events, a
 * forged signature) is made before the tests; each test asserts on part of what pusher-js itself
 * reported to the app's callbacks.
 */
class PusherJsCompatIT {
  static final App APP = App.of("1", "app-key", "app-secret");
  static HeraldServer server;
  static AuthEndpoint auth;
  static String version;
  static PusherJs.Run run;

  @BeforeAll
  static void runPusherJs() throws Exception {
    version = PusherJs.install();
    server =
        HeraldServer.start(
            ServerConfig.DEFAULTS.withAddress("127.0.0.1", 0).withApps(List.of(APP)));
    auth = AuthEndpoint.start(APP.key(), APP.secret());
    run = PusherJs.run(APP.key(), server.port(), auth.baseUrl());
  }

  @AfterAll
  static void stop() {
    if (auth != null) {
      auth.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void runsTheWholeScenarioWithPusherJs8() {
    assertThat(version).startsWith("8.");
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.all("done")).as(run.output()).hasSize(1);
    assertThat(run.all("failed")).as(run.output()).isEmpty();
  }

  @Test
  void connectsWithSocketIdsTheServerSdksAccept() {
    assertThat(run.one("connected", "alice").path("socket_id").asText()).matches("^\\d+\\.\\d+$");
    assertThat(run.one("connected", "bob").path("socket_id").asText()).matches("^\\d+\\.\\d+$");
  }

  @Test
  void subscribesToPublicPrivateAndPresenceChannelsThroughTheAuthEndpoint() {
    assertThat(subscribed("alice")).containsExactly("public-js", "private-js", "presence-js");
    assertThat(subscribed("bob")).containsExactly("private-js", "presence-js");
    assertThat(run.all("subscription_error")).as(run.output()).isEmpty();
  }

  @Test
  void presenceMembersSeeEachOtherJoinAndLeave() {
    JsonNode alice = presence("alice");
    JsonNode bob = presence("bob");
    assertThat(alice.path("me").asText()).isEqualTo("alice");
    assertThat(texts(alice.path("members"))).containsExactly("alice");
    assertThat(bob.path("me").asText()).isEqualTo("bob");
    assertThat(texts(bob.path("members"))).containsExactly("alice", "bob");
    JsonNode added = run.one("member_added", "alice");
    assertThat(added.path("id").asText()).isEqualTo("bob");
    assertThat(added.at("/info/name").asText()).isEqualTo("bob");
    assertThat(run.one("member_removed", "alice").path("id").asText()).isEqualTo("bob");
  }

  @Test
  void relaysClientEventsToTheOtherClientButNotBackToTheSender() {
    assertThat(run.one("triggered", "alice").path("sent").asBoolean()).isTrue();
    JsonNode hello = clientEvent("client-hello");
    assertThat(hello.at("/data/text").asText()).isEqualTo("hi bob");
    assertThat(hello.has("user_id")).as("no user_id outside presence channels").isFalse();
    assertThat(run.one("echoes", "alice").path("count").asInt()).isZero();
  }

  @Test
  void stampsClientEventsOnPresenceChannelsWithTheSendersUserId() {
    JsonNode wave = clientEvent("client-wave");
    assertThat(wave.at("/data/hand").asText()).isEqualTo("left");
    assertThat(wave.path("user_id").asText()).isEqualTo("alice");
  }

  @Test
  void reportsAForgedSignatureOnTheChannelAndTheConnectionAndKeepsTheConnection() {
    JsonNode channelError = run.one("forged_rejected", "mallory").path("error");
    assertThat(channelError.path("type").asText()).isEqualTo("AuthError");
    assertThat(channelError.path("status").asInt()).isEqualTo(401);
    assertThat(channelError.path("error").asText()).startsWith("Invalid signature");
    JsonNode connectionError = run.one("forged_connection_error", "mallory").path("error");
    assertThat(connectionError.path("type").asText()).isEqualTo("PusherError");
    assertThat(connectionError.at("/data/code").asInt()).isEqualTo(4009);
    assertThat(connectionError.at("/data/message").asText()).startsWith("Invalid signature");
    JsonNode state = run.one("forged_state", "mallory");
    assertThat(state.path("subscribed").asBoolean()).isFalse();
    assertThat(state.path("state").asText()).isEqualTo("connected");
    assertThat(run.output()).doesNotContain(APP.secret());
  }

  private static List<String> subscribed(String client) {
    return run.all("subscribed").stream()
        .filter(r -> client.equals(r.path("client").asText()))
        .map(r -> r.path("channel").asText())
        .toList();
  }

  private static JsonNode presence(String client) {
    return run.all("subscribed").stream()
        .filter(r -> client.equals(r.path("client").asText()))
        .filter(r -> r.path("channel").asText().equals("presence-js"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no presence subscription:\n" + run.output()));
  }

  private static JsonNode clientEvent(String event) {
    return run.all("client_event").stream()
        .filter(r -> event.equals(r.path("event").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("bob did not get " + event + ":\n" + run.output()));
  }

  private static List<String> texts(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false)
        .map(JsonNode::asText)
        .toList();
  }
}
