package dev.herald.server.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.Broadcaster;
import dev.herald.Broadcasters;
import dev.herald.Channel;
import dev.herald.DriverSettings;
import dev.herald.server.EmbeddedHerald;
import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.app.AppLimits;
import dev.herald.server.testing.WsClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The embedded driver beyond the contract: apps, limits, configuration by name. */
class EmbeddedHeraldIT {
  private static final ServerConfig CONFIG = ServerConfig.DEFAULTS.withAddress("127.0.0.1", 0);

  @Test
  void broadcastsToEachAppOnlyItsOwnEvents() {
    try (EmbeddedHerald herald =
            HeraldServer.embedded(
                CONFIG.withApps(List.of(App.of("1", "key-1", "s1"), App.of("2", "key-2", "s2"))));
        WsClient one = WsClient.connect(herald.port(), "key-1");
        WsClient two = WsClient.connect(herald.port(), "key-2")) {
      one.subscribe("news");
      two.subscribe("news");
      herald.broadcaster("2").on(Channel.publicChannel("news")).as("for-two").send().join();
      herald.on(Channel.publicChannel("news")).as("for-one").send().join();
      assertThat(two.awaitEvent("for-two").path("channel").asText()).isEqualTo("news");
      JsonNode first = one.awaitEvent("for-one");
      assertThat(first.path("data").asText()).isEqualTo("{}");
      assertThat(one.drain(java.time.Duration.ZERO))
          .extracting(m -> m.path("event").asText())
          .doesNotContain("for-two");
    }
  }

  @Test
  void appliesTheAppsOwnPayloadLimit() {
    AppLimits d = AppLimits.DEFAULTS;
    AppLimits small = new AppLimits(0, 100, d.maxEventNameLength(), 100, 10, 100, 1024, 128, 10);
    try (EmbeddedHerald herald =
        HeraldServer.embedded(
            CONFIG.withApps(List.of(new App("1", "k", "s", true, true, small))))) {
      assertThatThrownBy(
              () ->
                  herald
                      .on(Channel.publicChannel("a"))
                      .as("big")
                      .withJson("\"" + "x".repeat(99) + "\"")
                      .send())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'big' has 101 bytes of data; the limit is 100 bytes");
    }
  }

  @Test
  void sendsToASignedInUserAndKeepsCacheChannelsLastEvent() {
    try (EmbeddedHerald herald =
        HeraldServer.embedded(CONFIG.withApps(List.of(App.of("1", "k", "s"))))) {
      try (WsClient user = WsClient.connect(herald.port(), "k")) {
        user.signin("{\"id\":\"42\"}", "k", "s");
        herald.toUser("42").as("note").withJson("{\"n\":1}").send().join();
        assertThat(user.awaitEvent("note").get("channel").asText()).isEqualTo("#server-to-user-42");
      }
      herald.on(Channel.publicChannel("cache-rates")).as("rate").withJson("1.5").send().join();
      try (WsClient late = WsClient.connect(herald.port(), "k")) {
        late.subscribe("cache-rates");
        assertThat(late.awaitEvent("rate").get("data").asText()).isEqualTo("1.5");
      }
    }
  }

  @Test
  void saysWhatItCannotDo() {
    try (EmbeddedHerald herald =
        HeraldServer.embedded(CONFIG.withApps(List.of(App.of("1", "k", "s"))))) {
      assertThatThrownBy(() -> herald.broadcaster("9"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no app has the id '9'");
    }
    assertThatThrownBy(() -> HeraldServer.embedded(CONFIG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one app");
  }

  @Test
  void isTheEmbeddedDriverOfBroadcasters() {
    DriverSettings settings =
        DriverSettings.fromEnvironment(
            Map.of(
                "HERALD_DRIVER", "embedded",
                "HERALD_PORT", "0",
                "HERALD_APP_ID", "1",
                "HERALD_APP_KEY", "k",
                "HERALD_APP_SECRET", "s"));
    try (Broadcaster broadcaster = Broadcasters.standard().create(settings)) {
      assertThat(broadcaster).isInstanceOf(EmbeddedHerald.class);
      EmbeddedHerald herald = (EmbeddedHerald) broadcaster;
      try (WsClient client = WsClient.connect(herald.port(), "k")) {
        client.subscribe("news");
        broadcaster.on(Channel.publicChannel("news")).as("hello").send().join();
        client.awaitEvent("hello");
      }
    }
    DriverSettings publicDevApp =
        DriverSettings.of(Map.of("driver", "embedded", "host", "0.0.0.0", "port", "0"));
    assertThatThrownBy(() -> Broadcasters.standard().create(publicDevApp))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("development app's secret is public");
  }
}
