package dev.herald.server.webhook;

import static dev.herald.server.webhook.WebhookFixture.app;
import static dev.herald.server.webhook.WebhookFixture.endpoint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.server.lifecycle.LifecycleEvent.ChannelOccupied;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Failed requests are retried with backoff for 5 minutes, then dropped and counted. */
class WebhookRetryTest {
  private final WebhookFixture f = new WebhookFixture();
  private final Instant start = f.clock.instant();
  private final HttpWebhookSender sender = f.sender(endpoint("https://hooks.example.com/"));

  private List<Long> attemptSeconds() {
    return f.transport.posted().stream()
        .map(p -> Duration.between(start, p.at()).toSeconds())
        .toList();
  }

  @Test
  void backsOffExponentiallyFromOneSecondUpToAMinute() {
    assertThat(IntStream.rangeClosed(1, 9).mapToObj(WebhookSettings.DEFAULTS::backoff))
        .extracting(Duration::toSeconds)
        .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
  }

  @Test
  void retriesServerErrorsWithTheSameSignedBodyUntilOneSucceeds() {
    f.transport.answer(500, 503);

    sender.on(new ChannelOccupied("1", "orders", 0));
    f.scheduler.advance(Duration.ofMinutes(1));

    assertThat(attemptSeconds()).containsExactly(0L, 1L, 3L);
    WebhookRequest first = f.transport.posted().get(0).request();
    assertThat(f.transport.posted()).allSatisfy(p -> assertThat(p.request()).isSameAs(first));
    assertThat(sender.deliveredRequests()).isEqualTo(1);
    assertThat(sender.failedDeliveries()).isZero();
  }

  @Test
  void retriesTimeoutsAndRedirects() {
    f.transport.answer(FakeTransport.TIMEOUT, 302, 404);

    sender.on(new ChannelOccupied("1", "orders", 0));
    f.scheduler.advance(Duration.ofMinutes(1));

    assertThat(attemptSeconds()).containsExactly(0L, 1L, 3L, 7L);
    assertThat(sender.deliveredRequests()).isEqualTo(1);
  }

  @Test
  void givesUpFiveMinutesAfterTheFirstAttemptAndCountsIt() {
    f.transport.answerOtherwise(500);

    sender.on(new ChannelOccupied("1", "orders", 0));
    f.scheduler.advance(Duration.ofMinutes(30));

    // 0, 1, 3, 7, 15, 31, 63, then every 60 s; a retry at 303 s would be past 5 minutes.
    assertThat(attemptSeconds()).containsExactly(0L, 1L, 3L, 7L, 15L, 31L, 63L, 123L, 183L, 243L);
    assertThat(sender.failedDeliveries()).isEqualTo(1);
    assertThat(sender.deliveredRequests()).isZero();
    assertThat(f.scheduler.pending()).isZero();
  }

  @Test
  void dropsAndCountsEventsBeyondTheCapacityWithoutBlocking() {
    HttpWebhookSender small =
        f.sender(
            WebhookFixture.settings(3, 100),
            app(Duration.ZERO, endpoint("https://hooks.example.com/")));

    for (int i = 0; i < 5; i++) {
      small.on(new ChannelOccupied("1", "c" + i, 0)); // nothing delivered yet
    }
    assertThat(small.droppedEvents()).isEqualTo(2);

    f.scheduler.runDue();
    small.on(new ChannelOccupied("1", "later", 0)); // room again once delivered
    f.scheduler.runDue();

    assertThat(f.transport.events())
        .extracting(e -> e.get("channel").asText())
        .containsExactly("c0", "c1", "c2", "later");
    assertThat(small.droppedEvents()).isEqualTo(2);
  }

  @Test
  void countsEventsWaitingForARetryAgainstTheCapacity() {
    HttpWebhookSender small =
        f.sender(
            WebhookFixture.settings(1, 100),
            app(Duration.ZERO, endpoint("https://hooks.example.com/")));
    f.transport.answer(500);

    small.on(new ChannelOccupied("1", "a", 0));
    f.scheduler.runDue(); // failed once, waits 1 s
    small.on(new ChannelOccupied("1", "b", 0));
    f.scheduler.advance(Duration.ofSeconds(1));

    assertThat(small.droppedEvents()).isEqualTo(1);
    assertThat(small.deliveredRequests()).isEqualTo(1);
  }

  @Test
  void closingGivesUpPendingRetriesAndCountsThem() {
    f.transport.answerOtherwise(500);
    sender.on(new ChannelOccupied("1", "orders", 0));
    f.scheduler.runDue();

    sender.close();
    sender.on(new ChannelOccupied("1", "after", 0));

    assertThat(f.transport.posted()).hasSize(1);
    assertThat(sender.failedDeliveries()).isEqualTo(1);
    assertThat(sender.droppedEvents()).isEqualTo(1);
  }
}
