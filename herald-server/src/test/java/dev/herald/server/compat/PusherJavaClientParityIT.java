package dev.herald.server.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.pusher.client.channel.PusherEvent;
import com.pusher.client.connection.ConnectionState;
import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.app.AppFeatures;
import dev.herald.server.compat.JavaClient.ConnectionError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official pusher-java-client (2.4.4) against Herald's Pusher parity features (protocol
 * reference §1.6, §1.7), with pusher-http-java as the app backend. What the client reports to its
 * listeners is the oracle.
 *
 * <p>Not covered because the client lacks them: the watchlist (no API; {@code
 * pusher_internal:watchlist_events} has no channel and is dropped) and presence as the signed-in
 * user (the client insists on {@code channel_data} in the channel auth answer).
 */
class PusherJavaClientParityIT {
  static final App APP =
      App.of("1", "app-key", "app-secret")
          .withFeatures(
              new AppFeatures(true, true, Duration.ZERO, Duration.ofMinutes(30), Duration.ZERO));
  static HeraldServer server;
  static AuthEndpoint auth;
  static AppBackend backend;

  private final List<JavaClient> clients = new ArrayList<>();

  @BeforeAll
  static void start() {
    server =
        HeraldServer.start(
            ServerConfig.DEFAULTS.withAddress("127.0.0.1", 0).withApps(List.of(APP)));
    auth = AuthEndpoint.start(APP.key(), APP.secret());
    backend = AppBackend.start(APP, server.port());
  }

  @AfterAll
  static void stop() {
    backend.close();
    auth.close();
    server.close();
  }

  @AfterEach
  void disconnectClients() {
    clients.forEach(JavaClient::close);
  }

  @Test
  void signsInAndReceivesServerToUserEventsOnEveryConnectionOfThatUserOnly() {
    JavaClient alice = signedIn("alice", "notice");
    JavaClient aliceTab = signedIn("alice", "notice");
    JavaClient bob = signedIn("bob", "notice", "marker");

    assertThat(backend.sendToUser("alice", "notice", "{\"text\":\"hi alice\"}").getHttpStatus())
        .isEqualTo(200);
    PusherEvent notice = alice.awaitEvent("#server-to-user-alice", "notice");
    PusherEvent tabNotice = aliceTab.awaitEvent("#server-to-user-alice", "notice");
    backend.sendToUser("bob", "marker", "{}");
    bob.awaitEvent("#server-to-user-bob", "marker");

    assertThat(notice.getData()).isEqualTo("{\"text\":\"hi alice\"}");
    assertThat(tabNotice.getData()).isEqualTo("{\"text\":\"hi alice\"}");
    assertThat(bob.events("#server-to-user-bob", "notice")).as("not bob's").isEmpty();
    assertThat(bob.events("#server-to-user-alice", "notice")).as("not bob's").isEmpty();
    for (JavaClient client : List.of(alice, aliceTab, bob)) {
      assertThat(client.errors).as("the user channel needs no auth").isEmpty();
    }
  }

  @Test
  void refusesASignInWithAForgedSignatureWith4009AndKeepsTheConnection() {
    JavaClient mallory =
        track(
            JavaClient.signedIn(
                server.port(), APP.key(), auth.url("mallory"), auth.badUserAuthUrl("mallory"), 0));

    waiting().until(() -> !mallory.errors.isEmpty());
    mallory.subscribe("after-signin");
    mallory.awaitSubscribed("after-signin");

    ConnectionError error = mallory.errors.get(0);
    assertThat(error.code()).isEqualTo("4009");
    assertThat(error.message()).startsWith("Invalid signature").doesNotContain(APP.secret());
    assertThat(mallory.userId()).as("not signed in").isNull();
    assertThat(mallory.state()).isEqualTo(ConnectionState.CONNECTED);
  }

  @Test
  void terminatingAUserClosesItsSignedInConnectionsWith4009AndTheClientDoesNotReconnect() {
    JavaClient frank =
        track(
            JavaClient.signedIn(
                server.port(), APP.key(), auth.url("frank"), auth.userAuthUrl("frank"), 3));
    waiting().until(() -> "frank".equals(frank.userId()));
    JavaClient frankInPresence =
        track(JavaClient.connect(server.port(), APP.key(), auth.url("frank")));
    frankInPresence.subscribePresence("presence-frank", "still-here");
    frankInPresence.awaitSubscribed("presence-frank");

    assertThat(backend.terminate("frank").getHttpStatus()).isEqualTo(200);
    waiting().until(() -> frank.state() == ConnectionState.DISCONNECTED);
    backend.trigger("presence-frank", "still-here", "{}");
    frankInPresence.awaitEvent("presence-frank", "still-here");

    assertThat(frank.errors)
        .containsExactly(new ConnectionError("Connection terminated by the app", "4009"));
    assertThat(frank.states)
        .as("4000-4099: no reconnection although 3 attempts are allowed")
        .doesNotContain(ConnectionState.RECONNECTING)
        .endsWith(ConnectionState.DISCONNECTING, ConnectionState.DISCONNECTED);
    assertThat(frankInPresence.state())
        .as("a presence-only identity is not signed in")
        .isEqualTo(ConnectionState.CONNECTED);
  }

