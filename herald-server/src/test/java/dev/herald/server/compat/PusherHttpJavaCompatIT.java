package dev.herald.server.compat;

import static dev.herald.server.compat.SdkResults.assertSucceeded;
import static dev.herald.server.compat.SdkResults.json;
import static dev.herald.server.compat.SdkResults.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pusher.client.channel.PusherEvent;
import com.pusher.rest.Pusher;
import com.pusher.rest.data.Event;
import com.pusher.rest.data.Result;
import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official server SDK, pusher-http-java, against Herald's HTTP API, with pusher-java-client
 * subscribers as the receiving end: the SDK signs, Herald verifies, the client decodes. Follows the
 * documented Pusher HTTP API (protocol reference §1.11).
 */
class PusherHttpJavaCompatIT {
  static final App APP = App.of("1", "app-key", "app-secret");
  static HeraldServer server;
  static AuthEndpoint auth;
  static Pusher rest;

  private final List<JavaClient> clients = new ArrayList<>();

  @BeforeAll
  static void start() {
    server =
        HeraldServer.start(
            ServerConfig.DEFAULTS.withAddress("127.0.0.1", 0).withApps(List.of(APP)));
    auth = AuthEndpoint.start(APP.key(), APP.secret());
    rest = sdk(APP.secret());
  }

  @AfterAll
  static void stop() throws Exception {
    rest.close();
    auth.close();
    server.close();
  }

  @AfterEach
  void disconnectClients() {
    clients.forEach(JavaClient::close);
  }

  @Test
  void triggersAnEventThatASubscribedClientReceives() {
    JavaClient client = subscribed("alice", "orders", "order-placed");

    Result result = rest.trigger("orders", "order-placed", Map.of("id", 42));

    assertSucceeded(result);
    assertThat(json(result.getMessage()).isObject()).as("the body is a JSON object").isTrue();
    assertThat(client.awaitEvent("orders", "order-placed").getData()).isEqualTo("{\"id\":42}");
  }

  @Test
  void triggersOneEventToManyChannels() {
    JavaClient client = subscribed("alice", "many-1", "news");
    client.subscribe("many-2", "news");
    client.awaitSubscribed("many-2");

    assertSucceeded(rest.trigger(List.of("many-1", "many-2"), "news", Map.of("n", 1)));

    assertThat(client.awaitEvent("many-1", "news").getData()).isEqualTo("{\"n\":1}");
    assertThat(client.awaitEvent("many-2", "news").getData()).isEqualTo("{\"n\":1}");
  }

  @Test
  void triggersABatchOfEventsInOrder() {
    JavaClient client = subscribed("alice", "batch-1", "step");
    client.subscribe("batch-2", "step");
    client.awaitSubscribed("batch-2");

    assertSucceeded(
        rest.trigger(
            List.of(
                new Event("batch-1", "step", Map.of("n", 1)),
                new Event("batch-2", "step", Map.of("n", 2)),
                new Event("batch-1", "step", Map.of("n", 3)))));

    JavaClient.waiting("three steps").until(() -> client.events.size() == 3);
    assertThat(client.events("batch-1", "step"))
        .extracting(PusherEvent::getData)
        .containsExactly("{\"n\":1}", "{\"n\":3}");
    assertThat(client.events("batch-2", "step"))
        .extracting(PusherEvent::getData)
        .containsExactly("{\"n\":2}");
  }

  @Test
  void excludesTheSocketIdGivenWithTheTrigger() {
    JavaClient alice = subscribed("alice", "room", "said", "marker");
    JavaClient bob = subscribed("bob", "room", "said", "marker");

    assertSucceeded(rest.trigger("room", "said", Map.of("text", "hi"), alice.socketId()));
    bob.awaitEvent("room", "said");
    assertSucceeded(rest.trigger("room", "marker", Map.of()));
    alice.awaitEvent("room", "marker");

    assertThat(alice.events("room", "said")).as("the excluded socket").isEmpty();
  }

