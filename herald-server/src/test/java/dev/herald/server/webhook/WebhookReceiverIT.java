package dev.herald.server.webhook;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pusher.rest.data.Validity;
import dev.herald.server.app.App;
import dev.herald.server.app.AppRegistry;
import dev.herald.server.app.StaticAppRegistry;
import dev.herald.server.app.Webhook;
import dev.herald.server.lifecycle.LifecycleEvent.ChannelOccupied;
import dev.herald.server.lifecycle.LifecycleEvent.ChannelVacated;
import dev.herald.server.lifecycle.LifecycleEvent.ClientEventSent;
import dev.herald.server.lifecycle.LifecycleEvent.MemberAdded;
import dev.herald.server.lifecycle.LifecycleEvent.MemberRemoved;
import dev.herald.server.timer.ExecutorScheduler;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sender on its real threads and HTTP client against a real receiver that checks signatures
 * with the official {@code pusher-http-java}. Short delays and backoff keep it fast.
 */
class WebhookReceiverIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final WebhookSettings FAST =
      new WebhookSettings(
          Duration.ofMillis(200), // comeback delay
          Duration.ofMillis(50), // first retry
          Duration.ofMillis(200), // longest backoff
          Duration.ofSeconds(2), // retry for
          Duration.ofMillis(500), // request timeout
          1000,
          100,
          2,
          Duration.ofSeconds(2));

  private WebhookReceiver receiver;
  private HttpWebhookSender sender;
  private final ExecutorScheduler timers = new ExecutorScheduler();

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = new WebhookReceiver("1", "app-key", "app-secret");
  }

  @AfterEach
  void stop() {
    if (sender != null) {
      sender.close();
    }
    timers.close();
    receiver.close();
  }

  private HttpWebhookSender sender(String secret, Map<String, String> headers) {
    Webhook webhook = new Webhook(receiver.url(), Set.of(), null, null, headers);
    AppRegistry apps =
        new StaticAppRegistry(
            List.of(App.of("1", "app-key", secret).withWebhooks(List.of(webhook))));
    sender = HttpWebhookSender.forApps(apps, Clock.systemUTC(), FAST, timers).orElseThrow();
    return sender;
  }

  @Test
  void deliversEventsWhoseSignaturesPusherHttpJavaAccepts() {
    HttpWebhookSender sender = sender("app-secret", Map.of("Authorization", "Bearer hook-token"));

    sender.on(new ChannelOccupied("1", "presence-room", 0));
    sender.on(new MemberAdded("1", "presence-room", "u1", 0));
    sender.on(
        new ClientEventSent("1", "presence-room", "client-hi", "{\"a\":\"é\"}", "1.2", "u1", 0));

    await().atMost(WAIT).until(() -> sender.deliveredRequests() == 3);
    assertThat(receiver.received())
        .allSatisfy(r -> assertThat(r.validity()).isEqualTo(Validity.VALID))
        .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer hook-token"))
        .allSatisfy(r -> assertThat(r.header("Content-Type")).isEqualTo("application/json"))
        .flatExtracting(WebhookReceiver.Received::eventNames)
        .containsExactlyInAnyOrder("channel_occupied", "member_added", "client_event");
  }

  @Test
  void aReceiverWithAnotherSecretRejectsTheSignature() {
    HttpWebhookSender sender = sender("not-the-receivers-secret", Map.of());
    receiver.answerOtherwise(401);

    sender.on(new ChannelOccupied("1", "orders", 0));

    await().atMost(WAIT).until(() -> !receiver.received().isEmpty());
    assertThat(receiver.received().get(0).validity()).isEqualTo(Validity.INVALID);
  }

  @Test
  void retriesUntilAFailingReceiverAccepts() {
    receiver.answer(500, 500);
    HttpWebhookSender sender = sender("app-secret", Map.of());

    sender.on(new ChannelOccupied("1", "orders", 0));

    await().atMost(WAIT).until(() -> sender.deliveredRequests() == 1);
    assertThat(receiver.received()).hasSize(3);
    assertThat(receiver.received())
        .allSatisfy(r -> assertThat(r.validity()).isEqualTo(Validity.VALID))
        .extracting(r -> new String(r.body(), UTF_8))
        .containsOnly(new String(receiver.received().get(0).body(), UTF_8));
    assertThat(sender.failedDeliveries()).isZero();
  }

  @Test
  void retriesARequestThatTimedOut() {
    receiver.answer(WebhookReceiver.HANG);
    HttpWebhookSender sender = sender("app-secret", Map.of());

    sender.on(new ChannelOccupied("1", "orders", 0));

    await().atMost(WAIT).until(() -> sender.deliveredRequests() == 1);
    assertThat(receiver.received()).hasSize(2);
  }

  @Test
  void givesUpOnAReceiverThatKeepsFailingAndCountsIt() {
    receiver.answerOtherwise(503);
    HttpWebhookSender sender = sender("app-secret", Map.of());

    sender.on(new ChannelOccupied("1", "orders", 0));

    await().atMost(WAIT).until(() -> sender.failedDeliveries() == 1);
    assertThat(receiver.received().size()).isBetween(3, 20);
    assertThat(sender.deliveredRequests()).isZero();
  }

  @Test
  void dropsAVacationThatIsUndoneWithinTheDelayAndSendsOneThatIsNot() {
    HttpWebhookSender sender = sender("app-secret", Map.of());

    sender.on(new ChannelVacated("1", "orders", 0));
    sender.on(new MemberRemoved("1", "presence-room", "u1", 0));
    sender.on(new ChannelOccupied("1", "orders", 0));
    sender.on(new MemberAdded("1", "presence-room", "u1", 0));
    sender.on(new ChannelVacated("1", "later", 0)); // held as long, sent after the others would be

    await().atMost(WAIT).until(() -> sender.deliveredRequests() == 1);
    sender.close(); // waits for anything else in flight
    assertThat(receiver.received()).hasSize(1);
    assertThat(receiver.received().get(0).json().at("/events/0/channel").asText())
        .isEqualTo("later");
  }
}
