package dev.herald.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Webhook backoff is herald-core's RetryPolicy backoff, doubling from the first wait. */
class WebhookSettingsTest {
  private static WebhookSettings backoffs(Duration initial, Duration max) {
    WebhookSettings d = WebhookSettings.DEFAULTS;
    return new WebhookSettings(
        d.comebackDelay(),
        initial,
        max,
        d.retryFor(),
        d.requestTimeout(),
        d.capacity(),
        d.maxBatchEvents(),
        d.deliveryThreads(),
        d.closeTimeout());
  }

  @Test
  void doublesEachWaitUpToTheLongest() {
    WebhookSettings fast = backoffs(Duration.ofMillis(50), Duration.ofMillis(200));

    assertThat(fast.backoff(1)).isEqualTo(Duration.ofMillis(50));
    assertThat(fast.backoff(2)).isEqualTo(Duration.ofMillis(100));
    assertThat(fast.backoff(3)).isEqualTo(Duration.ofMillis(200));
    assertThat(fast.backoff(1_000)).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void refusesALongestWaitShorterThanTheFirst() {
    assertThatThrownBy(() -> backoffs(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxBackoff");
  }
}
