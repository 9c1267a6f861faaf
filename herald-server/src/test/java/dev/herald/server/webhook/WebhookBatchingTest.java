package dev.herald.server.webhook;

import static dev.herald.server.webhook.WebhookFixture.app;
import static dev.herald.server.webhook.WebhookFixture.endpoint;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.server.lifecycle.LifecycleEvent.CacheMiss;
import dev.herald.server.lifecycle.LifecycleEvent.ChannelOccupied;
import dev.herald.server.lifecycle.LifecycleEvent.ClientEventSent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The app's batch window collects events per endpoint into one request. */
class WebhookBatchingTest {
  private static final Duration WINDOW = Duration.ofMillis(100);
  private final WebhookFixture f = new WebhookFixture();

  private static List<String> channels(FakeTransport.Posted posted) {
    return posted.events().stream().map(e -> e.get("channel").asText()).toList();
  }

  @Test
  void sendsOneEventPerRequestWithoutAWindow() {
    HttpWebhookSender sender = f.sender(endpoint("https://hooks.example.com/"));

    sender.on(new ChannelOccupied("1", "a", 0));
    sender.on(new ChannelOccupied("1", "b", 0));
    f.scheduler.runDue();

    assertThat(f.transport.posted())
        .extracting(WebhookBatchingTest::channels)
        .containsExactly(List.of("a"), List.of("b"));
  }

  @Test
  void collectsTheEventsOfAWindowIntoOneRequest() {
    HttpWebhookSender sender =
        f.sender(WebhookSettings.DEFAULTS, app(WINDOW, endpoint("https://hooks.example.com/")));

    sender.on(new ChannelOccupied("1", "a", 0));
    f.scheduler.advance(Duration.ofMillis(60));
    sender.on(new ChannelOccupied("1", "b", 0));
    f.scheduler.advance(Duration.ofMillis(39));
    assertThat(f.transport.posted()).isEmpty();

    f.scheduler.advance(Duration.ofMillis(1));
    assertThat(f.transport.posted())
        .extracting(WebhookBatchingTest::channels)
        .containsExactly(List.of("a", "b"));
    JsonNode body = f.transport.posted().get(0).body();
    assertThat(body.get("time_ms").asLong()).isEqualTo(f.now());
  }

  @Test
  void startsTheNextWindowWithTheNextEvent() {
    HttpWebhookSender sender =
        f.sender(WebhookSettings.DEFAULTS, app(WINDOW, endpoint("https://hooks.example.com/")));

    sender.on(new ChannelOccupied("1", "a", 0));
    f.scheduler.advance(Duration.ofMillis(150));
    sender.on(new ChannelOccupied("1", "b", 0));
    f.scheduler.advance(Duration.ofMillis(99));
    assertThat(f.transport.posted()).hasSize(1);

    f.scheduler.advance(Duration.ofMillis(1));
    assertThat(f.transport.posted())
        .extracting(WebhookBatchingTest::channels)
        .containsExactly(List.of("a"), List.of("b"));
  }

  @Test
  void keepsEachEndpointsEventsInItsOwnBatch() {
    HttpWebhookSender sender =
        f.sender(
            WebhookSettings.DEFAULTS,
            app(
                WINDOW,
                endpoint("https://occupancy.example.com/", "channel_occupied"),
                endpoint("https://clients.example.com/", "client_event"),
                endpoint("https://all.example.com/")));

    sender.on(new ChannelOccupied("1", "private-a", 0));
    sender.on(new ClientEventSent("1", "private-a", "client-x", "{}", "1.2", null, 0));
    sender.on(new CacheMiss("1", "cache-b", 0));
    f.scheduler.advance(WINDOW);

    assertThat(f.transport.posted())
        .extracting(
            p ->
                p.request().url().getHost()
                    + " "
                    + p.events().stream().map(e -> e.get("name").asText()).toList())
        .containsExactlyInAnyOrder(
            "occupancy.example.com [channel_occupied]",
            "clients.example.com [client_event]",
            "all.example.com [channel_occupied, client_event, cache_miss]");
  }

  @Test
  void sendsAFullBatchBeforeItsWindowEnds() {
    HttpWebhookSender sender =
        f.sender(
            WebhookFixture.settings(10_000, 2),
            app(WINDOW, endpoint("https://hooks.example.com/")));

    for (String channel : List.of("a", "b", "c")) {
      sender.on(new ChannelOccupied("1", channel, 0));
    }
    f.scheduler.runDue();
    assertThat(f.transport.posted())
        .extracting(WebhookBatchingTest::channels)
        .containsExactly(List.of("a", "b"));

    f.scheduler.advance(WINDOW);
    assertThat(f.transport.posted())
        .extracting(WebhookBatchingTest::channels)
        .containsExactly(List.of("a", "b"), List.of("c"));
  }

  @Test
  void closingSendsTheOpenBatches() {
    HttpWebhookSender sender =
        f.sender(WebhookSettings.DEFAULTS, app(WINDOW, endpoint("https://hooks.example.com/")));
    sender.on(new ChannelOccupied("1", "a", 0));
    sender.on(new ChannelOccupied("1", "b", 0));

    sender.close();

    assertThat(f.transport.posted())
        .extracting(WebhookBatchingTest::channels)
        .containsExactly(List.of("a", "b"));
    assertThat(sender.deliveredRequests()).isEqualTo(1);
  }
}