  @Test
  void reportsChannelsAndTheirCounts() {
    subscribed("alice", "presence-lobby");
    subscribed("bob", "presence-lobby");
    subscribed("bob", "presence-lobby"); // One user, two sockets: counted once.
    subscribed("carol", "counted");
    subscribed("dave", "counted");

    JsonNode presence =
        ok(rest.get("/channels", Map.of("filter_by_prefix", "presence-", "info", "user_count")));
    assertThat(presence.at("/channels/presence-lobby/user_count").asInt()).isEqualTo(2);
    assertThat(presence.path("channels").has("counted")).as("filtered by prefix").isFalse();

    JsonNode all = ok(rest.get("/channels"));
    assertThat(all.path("channels").has("counted")).isTrue();
    assertThat(all.path("channels").has("presence-lobby")).isTrue();

    JsonNode lobby = ok(rest.get("/channels/presence-lobby", Map.of("info", "user_count")));
    assertThat(lobby.path("occupied").asBoolean()).isTrue();
    assertThat(lobby.path("user_count").asInt()).isEqualTo(2);

    JsonNode counted = ok(rest.get("/channels/counted", Map.of("info", "subscription_count")));
    assertThat(counted.path("occupied").asBoolean()).isTrue();
    assertThat(counted.path("subscription_count").asInt()).isEqualTo(2);

    assertThat(ok(rest.get("/channels/nobody-here")).path("occupied").asBoolean()).isFalse();
  }

  @Test
  void listsTheUsersOfAPresenceChannel() {
    subscribed("alice", "presence-users");
    subscribed("bob", "presence-users");
    subscribed("bob", "presence-users");

    JsonNode users = ok(rest.get("/channels/presence-users/users"));

    assertThat(StreamSupport.stream(users.path("users").spliterator(), false))
        .extracting(user -> user.path("id").asText())
        .containsExactlyInAnyOrder("alice", "bob");
  }

  @Test
  void deliversEncryptedEventsThatTheClientDecrypts() throws Exception {
    JavaClient client = JavaClient.connect(server.port(), APP.key(), auth.url("alice"));
    clients.add(client);
    client.subscribePrivateEncrypted("private-encrypted-notes", "note");
    client.awaitSubscribed("private-encrypted-notes");

    Pusher encrypting =
        new Pusher(APP.id(), APP.key(), APP.secret(), AuthEndpoint.masterKeyBase64());
    encrypting.setHost("127.0.0.1:" + server.port());
    try {
      assertSucceeded(encrypting.trigger("private-encrypted-notes", "note", Map.of("t", "hi")));
    } finally {
      encrypting.close();
    }

    assertThat(client.awaitEvent("private-encrypted-notes", "note").getData())
        .isEqualTo("{\"t\":\"hi\"}");
    assertThat(client.channelErrors).isEmpty();
  }

  @Test
  void rejectsRequestsSignedWithTheWrongSecret() throws Exception {
    Pusher forger = sdk("not-" + APP.secret());
    try {
      Result result = forger.trigger("orders", "order-placed", Map.of("id", 1));

      assertThat(result.getStatus()).isEqualTo(Result.Status.AUTHENTICATION_ERROR);
      assertThat(result.getHttpStatus()).isEqualTo(401);
      assertThat(result.getMessage()).doesNotContain(APP.secret());
    } finally {
      forger.close();
    }
  }

  private static Pusher sdk(String secret) {
    Pusher pusher = new Pusher(APP.id(), APP.key(), secret);
    pusher.setHost("127.0.0.1:" + server.port()); // Plain http is the SDK's default scheme.
    return pusher;
  }

  /** A new pusher-java-client of {@code user}, subscribed to {@code channel}. */
  private JavaClient subscribed(String user, String channel, String... events) {
    JavaClient client = JavaClient.connect(server.port(), APP.key(), auth.url(user));
    clients.add(client);
    if (channel.startsWith("presence-")) {
      client.subscribePresence(channel, events);
    } else {
      client.subscribe(channel, events);
    }
    client.awaitSubscribed(channel);
    return client;
  }
}
