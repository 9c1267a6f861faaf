package dev.herald.server.webhook;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.WebhookEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exact bytes a webhook body is made of, every event type in one batch: fields in Pusher's
 * order, absent ones left out (the receiver's signature is over these bytes).
 */
class WebhookBodyBytesTest {
  @Test
  void writesEveryEventTypeWithPushersFieldsInPushersOrder() {
    WebhookRequest request =
        WebhookRequest.signed(
            WebhookFixture.app(Duration.ZERO),
            WebhookFixture.endpoint("http://127.0.0.1:1/hook"),
            List.of(
                new WebhookEvent.ChannelOccupied("orders"),
                new WebhookEvent.ChannelVacated("orders"),
                new WebhookEvent.MemberAdded("presence-r", "7"),
                new WebhookEvent.MemberRemoved("presence-r", "7"),
                new WebhookEvent.ClientEvent(
                    "presence-r", "client-typing", "{\"x\":1}", "1.2", "7"),
                new WebhookEvent.ClientEvent("private-r", "client-x", "\"t\"", "3.4", null),
                new WebhookEvent.CacheMiss("cache-c"),
                new WebhookEvent.SubscriptionCount("orders", 3)),
            42L);

    assertThat(new String(request.body(), UTF_8))
        .isEqualTo(
            "{\"time_ms\":42,\"events\":["
                + "{\"name\":\"channel_occupied\",\"channel\":\"orders\"},"
                + "{\"name\":\"channel_vacated\",\"channel\":\"orders\"},"
                + "{\"name\":\"member_added\",\"channel\":\"presence-r\",\"user_id\":\"7\"},"
                + "{\"name\":\"member_removed\",\"channel\":\"presence-r\",\"user_id\":\"7\"},"
                + "{\"name\":\"client_event\",\"channel\":\"presence-r\",\"event\":\"client-typing\","
                + "\"data\":\"{\\\"x\\\":1}\",\"socket_id\":\"1.2\",\"user_id\":\"7\"},"
                + "{\"name\":\"client_event\",\"channel\":\"private-r\",\"event\":\"client-x\","
                + "\"data\":\"\\\"t\\\"\",\"socket_id\":\"3.4\"},"
                + "{\"name\":\"cache_miss\",\"channel\":\"cache-c\"},"
                + "{\"name\":\"subscription_count\",\"channel\":\"orders\",\"subscription_count\":3}"
                + "]}");
  }
}
