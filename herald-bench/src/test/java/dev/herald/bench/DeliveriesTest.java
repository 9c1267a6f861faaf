package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeliveriesTest {
  private static ByteBuf event(String data) {
    return Unpooled.copiedBuffer(
        "{\"event\":\"bench\",\"channel\":\"bench\",\"data\":\"" + data + "\"}",
        StandardCharsets.UTF_8);
  }

  @Test
  void countsAnEventForItsStepAndRecordsItsLatencyInMicros() {
    Deliveries deliveries = new Deliveries();
    deliveries.startStep(3);
    assertThat(deliveries.record(event(Deliveries.data(3, 1_000_000)), 3_500_000)).isTrue();
    assertThat(deliveries.delivered(3)).isEqualTo(1);
    assertThat(deliveries.latencies().getMaxValue())
        .isBetween(2_500L, 2_503L); // 3 significant digits
  }

  @Test
  void countsALateEventOfAnEarlierStepWithoutRecordingItsLatency() {
    Deliveries deliveries = new Deliveries();
    deliveries.startStep(2);
    assertThat(deliveries.record(event(Deliveries.data(1, -5_000)), 10_000)).isTrue();
    assertThat(deliveries.delivered(1)).isEqualTo(1);
    assertThat(deliveries.latencies().getTotalCount()).isZero();
  }

  @Test
  void ignoresFramesWithoutTheMarker() {
    Deliveries deliveries = new Deliveries();
    ByteBuf frame =
        Unpooled.copiedBuffer(
            "{\"event\":\"pusher_internal:subscription_succeeded\"}", StandardCharsets.UTF_8);
    assertThat(deliveries.record(frame, 0)).isFalse();
  }
}
