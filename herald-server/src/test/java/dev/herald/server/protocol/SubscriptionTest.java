package dev.herald.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.pusher.PusherJson;
import dev.herald.pusher.Signatures;
import dev.herald.server.testing.FakeConnection;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SubscriptionTest {
  private final ProtocolFixture f = new ProtocolFixture();

  @Test
  void subscribesToAPublicChannelAndReceivesBroadcasts() {
    FakeConnection conn = f.connect();
    f.subscribe(conn, "orders");
    var ok = conn.last("pusher_internal:subscription_succeeded");
    assertThat(ok.get("channel").asText()).isEqualTo("orders");
    assertThat(ok.get("data").asText()).isEqualTo("{}");
    conn.clear();
    f.channels.deliver("1", "orders", bytes(event("orders")), null);
    assertThat(conn.received).containsExactly(event("orders"));
  }

  @Test
  void subscribesToPrivateAndEncryptedChannelsWithAValidSignature() {
    FakeConnection conn = f.connect();
    f.subscribe(conn, "private-orders.1");
    f.subscribe(conn, "private-encrypted-orders.1");
    assertThat(conn.events())
        .containsExactly(
            "pusher_internal:subscription_succeeded", "pusher_internal:subscription_succeeded");
    assertThat(conn.state().isSubscribed("private-encrypted-orders.1")).isTrue();
  }

  @Test
  void rejectsPrivateChannelWithBadSignature() {
    FakeConnection conn = f.connect();
    String forged =
        Signatures.channelAuth("app-key", "wrong-secret", conn.socketId(), "private-x", null);
    f.send(
        conn,
        "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"private-x\",\"auth\":\""
            + forged
            + "\"}}");
    var error = FakeConnection.data(conn.last("pusher:subscription_error"));
    assertThat(error.get("type").asText()).isEqualTo("AuthError");
    assertThat(error.get("status").asInt()).isEqualTo(401);
    var pusherError = conn.last("pusher:error").get("data");
    assertThat(pusherError.get("code").asInt()).isEqualTo(4009);
    assertThat(pusherError.get("message").asText())
        .contains("Invalid signature")
        .contains(conn.socketId() + ":private-x")
        .doesNotContain("app-secret");
    assertThat(conn.state().isSubscribed("private-x")).isFalse();
    assertThat(conn.closedWith).isNull();
    f.channels.deliver("1", "private-x", bytes(event("private-x")), null);
    assertThat(conn.received).noneMatch(m -> m.contains("my-event"));
  }

  @Test
  void rejectsASignatureMadeForAnotherSocketOrChannel() {
    FakeConnection conn = f.connect();
    String other = Signatures.channelAuth("app-key", "app-secret", "1.1", "private-x", null);
    f.send(conn, subscribe("private-x", other));
    String wrongChannel =
        Signatures.channelAuth("app-key", "app-secret", conn.socketId(), "private-y", null);
    f.send(conn, subscribe("private-x", wrongChannel));
    f.send(conn, "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"private-x\"}}");
    assertThat(conn.events()).filteredOn("pusher:subscription_error"::equals).hasSize(3);
    assertThat(conn.state().subscriptionCount()).isZero();
  }

  @Test
  void rejectsInvalidChannelNamesWithoutClosing() {
    FakeConnection conn = f.connect();
    f.subscribe(conn, "#server-to-user-1");
    f.subscribe(conn, "a".repeat(201));
    f.subscribe(conn, "bad name");
    assertThat(conn.events()).filteredOn("pusher:subscription_error"::equals).hasSize(3);
    assertThat(conn.messages())
        .filteredOn(m -> m.path("event").asText().equals("pusher:error"))
        .extracting(m -> m.get("data").get("code").asInt())
        .as("a user channel of a connection not signed in is an auth error")
        .containsExactly(4009, 4300, 4300);
    assertThat(conn.state().subscriptionCount()).isZero();
    assertThat(conn.closedWith).isNull();
  }

  @Test
  void resubscribingConfirmsAgainWithoutDoubleDelivery() {
    FakeConnection conn = f.connect();
    f.subscribe(conn, "orders");
    f.subscribe(conn, "orders");
    assertThat(conn.events()).filteredOn(e -> e.endsWith("subscription_succeeded")).hasSize(2);
    conn.clear();
    f.channels.deliver("1", "orders", bytes(event("orders")), null);
    assertThat(conn.received).hasSize(1);
    assertThat(f.channels.subscriptionCount("1", "orders")).isEqualTo(1);
  }

  @Test
  void unsubscribeStopsDeliveryAndCloseLeavesEveryChannel() {
    FakeConnection conn = f.connect();
    f.subscribe(conn, "a");
    f.subscribe(conn, "b");
    f.send(conn, "{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"a\"}}");
    f.send(conn, "{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"never\"}}");
    assertThat(f.channels.subscriptionCount("1", "a")).isZero();
    assertThat(f.channels.subscriptionCount("1", "b")).isEqualTo(1);
    f.protocol.onClose(conn);
    assertThat(f.channels.channels("1")).isEmpty();
  }

  @Test
  void excludesTheSocketGivenAsSocketId() {
    FakeConnection a = f.connect();
    FakeConnection b = f.connect();
    f.subscribe(a, "orders");
    f.subscribe(b, "orders");
    a.clear();
    b.clear();
    f.channels.deliver("1", "orders", bytes(event("orders")), a.socketId());
    assertThat(a.received).isEmpty();
    assertThat(b.received).hasSize(1);
  }

  @Test
  void appsDoNotSeeEachOthersChannels() {
    FakeConnection a = f.connect();
    FakeConnection other = f.connect(ProtocolFixture.NO_CLIENT_EVENTS);
    f.subscribe(a, "orders");
    f.subscribe(other, "orders");
    other.clear();
    f.channels.deliver("1", "orders", bytes(event("orders")), null);
    assertThat(other.received).isEmpty();
  }

  private static String subscribe(String channel, String auth) {
    return "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\""
        + channel
        + "\",\"auth\":\""
        + auth
        + "\"}}";
  }

  static String event(String channel) {
    return new String(
        PusherJson.channelEvent("my-event", channel, "{\"n\":1}", null), StandardCharsets.UTF_8);
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
