package dev.herald.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pusher.rest.data.Validity;
import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.app.Webhook;
import dev.herald.server.testing.WsClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Webhooks from a running server: real clients cause them, a real receiver checks them. */
class ServerWebhooksIT {
  @Test
  void sendsSignedWebhooksForWhatRealClientsDo() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver("1", "app-key", "app-secret")) {
      App app =
          App.of("1", "app-key", "app-secret")
              .withWebhooks(List.of(new Webhook(receiver.url(), Set.of(), null, null, Map.of())));
      try (HeraldServer server =
          HeraldServer.start(
              ServerConfig.DEFAULTS.withAddress("127.0.0.1", 0).withApps(List.of(app)))) {
        try (WsClient alice = WsClient.connect(server.port(), "app-key");
            WsClient bob = WsClient.connect(server.port(), "app-key")) {
          join(alice, "presence-room", "{\"user_id\":\"alice\"}");
          join(bob, "presence-room", "{\"user_id\":\"bob\"}");
          alice.send("{\"event\":\"client-hi\",\"channel\":\"presence-room\",\"data\":{\"n\":1}}");
          bob.awaitEvent("client-hi");
        }
        // Both left: vacated and the two member_removed come 3 s later.
        await()
            .atMost(Duration.ofSeconds(15))
            .until(() -> names(receiver).contains("channel_vacated"));
      }
      assertThat(receiver.received()).allMatch(r -> r.validity() == Validity.VALID);
      assertThat(names(receiver))
          .containsExactlyInAnyOrder(
              "channel_occupied",
              "member_added",
              "member_added",
              "client_event",
              "member_removed",
              "member_removed",
              "channel_vacated");
      var clientEvent =
          receiver.received().stream()
              .map(WebhookReceiver.Received::json)
              .flatMap(
                  j -> java.util.stream.StreamSupport.stream(j.get("events").spliterator(), false))
              .filter(e -> e.get("name").asText().equals("client_event"))
              .findFirst()
              .orElseThrow();
      assertThat(clientEvent.get("event").asText()).isEqualTo("client-hi");
      assertThat(clientEvent.get("data").asText()).isEqualTo("{\"n\":1}");
      assertThat(clientEvent.get("user_id").asText()).isEqualTo("alice");
    }
  }

  private static List<String> names(WebhookReceiver receiver) {
    return receiver.received().stream().flatMap(r -> r.eventNames().stream()).toList();
  }

  private static void join(WsClient client, String channel, String channelData) {
    client.joinPresence(channel, channelData, "app-key", "app-secret");
  }
}
