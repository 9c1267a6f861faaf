package dev.herald;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.WebhookVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookParserTest {
  private static WebhookBatch parse(String body) {
    return WebhookParser.parse(body.getBytes(StandardCharsets.UTF_8));
  }

  private static String batch(String... events) {
    return "{\"time_ms\":1,\"events\":[" + String.join(",", events) + "]}";
  }

  @Test
  void readsEveryPusherEventTypeInOrder() {
    WebhookBatch batch =
        parse(
            batch(
                "{\"name\":\"channel_occupied\",\"channel\":\"a\"}",
                "{\"name\":\"channel_vacated\",\"channel\":\"a\"}",
                "{\"name\":\"member_added\",\"channel\":\"presence-r\",\"user_id\":\"7\"}",
                "{\"name\":\"member_removed\",\"channel\":\"presence-r\",\"user_id\":\"7\"}",
                "{\"name\":\"client_event\",\"channel\":\"presence-r\",\"event\":\"client-typing\","
                    + "\"data\":\"{\\\"x\\\":1}\",\"socket_id\":\"1.2\",\"user_id\":\"7\"}",
                "{\"name\":\"cache_miss\",\"channel\":\"cache-c\"}",
                "{\"name\":\"subscription_count\",\"channel\":\"a\",\"subscription_count\":3}"));

    assertThat(batch.events())
        .containsExactly(
            new WebhookEvent.ChannelOccupied("a"),
            new WebhookEvent.ChannelVacated("a"),
            new WebhookEvent.MemberAdded("presence-r", "7"),
            new WebhookEvent.MemberRemoved("presence-r", "7"),
            new WebhookEvent.ClientEvent("presence-r", "client-typing", "{\"x\":1}", "1.2", "7"),
            new WebhookEvent.CacheMiss("cache-c"),
            new WebhookEvent.SubscriptionCount("a", 3));
    assertThat(batch.events())
        .extracting(WebhookEvent::name)
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
  void readsAPrivateClientEventWithoutUserIdAndObjectData() {
    WebhookBatch batch =
        parse(
            batch(
                "{\"name\":\"client_event\",\"channel\":\"private-r\",\"event\":\"client-x\","
                    + "\"data\":{\"a\":[1,2]},\"socket_id\":\"1.2\"}"));

    assertThat(batch.events())
        .containsExactly(
            new WebhookEvent.ClientEvent("private-r", "client-x", "{\"a\":[1,2]}", "1.2", null));
  }

  @Test
  void keepsEventsItDoesNotKnowWhole() {
    WebhookBatch batch = parse(batch("{\"name\":\"member_updated\",\"channel\":\"p\",\"x\":1}"));

    assertThat(batch.events())
        .singleElement()
        .isInstanceOfSatisfying(
            WebhookEvent.Unknown.class,
            unknown -> {
              assertThat(unknown.name()).isEqualTo("member_updated");
              assertThat(unknown.event().get("x").asInt()).isEqualTo(1);
            });
  }

  @Test
  void readsAnEmptyBatch() {
    assertThat(parse(batch()).events()).isEmpty();
  }

  @Test
  void namesWhatIsMissingFromAMalformedBody() {
    assertMalformed("[]", "not a JSON object");
    assertMalformed("{\"events\":[]}", "time_ms");
    assertMalformed("{\"time_ms\":\"1\",\"events\":[]}", "time_ms");
    assertMalformed("{\"time_ms\":1}", "events");
    assertMalformed(batch("1"), "event 0 is not a JSON object");
    assertMalformed(batch("{\"channel\":\"a\"}"), "\"name\"");
    assertMalformed(
        batch("{\"name\":\"channel_occupied\"}"), "(channel_occupied) has no \"channel\"");
    assertMalformed(batch("{\"name\":\"member_added\",\"channel\":\"p\"}"), "user_id");
    assertMalformed(
        batch("{\"name\":\"subscription_count\",\"channel\":\"a\",\"subscription_count\":1.5}"),
        "subscription_count");
    assertMalformed(
        batch("{\"name\":\"client_event\",\"channel\":\"a\",\"event\":7}"), "\"event\"");
  }

  private static void assertMalformed(String body, String message) {
    assertThatThrownBy(() -> parse(body))
        .as(body)
        .isInstanceOfSatisfying(
            WebhookVerificationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.MALFORMED_BODY);
              assertThat(e).hasMessageContaining(message);
            });
  }
}
