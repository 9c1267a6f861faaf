package dev.herald.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.pusher.PusherJson;
import dev.herald.server.broker.Broker;
import dev.herald.server.broker.Message;
import dev.herald.server.cluster.Cluster;
import dev.herald.server.testing.FakeConnection;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SigninTest {
  private final ProtocolFixture f = new ProtocolFixture();

  @Test
  void confirmsTheSigninOnlyOnceTheClusterDeliversTheUsersEventsHere() {
    CompletableFuture<Void> subscribedInRedis = new CompletableFuture<>();
    ProtocolFixture slow =
        new ProtocolFixture(
            memory ->
                new Cluster(
                    new Broker() {
                      @Override
                      public void publish(Message message) {
                        memory.broker().publish(message);
                      }

                      @Override
                      public void terminate(String appId, String userId) {
                        memory.broker().terminate(appId, userId);
                      }

                      @Override
                      public CompletableFuture<Void> listening(String appId, String channel) {
                        return channel.equals("#server-to-user-42")
                            ? subscribedInRedis
                            : memory.broker().listening(appId, channel);
                      }
                    },
                    memory.presence(),
                    memory.occupancy(),
                    memory.onlineUsers(),
                    memory.cache()));
    FakeConnection conn = slow.connect();

    slow.signin(conn, "{\"id\":\"42\"}");
    assertThat(conn.events()).doesNotContain("pusher:signin_success");

    subscribedInRedis.complete(null);
    assertThat(conn.events()).contains("pusher:signin_success");
  }

  @Test
  void signsInWithAValidSignatureAndEchoesTheUserData() {
    FakeConnection conn = f.connect();
    f.signin(conn, "{\"id\":\"42\",\"user_info\":{\"name\":\"Ann\"}}");
    var success = conn.last("pusher:signin_success");
    assertThat(success.get("data").isObject()).as("data is an object, as documented").isTrue();
    assertThat(success.at("/data/user_data").asText())
        .isEqualTo("{\"id\":\"42\",\"user_info\":{\"name\":\"Ann\"}}");
    assertThat(conn.state().userId()).isEqualTo("42");
    assertThat(f.signedIn.isOnline("1", "42")).isTrue();
  }

  @Test
  void refusesBadSignaturesAndUserDataWithoutAStringId() {
    FakeConnection conn = f.connect();
    f.send(
        conn,
        "{\"event\":\"pusher:signin\",\"data\":{\"auth\":\"app-key:00\",\"user_data\":\"{\\\"id\\\":\\\"1\\\"}\"}}");
    assertThat(conn.last("pusher:error").at("/data/code").asInt()).isEqualTo(4009);
    assertThat(conn.last("pusher:error").at("/data/message").asText())
        .contains(conn.socketId() + "::user::");
    f.signin(conn, "{\"id\":7}");
    assertThat(conn.last("pusher:error").at("/data/message").asText()).contains("\"id\"");
    f.signin(conn, "{\"name\":\"x\"}");
    f.signin(conn, "not json");
    assertThat(conn.events()).doesNotContain("pusher:signin_success");
    assertThat(conn.state().userId()).isNull();
    assertThat(conn.closedWith).as("sign-in failures keep the connection").isNull();
  }

  @Test
  void allowsOneUserPerConnection() {
    FakeConnection conn = f.connect();
    f.signin(conn, "{\"id\":\"a\"}");
    f.signin(conn, "{\"id\":\"a\"}");
    assertThat(conn.events()).filteredOn("pusher:signin_success"::equals).hasSize(2);
    f.signin(conn, "{\"id\":\"b\"}");
    assertThat(conn.last("pusher:error").at("/data/message").asText())
        .contains("already signed in");
    assertThat(conn.state().userId()).isEqualTo("a");
  }

  @Test
  void deliversServerToUserEventsToEverySignedInSocketOfTheUser() {
    FakeConnection tab1 = f.connect();
    FakeConnection tab2 = f.connect();
    FakeConnection other = f.connect();
    f.signin(tab1, "{\"id\":\"u\"}");
    f.signin(tab2, "{\"id\":\"u\"}");
    f.signin(other, "{\"id\":\"v\"}");
    tab1.clear();
    tab2.clear();
    other.clear();
    byte[] event = PusherJson.channelEvent("hello", "#server-to-user-u", "{}", null);
    f.channels.deliver("1", "#server-to-user-u", event, null);
    String json = new String(event, StandardCharsets.UTF_8);
    assertThat(tab1.received).containsExactly(json);
    assertThat(tab2.received).containsExactly(json);
    assertThat(other.received).isEmpty();
    f.protocol.onClose(tab1);
    assertThat(f.channels.subscriptionCount("1", "#server-to-user-u")).isEqualTo(1);
  }

  @Test
  void confirmsTheUserChannelOnlyToItsOwner() {
    FakeConnection conn = f.connect();
    f.send(conn, subscribe("#server-to-user-u"));
    assertThat(FakeConnection.data(conn.last("pusher:subscription_error")).get("status").asInt())
        .isEqualTo(401);
    f.signin(conn, "{\"id\":\"u\"}");
    f.send(conn, subscribe("#server-to-user-u"));
    assertThat(conn.last("pusher_internal:subscription_succeeded").get("channel").asText())
        .isEqualTo("#server-to-user-u");
    f.send(conn, subscribe("#server-to-user-someone-else"));
    assertThat(conn.events()).filteredOn("pusher:subscription_error"::equals).hasSize(2);
    assertThat(f.channels.subscriptionCount("1", "#server-to-user-someone-else")).isZero();
  }

  @Test
  void terminateClosesEverySignedInSocketOfTheUserWith4009() {
    FakeConnection tab1 = f.connect();
    FakeConnection tab2 = f.connect();
    FakeConnection presenceOnly = f.connect();
    f.signin(tab1, "{\"id\":\"u\"}");
    f.signin(tab2, "{\"id\":\"u\"}");
    f.joinPresence(presenceOnly, "presence-room", "{\"user_id\":\"u\"}");
    assertThat(f.signedIn.terminate("1", "u", "bye")).isEqualTo(2);
    assertThat(tab1.closedWith).isEqualTo(PusherError.UNAUTHORIZED);
    assertThat(tab2.closedWith).isEqualTo(PusherError.UNAUTHORIZED);
    assertThat(presenceOnly.closedWith).as("not signed in: not affected").isNull();
    assertThat(f.signedIn.terminate("1", "nobody", "bye")).isZero();
  }

  @Test
  void joinsPresenceAsTheSignedInUserWithoutChannelData() {
    FakeConnection conn = f.connect();
    f.signin(conn, "{\"id\":\"ann\",\"user_info\":{\"name\":\"Ann\"}}");
    String auth =
        dev.herald.pusher.Signatures.channelAuth(
            "app-key", "app-secret", conn.socketId(), "presence-room", null);
    f.send(
        conn,
        "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"presence-room\",\"auth\":\""
            + auth
            + "\"}}");
    var presence = FakeConnection.data(conn.last("pusher_internal:subscription_succeeded"));
    assertThat(presence.at("/presence/ids/0").asText()).isEqualTo("ann");
    assertThat(presence.at("/presence/hash/ann/name").asText()).isEqualTo("Ann");
  }

  @Test
  void sendsTheWatchlistStateOnSignInAndChangesAfterwards() {
    FakeConnection online = f.connect(ProtocolFixture.FEATURES);
    f.signin(online, "{\"id\":\"bob\"}");
    FakeConnection watcher = f.connect(ProtocolFixture.FEATURES);
    f.signin(watcher, "{\"id\":\"ann\",\"watchlist\":[\"bob\",\"cid\"]}");
    var state = FakeConnection.data(watcher.last("pusher_internal:watchlist_events"));
    assertThat(state.toString())
        .isEqualTo(
            "{\"events\":[{\"name\":\"online\",\"user_ids\":[\"bob\"]},"
                + "{\"name\":\"offline\",\"user_ids\":[\"cid\"]}]}");
    watcher.clear();
    FakeConnection cid = f.connect(ProtocolFixture.FEATURES);
    f.signin(cid, "{\"id\":\"cid\"}");
    assertThat(FakeConnection.data(watcher.last("pusher_internal:watchlist_events")).toString())
        .isEqualTo("{\"events\":[{\"name\":\"online\",\"user_ids\":[\"cid\"]}]}");
    f.protocol.onClose(online);
    assertThat(FakeConnection.data(watcher.last("pusher_internal:watchlist_events")).toString())
        .isEqualTo("{\"events\":[{\"name\":\"offline\",\"user_ids\":[\"bob\"]}]}");
  }

  @Test
  void acceptsTheFirst100WatchlistIdsAndSays4302() {
    FakeConnection watcher = f.connect(ProtocolFixture.FEATURES);
    StringBuilder ids = new StringBuilder();
    for (int i = 0; i < 101; i++) {
      ids.append(i == 0 ? "" : ",").append("\"u").append(i).append('"');
    }
    f.signin(watcher, "{\"id\":\"ann\",\"watchlist\":[" + ids + "]}");
    assertThat(watcher.last("pusher:error").at("/data/code").asInt()).isEqualTo(4302);
    assertThat(watcher.events()).contains("pusher:signin_success");
    var state = FakeConnection.data(watcher.last("pusher_internal:watchlist_events"));
    assertThat(state.at("/events/0/user_ids").size()).isEqualTo(100);
  }

  @Test
  void sendsNoWatchlistEventsWhenTheAppHasThemOff() {
    FakeConnection watcher = f.connect();
    f.signin(watcher, "{\"id\":\"ann\",\"watchlist\":[\"bob\"]}");
    FakeConnection bob = f.connect();
    f.signin(bob, "{\"id\":\"bob\"}");
    assertThat(watcher.events()).doesNotContain("pusher_internal:watchlist_events");
  }

  private static String subscribe(String channel) {
    return "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\""
        + channel
        + "\",\"auth\":\"\"}}";
  }
}
