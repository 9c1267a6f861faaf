package dev.herald.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.server.testing.FakeConnection;
import org.junit.jupiter.api.Test;

class PresenceTest {
  private static final String ROOM = "presence-room";
  private final ProtocolFixture f = new ProtocolFixture();

  @Test
  void sendsTheMemberListOnSuccess() {
    FakeConnection alice = f.connect();
    f.joinPresence(alice, ROOM, "{\"user_id\":\"alice\",\"user_info\":{\"name\":\"Alice\"}}");
    FakeConnection bob = f.connect();
    f.joinPresence(bob, ROOM, "{\"user_id\":42}");
    var presence = FakeConnection.data(bob.last("pusher_internal:subscription_succeeded"));
    assertThat(presence.at("/presence/count").asInt()).isEqualTo(2);
    assertThat(presence.at("/presence/ids").toString()).isEqualTo("[\"alice\",\"42\"]");
    assertThat(presence.at("/presence/hash/alice/name").asText()).isEqualTo("Alice");
  }

  @Test
  void announcesAUserOnceAndNeverToTheJoiningSocket() {
    FakeConnection watcher = f.connect();
    f.joinPresence(watcher, ROOM, "{\"user_id\":\"w\"}");
    watcher.clear();
    FakeConnection tab1 = f.connect();
    f.joinPresence(tab1, ROOM, "{\"user_id\":\"u\",\"user_info\":{\"tab\":1}}");
    FakeConnection tab2 = f.connect();
    f.joinPresence(tab2, ROOM, "{\"user_id\":\"u\",\"user_info\":{\"tab\":2}}");
    assertThat(watcher.events()).containsExactly("pusher_internal:member_added");
    var added = FakeConnection.data(watcher.last("pusher_internal:member_added"));
    assertThat(added.get("user_id").asText()).isEqualTo("u");
    assertThat(added.at("/user_info/tab").asInt()).isEqualTo(1);
    assertThat(tab1.events()).containsExactly("pusher_internal:subscription_succeeded");
    assertThat(tab2.events()).containsExactly("pusher_internal:subscription_succeeded");
    var seenByTab2 = FakeConnection.data(tab2.last("pusher_internal:subscription_succeeded"));
    assertThat(seenByTab2.at("/presence/count").asInt()).isEqualTo(2);
    assertThat(seenByTab2.at("/presence/hash/u/tab").asInt()).as("first info kept").isEqualTo(1);
  }

  @Test
  void removesAUserOnlyAfterItsLastSocketLeaves() {
    FakeConnection watcher = f.connect();
    f.joinPresence(watcher, ROOM, "{\"user_id\":\"w\"}");
    FakeConnection tab1 = f.connect();
    f.joinPresence(tab1, ROOM, "{\"user_id\":\"u\"}");
    FakeConnection tab2 = f.connect();
    f.joinPresence(tab2, ROOM, "{\"user_id\":\"u\"}");
    watcher.clear();
    f.send(tab1, "{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"" + ROOM + "\"}}");
    assertThat(watcher.received).isEmpty();
    f.protocol.onClose(tab2); // a disconnect, not an unsubscribe
    assertThat(watcher.events()).containsExactly("pusher_internal:member_removed");
    var removed = FakeConnection.data(watcher.last("pusher_internal:member_removed"));
    assertThat(removed.get("user_id").asText()).isEqualTo("u");
    assertThat(f.presence.userCount("1", ROOM).join()).isEqualTo(1);
  }

  @Test
  void refusesAFullPresenceChannelWithAnHttpStatusNotACloseCode() {
    FakeConnection a = f.connect(ProtocolFixture.TIGHT);
    f.joinPresence(a, ROOM, "{\"user_id\":\"a\"}");
    FakeConnection b = f.connect(ProtocolFixture.TIGHT);
    f.joinPresence(b, ROOM, "{\"user_id\":\"b\"}");
    FakeConnection c = f.connect(ProtocolFixture.TIGHT);
    f.joinPresence(c, ROOM, "{\"user_id\":\"c\"}");
    // subscription_error's status is what an auth endpoint would answer (pusher-js, Echo); the
    // Pusher code 4100 goes in pusher:error.
    var full = FakeConnection.data(c.last("pusher:subscription_error"));
    assertThat(full.get("status").asInt()).isEqualTo(403);
    assertThat(c.last("pusher:error").at("/data/code").asInt()).isEqualTo(4100);
  }

  @Test
  void enforcesMemberAndSizeLimits() {
    FakeConnection a = f.connect(ProtocolFixture.TIGHT);
    f.joinPresence(a, ROOM, "{\"user_id\":\"a\"}");
    FakeConnection b = f.connect(ProtocolFixture.TIGHT);
    f.joinPresence(b, ROOM, "{\"user_id\":\"b\"}");
    FakeConnection aAgain = f.connect(ProtocolFixture.TIGHT);
    f.joinPresence(aAgain, ROOM, "{\"user_id\":\"a\"}");
    assertThat(aAgain.events())
        .as("a present user may add sockets")
        .contains("pusher_internal:subscription_succeeded");
    FakeConnection c = f.connect(ProtocolFixture.TIGHT);
    f.joinPresence(c, ROOM, "{\"user_id\":\"c\"}");
    var full = FakeConnection.data(c.last("pusher:subscription_error"));
    assertThat(full.get("type").asText()).isEqualTo("LimitReached");
    assertThat(c.last("pusher:error").at("/data/code").asInt()).isEqualTo(4100);
    f.protocol.onClose(b);
    f.joinPresence(c, ROOM, "{\"user_id\":\"c\"}");
    assertThat(c.events()).contains("pusher_internal:subscription_succeeded");

    FakeConnection d = f.connect(ProtocolFixture.TIGHT);
    f.joinPresence(d, "presence-other", "{\"user_id\":\"much-too-long\"}");
    assertThat(d.last("pusher:error").at("/data/message").asText()).contains("user_id");
    f.joinPresence(
        d,
        "presence-other",
        "{\"user_id\":\"d\",\"user_info\":{\"bio\":\"" + "x".repeat(40) + "\"}}");
    assertThat(d.last("pusher:error").at("/data/message").asText()).contains("user_info");
    assertThat(d.state().subscriptionCount()).isZero();
  }

  @Test
  void rejectsPresenceWithoutChannelDataOrWithoutUserId() {
    FakeConnection conn = f.connect();
    f.send(
        conn,
        "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"presence-x\",\"auth\":\"k:s\"}}");
    assertThat(conn.last("pusher:error").at("/data/message").asText()).contains("channel_data");
    f.joinPresence(conn, "presence-x", "{\"user_info\":{}}");
    assertThat(conn.last("pusher:error").at("/data/message").asText()).contains("user_id");
    f.joinPresence(conn, "presence-x", "not json");
    assertThat(conn.last("pusher:error").at("/data/message").asText()).contains("JSON");
    assertThat(conn.state().subscriptionCount()).isZero();
  }
}
