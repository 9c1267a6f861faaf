package dev.herald.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.WebhookBatch;
import dev.herald.WebhookEvent;
import dev.herald.WebhookReceiver;
import dev.herald.WebhookVerificationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the server signs, the app-side {@link WebhookReceiver} of herald-core accepts and reads into
 * the same events: one format, checked from both ends.
 */
class LibraryWebhookReceiverTest {
  private static final long TIME_MS = 1_767_225_600_000L;

  @Test
  void theLibraryVerifiesAndReadsEveryEventTheServerSends() {
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
                new WebhookEvent.ClientEvent("private-r", "client-x", "\"text\"", "3.4", null),
                new WebhookEvent.CacheMiss("cache-c"),
                new WebhookEvent.SubscriptionCount("orders", 3)),
            TIME_MS);
    WebhookReceiver receiver = new WebhookReceiver(WebhookFixture.KEY, WebhookFixture.SECRET);

    WebhookBatch batch =
        receiver.verify(
            request.headers().get(WebhookRequest.KEY_HEADER),
            request.headers().get(WebhookRequest.SIGNATURE_HEADER),
            request.body());

    assertThat(batch.timeMs()).isEqualTo(TIME_MS);
    assertThat(batch.events())
        .containsExactly(
            new dev.herald.WebhookEvent.ChannelOccupied("orders"),
            new dev.herald.WebhookEvent.ChannelVacated("orders"),
            new dev.herald.WebhookEvent.MemberAdded("presence-r", "7"),
            new dev.herald.WebhookEvent.MemberRemoved("presence-r", "7"),
            new dev.herald.WebhookEvent.ClientEvent(
                "presence-r", "client-typing", "{\"x\":1}", "1.2", "7"),
            new dev.herald.WebhookEvent.ClientEvent(
                "private-r", "client-x", "\"text\"", "3.4", null),
            new dev.herald.WebhookEvent.CacheMiss("cache-c"),
            new dev.herald.WebhookEvent.SubscriptionCount("orders", 3));
  }

  @Test
  void theLibraryRejectsTheServersRequestUnderAnotherSecret() {
    WebhookRequest request =
        WebhookRequest.signed(
            WebhookFixture.app(Duration.ZERO),
            WebhookFixture.endpoint("http://127.0.0.1:1/hook"),
            List.of(new WebhookEvent.ChannelOccupied("orders")),
            TIME_MS);

    assertThatThrownBy(
            () ->
                new WebhookReceiver(WebhookFixture.KEY, "another-secret")
                    .verify(
                        request.headers().get(WebhookRequest.KEY_HEADER),
                        request.headers().get(WebhookRequest.SIGNATURE_HEADER),
                        request.body()))
        .isInstanceOfSatisfying(
            WebhookVerificationException.class,
            e ->
                assertThat(e.reason())
                    .isEqualTo(WebhookVerificationException.Reason.BAD_SIGNATURE));
  }
}