  @Test
  void replaysTheLastTriggeredEventRightAfterSubscribingToACacheChannel() {
    backend.trigger("cache-java", "headline", "{\"n\":1}");
    backend.trigger("private-cache-java", "letter", "{\"n\":2}");
    JavaClient client = connect("alice");

    client.subscribe("cache-java", "headline");
    client.subscribePrivate("private-cache-java", "letter");
    PusherEvent headline = client.awaitEvent("cache-java", "headline");
    PusherEvent letter = client.awaitEvent("private-cache-java", "letter");

    assertThat(headline.getData()).isEqualTo("{\"n\":1}");
    assertThat(letter.getData()).isEqualTo("{\"n\":2}");
    assertThat(timeline(client, "cache-java ")).containsExactly("subscribed", "headline");
    assertThat(timeline(client, "private-cache-java ")).containsExactly("subscribed", "letter");
  }

  @Test
  void sendsCacheMissOnAnEmptyCacheChannel() {
    JavaClient client = connect("alice");

    client.subscribe("cache-java-empty", "pusher:cache_miss");
    PusherEvent miss = client.awaitEvent("cache-java-empty", "pusher:cache_miss");

    assertThat(timeline(client, "cache-java-empty "))
        .containsExactly("subscribed", "pusher:cache_miss");
    assertThat(miss.getData()).isEqualTo("{}");
  }

  @Test
  void reportsSubscriptionCountsOnEverySubscribeAndUnsubscribe() {
    JavaClient alice = connect("alice");
    JavaClient bob = connect("bob");
    alice.subscribe("counted-java", "pusher:subscription_count");
    waiting().until(() -> counts(alice).size() == 1);

    bob.subscribe("counted-java");
    bob.awaitSubscribed("counted-java");
    waiting().until(() -> counts(alice).size() == 2);
    bob.unsubscribe("counted-java");
    waiting().until(() -> counts(alice).size() == 3);

    assertThat(counts(alice))
        .containsExactly(
            "{\"subscription_count\":1}",
            "{\"subscription_count\":2}",
            "{\"subscription_count\":1}");
  }

  @Test
  void closesAConnectionThatNeitherSignsInNorJoinsAPrivateChannelInTimeWith4009() {
    App strict =
        APP.withFeatures(
            new AppFeatures(
                false, false, Duration.ofSeconds(1), Duration.ofMinutes(30), Duration.ZERO));
    try (HeraldServer strictServer =
            HeraldServer.start(
                ServerConfig.DEFAULTS.withAddress("127.0.0.1", 0).withApps(List.of(strict)));
        // Each authorizes right after connecting, well within the second.
        JavaClient signedIn = signedInOn(strictServer.port(), "alice");
        JavaClient privateOnly = privateOn(strictServer.port(), "bob", "private-ok");
        JavaClient idle =
            JavaClient.connect(strictServer.port(), APP.key(), auth.url("idle"), null, 3)) {
      idle.subscribe("public-only");

      waiting().until(() -> idle.state() == ConnectionState.DISCONNECTED);
      // Every loop sweeps at least once a second: 1.2 s more covers the authorized ones' deadline.
      JavaClient.waiting("the authorized clients stay")
          .during(Duration.ofMillis(1200))
          .until(
              () ->
                  signedIn.state() == ConnectionState.CONNECTED
                      && privateOnly.state() == ConnectionState.CONNECTED);

      assertThat(idle.errors)
          .containsExactly(new ConnectionError("Connection not authorized within timeout", "4009"));
      assertThat(idle.states).doesNotContain(ConnectionState.RECONNECTING);
      assertThat(signedIn.errors).isEmpty();
      assertThat(privateOnly.errors).isEmpty();
    }
  }

  private static List<String> counts(JavaClient client) {
    return client.events("counted-java", "pusher:subscription_count").stream()
        .map(PusherEvent::getData)
        .toList();
  }

  /** What happened on one channel, in the order the client's listeners heard it. */
  private static List<String> timeline(JavaClient client, String channelAndSpace) {
    return client.timeline.stream()
        .filter(entry -> entry.startsWith(channelAndSpace))
        .map(entry -> entry.substring(channelAndSpace.length()))
        .toList();
  }

  /** A client of {@code user}, signed in, with server-to-user {@code events} bound. */
  private JavaClient signedIn(String user, String... events) {
    return track(signedInOn(server.port(), user, events));
  }

  private static JavaClient signedInOn(int port, String user, String... events) {
    JavaClient client =
        JavaClient.signedIn(port, APP.key(), auth.url(user), auth.userAuthUrl(user), 0, events);
    waiting().until(() -> user.equals(client.userId()));
    return client;
  }

  private static JavaClient privateOn(int port, String user, String channel) {
    JavaClient client = JavaClient.connect(port, APP.key(), auth.url(user));
    client.subscribePrivate(channel);
    client.awaitSubscribed(channel);
    return client;
  }

  private JavaClient connect(String user) {
    return track(JavaClient.connect(server.port(), APP.key(), auth.url(user)));
  }

  private JavaClient track(JavaClient client) {
    clients.add(client);
    return client;
  }

  private static org.awaitility.core.ConditionFactory waiting() {
    return JavaClient.waiting("the client");
  }
}
