package dev.herald.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublisherTest {
  @Test
  void paddedEventDataHasThePaddedLengthAndStillCarriesTheMarker() {
    String data = Publisher.data(3, 123_456_789L, 200);
    assertThat(data).hasSize(200).startsWith("@@3:123456789|");
    Deliveries deliveries = new Deliveries();
    deliveries.startStep(3);
    String frame = "{\"event\":\"bench\",\"data\":\"" + data + "\"}";
    assertThat(
            deliveries.record(Unpooled.copiedBuffer(frame, StandardCharsets.UTF_8), 123_556_789L))
        .isTrue();
    assertThat(deliveries.latencies().getMaxValue()).isBetween(99L, 101L);
  }

  @Test
  void shortPaddingLeavesTheDataAlone() {
    assertThat(Publisher.data(1, 5, 0)).isEqualTo("@@1:5");
  }

  @Test
  void aBatchHasOneBenchEventPerChannel() throws Exception {
    JsonNode body =
        Publisher.JSON.readTree(Publisher.batch(List.of("private-user-1", "group-2"), 4, 99));
    assertThat(body.path("batch")).hasSize(2);
    assertThat(body.path("batch").get(1).path("channel").asText()).isEqualTo("group-2");
    assertThat(body.path("batch").get(0).path("data").asText()).isEqualTo("@@4:99");
    assertThat(body.path("batch").get(0).path("name").asText()).isEqualTo("bench");
  }
}
