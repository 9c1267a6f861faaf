package dev.herald;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The webhook body a batch writes is the one the parser reads back; one vocabulary of types. */
class WebhookWriterTest {
  @Test
  void readsBackEveryEventItWrites() {
    WebhookBatch batch =
        new WebhookBatch(
            1_767_225_600_000L,
            List.of(
                new WebhookEvent.ChannelOccupied("orders"),
                new WebhookEvent.ChannelVacated("orders"),
                new WebhookEvent.MemberAdded("presence-r", "7"),
                new WebhookEvent.MemberRemoved("presence-r", "7"),
                new WebhookEvent.ClientEvent("presence-r", "client-t", "{\"x\":1}", "1.2", "7"),
                new WebhookEvent.ClientEvent("private-r", "client-x", null, null, null),
                new WebhookEvent.CacheMiss("cache-c"),
                new WebhookEvent.SubscriptionCount("orders", 3)));

    assertThat(WebhookParser.parse(batch.toJson())).isEqualTo(batch);
  }

  @Test
  void keepsAnUnknownEventWhole() {
    WebhookBatch batch =
        WebhookParser.parse(
            "{\"time_ms\":1,\"events\":[{\"name\":\"member_updated\",\"channel\":\"c\",\"n\":2}]}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(batch.events()).singleElement().extracting(WebhookEvent::channel).isEqualTo("c");
    assertThat(batch.events().get(0).type()).isEmpty();
    assertThat(WebhookParser.parse(batch.toJson())).isEqualTo(batch);
  }

  @Test
  void namesEachTypeAsPusherDoes() {
    assertThat(new WebhookEvent.SubscriptionCount("c", 1).type())
        .contains(WebhookEventType.SUBSCRIPTION_COUNT);
    assertThat(WebhookEventType.find("member_added")).contains(WebhookEventType.MEMBER_ADDED);
    assertThat(WebhookEventType.find("joined")).isEmpty();
    assertThat(WebhookEventType.values())
        .extracting(WebhookEventType::pusherName)
        .containsExactly(
            "channel_occupied",
            "channel_vacated",
            "member_added",
            "member_removed",
            "client_event",
            "cache_miss",
            "subscription_count");
  }

  @Test
  void httpBroadcasterRefusesTheCacheAttributeItCannotRead() {
    try (HttpBroadcaster broadcaster =
        HttpBroadcaster.builder().url("http://127.0.0.1:1").app("1", "k", "s").build()) {
      assertThatThrownBy(() -> broadcaster.channel(Channel.of("cache-c"), ChannelAttribute.CACHE))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("CACHE");
    }
  }
}
