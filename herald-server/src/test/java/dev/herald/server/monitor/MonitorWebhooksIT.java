package dev.herald.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.app.Webhook;
import dev.herald.server.testing.WsClient;
import dev.herald.server.webhook.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Webhook deliveries show in the app's live view, as the debug console's log lists them. */
class MonitorWebhooksIT {
  @Test
  void aViewerSeesEachWebhookRequestDeliveredWithItsHost() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver("1", "app-key", "app-secret")) {
      App app =
          App.of("1", "app-key", "app-secret")
              .withWebhooks(List.of(new Webhook(receiver.url(), Set.of(), null, null, Map.of())));
      try (HeraldServer server =
          HeraldServer.start(
              ServerConfig.DEFAULTS.withAddress("127.0.0.1", 0).withApps(List.of(app)))) {
        List<MonitorEvent> seen = new ArrayList<>();
        MonitorSubscription viewer = server.monitor().subscribe("1", () -> {});
        try (WsClient client = WsClient.connect(server.port(), "app-key")) {
          client.subscribe("orders"); // channel_occupied goes out

          await()
              .atMost(Duration.ofSeconds(10))
              .until(
                  () -> {
                    seen.addAll(viewer.drain().events());
                    return seen.stream().anyMatch(e -> e.type().equals("webhook_delivered"));
                  });
        } finally {
          viewer.close();
        }
        MonitorEvent delivered =
            seen.stream().filter(e -> e.type().equals("webhook_delivered")).findFirst().get();
        assertThat(delivered.details())
            .containsEntry("host", receiver.url().getHost())
            .containsEntry("attempts", "1")
            .containsKey("events")
            .doesNotContainKey("answer");
        assertThat(receiver.received()).isNotEmpty();
      }
    }
  }
}
