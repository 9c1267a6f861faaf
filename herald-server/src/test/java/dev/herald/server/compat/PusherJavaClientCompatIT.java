package dev.herald.server.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.pusher.client.channel.Channel;
import com.pusher.client.channel.PresenceChannel;
import com.pusher.client.channel.PrivateChannel;
import com.pusher.client.channel.PrivateEncryptedChannel;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.channel.User;
import com.pusher.client.connection.ConnectionState;
import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.compat.JavaClient.ConnectionError;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official pusher-java-client (2.4.x) against a running Herald: what the client itself reports
 * is the oracle, so a wire format it cannot parse fails here even if our own tests agree with it.
 */
class PusherJavaClientCompatIT {
  static final App APP = App.of("1", "app-key", "app-secret");
  static HeraldServer server;
  static AuthEndpoint auth;

  private final List<JavaClient> clients = new ArrayList<>();

  @BeforeAll
  static void start() {
    server =
        HeraldServer.start(
            ServerConfig.DEFAULTS.withAddress("127.0.0.1", 0).withApps(List.of(APP)));
    auth = AuthEndpoint.start(APP.key(), APP.secret());
  }

  @AfterAll
  static void stop() {
    auth.close();
    server.close();
  }

  @AfterEach
  void disconnectClients() {
    clients.forEach(JavaClient::close);
  }

  @Test
  void connectsAndGetsASocketIdInTheFormTheServerSdksAccept() {
    JavaClient client = connect("alice");

    assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
    assertThat(client.socketId()).matches("^\\d+\\.\\d+$");
    assertThat(client.states)
        .containsSubsequence(ConnectionState.CONNECTING, ConnectionState.CONNECTED);
    assertThat(client.errors).isEmpty();
  }

  @Test
  void subscribesToPublicPrivateAndEncryptedChannels() {
    JavaClient client = connect("alice");

    Channel open = client.subscribe("news");
    PrivateChannel secret = client.subscribePrivate("private-inbox");
    PrivateEncryptedChannel sealed = client.subscribePrivateEncrypted("private-encrypted-vault");
    client.awaitSubscribed("news");
    client.awaitSubscribed("private-inbox");
    client.awaitSubscribed("private-encrypted-vault");

    assertThat(open.isSubscribed()).isTrue();
    assertThat(secret.isSubscribed()).isTrue();
    assertThat(sealed.isSubscribed()).isTrue();
    assertThat(client.errors).isEmpty();
    assertThat(client.authFailures).isEmpty();
    assertThat(client.channelErrors).isEmpty();
  }

  @Test
  void rejectsAPrivateChannelSignedWithTheWrongSecretAndTellsTheClientWhy() {
    JavaClient client = track(JavaClient.connect(server.port(), APP.key(), auth.badSignatureUrl()));

    PrivateChannel forged = client.subscribePrivate("private-forged");
    waiting().until(() -> !client.errors.isEmpty());
    // A later subscription is confirmed after the rejected one would have been.
    client.subscribe("after-forged");
    client.awaitSubscribed("after-forged");

    ConnectionError error = client.errors.get(0);
    assertThat(error.code()).isEqualTo("4009");
    assertThat(error.message())
        .startsWith("Invalid signature: Expected HMAC SHA256 hex digest of " + client.socketId())
        .doesNotContain(APP.secret());
    PusherEvent subscriptionError =
        client.awaitEvent("private-forged", "pusher:subscription_error");
    assertThat(subscriptionError.getData()).contains("\"type\":\"AuthError\"", "\"status\":401");
    assertThat(client.authFailures).as("only for failures of the auth endpoint itself").isEmpty();
    assertThat(client.subscribed).containsExactly("after-forged");
    assertThat(forged.isSubscribed()).isFalse();
    assertThat(client.state()).as("the connection stays open").isEqualTo(ConnectionState.CONNECTED);
  }

