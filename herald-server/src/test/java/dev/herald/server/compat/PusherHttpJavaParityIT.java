package dev.herald.server.compat;

import static dev.herald.server.compat.SdkResults.assertSucceeded;
import static dev.herald.server.compat.SdkResults.json;
import static dev.herald.server.compat.SdkResults.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.pusher.rest.Pusher;
import com.pusher.rest.data.Result;
import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.app.AppFeatures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official server SDK, pusher-http-java 1.3.4, against Herald's cache channels and user
 * endpoints (protocol reference §1.6, §1.7, §1.11). The SDK predates {@code sendToUser} and {@code
 * terminateUserConnections}; its generic signed {@code post()} reaches both (see {@link
 * AppBackend}).
 */
class PusherHttpJavaParityIT {
  static final App APP =
      App.of("1", "app-key", "app-secret")
          .withFeatures(
              new AppFeatures(false, false, Duration.ZERO, Duration.ofMinutes(30), Duration.ZERO));
  static HeraldServer server;
  static AuthEndpoint auth;
  static AppBackend backend;
  static Pusher rest;

  @BeforeAll
  static void start() {
    server =
        HeraldServer.start(
            ServerConfig.DEFAULTS.withAddress("127.0.0.1", 0).withApps(List.of(APP)));
    auth = AuthEndpoint.start(APP.key(), APP.secret());
    backend = AppBackend.start(APP, server.port());
    rest = backend.sdk();
  }

  @AfterAll
  static void stop() {
    backend.close();
    auth.close();
    server.close();
  }

  @Test
  void readsBackTheLastEventTriggeredOnACacheChannelWithItsTtl() {
    assertSucceeded(rest.trigger("cache-prices", "price", Map.of("eur", 41)));
    assertSucceeded(rest.trigger("cache-prices", "price", Map.of("eur", 42)));

    JsonNode channel = ok(rest.get("/channels/cache-prices", Map.of("info", "cache")));

    assertThat(channel.path("occupied").asBoolean()).isFalse();
    assertThat(channel.at("/cache/data").asText()).isEqualTo("{\"eur\":42}");
    assertThat(channel.at("/cache/ttl").asInt()).isBetween(1790, 1800);
  }

  @Test
  void answersInfoCacheWithoutACacheWhenNothingWasTriggered() {
    JsonNode channel = ok(rest.get("/channels/cache-nothing-yet", Map.of("info", "cache")));

    assertThat(channel.path("occupied").asBoolean()).isFalse();
    assertThat(channel.has("cache")).isFalse();
  }

  @Test
  void refusesInfoCacheForAChannelThatIsNotACacheChannel() {
    Result result = rest.get("/channels/plain", Map.of("info", "cache"));

    assertThat(result.getStatus()).isEqualTo(Result.Status.CLIENT_ERROR);
    assertThat(result.getHttpStatus()).isEqualTo(400);
    assertThat(result.getMessage()).contains("only to cache channels");
  }

  @Test
  void deliversWhatSendToUserSendsThroughTheSdksSignedPost() {
    try (JavaClient alice =
        JavaClient.signedIn(
            server.port(), APP.key(), auth.url("alice"), auth.userAuthUrl("alice"), 0, "notice")) {
      JavaClient.waiting("signed in").until(() -> "alice".equals(alice.userId()));

      assertThatThrownBy(() -> rest.trigger("#server-to-user-alice", "notice", Map.of()))
          .as("the SDK's own channel check refuses '#', so trigger() cannot reach a user")
          .isInstanceOf(IllegalArgumentException.class);
      assertSucceeded(backend.sendToUser("alice", "notice", "{\"n\":1}"));

      assertThat(alice.awaitEvent("#server-to-user-alice", "notice").getData())
          .isEqualTo("{\"n\":1}");
    }
  }

  @Test
  void answersTerminateConnectionsForAUserWithoutConnections() {
    Result result = backend.terminate("nobody");

    assertSucceeded(result);
    assertThat(json(result.getMessage()).isObject()).isTrue();
  }
}