  @Test
  void presenceMembersSeeEachOtherJoinAndLeave() {
    JavaClient alice = connect("alice");
    PresenceChannel aliceRoom = alice.subscribePresence("presence-room");
    waiting().until(() -> alice.usersReceived.containsKey("presence-room"));
    assertThat(alice.usersReceived.get("presence-room")).containsExactly("alice");

    JavaClient bob = connect("bob");
    bob.subscribePresence("presence-room");
    waiting().until(() -> bob.usersReceived.containsKey("presence-room"));
    waiting().until(() -> alice.usersAdded.contains("bob"));

    assertThat(bob.usersReceived.get("presence-room")).containsExactly("alice", "bob");
    assertThat(alice.usersAdded).containsExactly("bob");
    assertThat(aliceRoom.getUsers())
        .extracting(User::getId, User::getInfo)
        .contains(org.assertj.core.groups.Tuple.tuple("bob", "{\"name\":\"bob\"}"));
    assertThat(aliceRoom.getMe().getId()).isEqualTo("alice");

    bob.close();
    waiting().until(() -> alice.usersRemoved.contains("bob"));
    assertThat(aliceRoom.getUsers()).extracting(User::getId).containsExactly("alice");
  }

  @Test
  void oneUserOnTwoSocketsIsAnnouncedOnceAndLeavesWithItsLastSocket() {
    JavaClient observer = connect("olga");
    observer.subscribePresence("presence-tabs");
    observer.awaitSubscribed("presence-tabs");
    JavaClient firstTab = connect("carol");
    firstTab.subscribePresence("presence-tabs");
    waiting().until(() -> observer.usersAdded.contains("carol"));
    JavaClient secondTab = connect("carol");
    secondTab.subscribePresence("presence-tabs");
    secondTab.awaitSubscribed("presence-tabs");
    JavaClient marker = connect("dave");
    marker.subscribePresence("presence-tabs");
    waiting().until(() -> observer.usersAdded.contains("dave"));

    assertThat(observer.usersAdded).containsExactly("carol", "dave");
    assertThat(secondTab.usersReceived.get("presence-tabs")).containsExactly("carol", "olga");

    firstTab.close();
    marker.close();
    waiting().until(() -> observer.usersRemoved.contains("dave"));
    assertThat(observer.usersRemoved).as("carol still has a socket").containsExactly("dave");

    secondTab.close();
    waiting().until(() -> observer.usersRemoved.contains("carol"));
    JavaClient lateMarker = connect("erin");
    lateMarker.subscribePresence("presence-tabs");
    waiting().until(() -> observer.usersAdded.contains("erin"));
    assertThat(observer.usersRemoved).containsExactly("dave", "carol");
  }

  @Test
  void relaysClientEventsToOtherSubscribersButNotBackToTheSender() {
    JavaClient alice = connect("alice");
    JavaClient bob = connect("bob");
    PrivateChannel aliceChat = alice.subscribePrivate("private-chat", "client-hello", "client-ack");
    PrivateChannel bobChat = bob.subscribePrivate("private-chat", "client-hello", "client-ack");
    alice.awaitSubscribed("private-chat");
    bob.awaitSubscribed("private-chat");

    aliceChat.trigger("client-hello", "{\"text\":\"hi bob\"}");
    PusherEvent received = bob.awaitEvent("private-chat", "client-hello");
    bobChat.trigger("client-ack", "{\"text\":\"hi alice\"}");
    alice.awaitEvent("private-chat", "client-ack");

    assertThat(received.getData()).isEqualTo("{\"text\":\"hi bob\"}");
    assertThat(received.getUserId()).as("no user_id outside presence channels").isNull();
    assertThat(alice.events("private-chat", "client-hello")).as("no echo").isEmpty();
    assertThat(bob.events("private-chat", "client-ack")).as("no echo").isEmpty();
    assertThat(alice.errors).isEmpty();
    assertThat(bob.errors).isEmpty();
  }

  @Test
  void stampsClientEventsOnPresenceChannelsWithTheSendersUserId() {
    JavaClient alice = connect("alice");
    JavaClient bob = connect("bob");
    PresenceChannel aliceRoom = alice.subscribePresence("presence-chat", "client-wave");
    bob.subscribePresence("presence-chat", "client-wave");
    alice.awaitSubscribed("presence-chat");
    bob.awaitSubscribed("presence-chat");

    aliceRoom.trigger("client-wave", "{\"hand\":\"left\"}");
    PusherEvent wave = bob.awaitEvent("presence-chat", "client-wave");

    assertThat(wave.getUserId()).isEqualTo("alice");
    assertThat(wave.getData()).isEqualTo("{\"hand\":\"left\"}");
  }

  private static ConditionFactory waiting() {
    return JavaClient.waiting("the client's report");
  }

  private JavaClient connect(String user) {
    return track(JavaClient.connect(server.port(), APP.key(), auth.url(user)));
  }

  private JavaClient track(JavaClient client) {
    clients.add(client);
    return client;
  }
}
