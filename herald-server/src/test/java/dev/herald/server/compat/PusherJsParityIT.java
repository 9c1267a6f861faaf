package dev.herald.server.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.app.AppFeatures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference client, pusher-js 8.x under Node, against Herald's Pusher parity features (protocol
 * reference §1.6, §1.7): one run of {@code src/test/js/pusher-js-parity.cjs} is made before the
 * tests, with the app backend (pusher-http-java) triggering, sending to users and terminating on
 * the script's cue; each test asserts on what pusher-js itself reported to the app's callbacks.
 */
class PusherJsParityIT {
  static final Path SCRIPT = Path.of("src", "test", "js", "pusher-js-parity.cjs");
  static final App APP =
      App.of("1", "app-key", "app-secret")
          .withFeatures(
              new AppFeatures(true, true, Duration.ZERO, Duration.ofMinutes(30), Duration.ZERO));
  static HeraldServer server;
  static AuthEndpoint auth;
  static AppBackend backend;
  static PusherJs.Run run;

  @BeforeAll
  static void runPusherJs() throws Exception {
    assertThat(PusherJs.install()).startsWith("8.");
    server =
        HeraldServer.start(
            ServerConfig.DEFAULTS.withAddress("127.0.0.1", 0).withApps(List.of(APP)));
    auth = AuthEndpoint.start(APP.key(), APP.secret());
    backend = AppBackend.start(APP, server.port());
    run =
        PusherJs.run(
            SCRIPT,
            APP.key(),
            Integer.toString(server.port()),
            auth.baseUrl(),
            auth.userAuthBaseUrl(),
            backend.url());
  }

  @AfterAll
  static void stop() {
    if (backend != null) {
      backend.close();
    }
    if (auth != null) {
      auth.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void runsTheWholeParityScenarioWithPusherJs8() {
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.all("done")).as(run.output()).hasSize(1);
    assertThat(run.all("failed")).as(run.output()).isEmpty();
    assertThat(run.all("signin_error")).as(run.output()).isEmpty();
    assertThat(run.all("subscription_error")).as(run.output()).isEmpty();
  }

  @Test
  void signsInAndSubscribesToTheUsersOwnChannelWithAnEmptyAuth() {
    JsonNode alice = run.one("signed_in", "alice");
    assertThat(alice.path("id").asText()).isEqualTo("alice");
    assertThat(alice.at("/user_data/user_info/name").asText()).isEqualTo("alice");
    assertThat(run.one("user_channel", "alice").path("channel").asText())
        .isEqualTo("#server-to-user-alice");
    assertThat(run.one("user_channel", "alice-tab").path("channel").asText())
        .isEqualTo("#server-to-user-alice");
    assertThat(run.one("user_channel", "bob").path("channel").asText())
        .isEqualTo("#server-to-user-bob");
  }

  @Test
  void deliversAServerToUserEventToEveryConnectionOfThatUserOnly() {
    assertThat(run.one("user_event", "alice").at("/data/text").asText()).isEqualTo("hi alice");
    assertThat(run.one("user_event", "alice-tab").at("/data/text").asText()).isEqualTo("hi alice");
    assertThat(run.one("other_user_notices", "bob").path("count").asInt()).isZero();
  }

  @Test
  void refusesASignInWithAForgedSignatureAndKeepsTheConnection() {
    JsonNode error = run.one("signin_refused", "mallory").path("error");
    assertThat(error.path("type").asText()).isEqualTo("PusherError");
    assertThat(error.at("/data/code").asInt()).isEqualTo(4009);
    assertThat(error.at("/data/message").asText()).startsWith("Invalid signature");
    JsonNode after = run.one("after_refused_signin", "mallory");
    assertThat(after.path("state").asText()).isEqualTo("connected");
    assertThat(after.path("user_data").isNull()).as("not signed in").isTrue();
    assertThat(run.output()).doesNotContain(APP.secret());
  }

  @Test
  void reportsTheWatchlistThenItsChangesThroughUserWatchlistBind() {
    JsonNode events = run.one("watchlist", "carol").path("events");
    assertThat(StreamSupport.stream(events.spliterator(), false).map(JsonNode::toString))
        .containsExactly(
            "{\"name\":\"online\",\"user_ids\":[\"alice\"]}",
            "{\"name\":\"offline\",\"user_ids\":[\"dave\"]}",
            "{\"name\":\"online\",\"user_ids\":[\"dave\"]}",
            "{\"name\":\"offline\",\"user_ids\":[\"dave\"]}");
  }

  @Test
  void replaysTheLastTriggeredEventRightAfterSubscribingToACacheChannel() {
    assertThat(cacheEvents("cache-news"))
        .containsExactly(
            "pusher:subscription_succeeded", "headline {\"n\":1}"); // data as pusher-js parsed it
    assertThat(cacheEvents("private-cache-inbox"))
        .containsExactly("pusher:subscription_succeeded", "letter {\"n\":2}");
  }

  @Test
  void sendsCacheMissOnAnEmptyCacheChannel() {
    assertThat(cacheEvents("cache-empty"))
        .containsExactly("pusher:subscription_succeeded", "pusher:cache_miss");
  }

  @Test
  void reportsSubscriptionCountsOnEverySubscribeAndUnsubscribe() {
    JsonNode alice = run.one("subscription_counts", "alice");
    assertThat(texts(alice.path("counts"))).containsExactly("1", "2", "1");
    assertThat(alice.path("last").asInt()).isEqualTo(1);
    JsonNode bob = run.one("bob_counted", "bob");
    assertThat(bob.at("/data/subscription_count").asInt()).isEqualTo(2);
    assertThat(bob.path("last").asInt()).isEqualTo(2);
  }

  @Test
  void joinsAPresenceChannelAsTheSignedInUserWhenTheAuthHasNoChannelData() {
    JsonNode erin = run.one("presence", "erin");
    assertThat(erin.at("/me/id").asText()).isEqualTo("erin");
    assertThat(erin.at("/me/info/name").asText()).isEqualTo("erin");
    assertThat(texts(erin.path("ids"))).containsExactly("alice", "erin");
    JsonNode added = run.one("member_added", "alice").path("member");
    assertThat(added.path("id").asText()).isEqualTo("erin");
    assertThat(added.at("/info/name").asText()).isEqualTo("erin");
  }

  @Test
  void terminatingAUserDisconnectsItsSignedInConnectionWith4009AndPusherJsDoesNotReconnect() {
    JsonNode frank = run.one("terminated", "frank");
    assertThat(frank.path("state").asText()).isEqualTo("disconnected");
    assertThat(texts(frank.path("states")))
        .as("4000-4099 means 'refused': no reconnect")
        .containsExactly("disconnected");
    // pusher:error, then the close frame's code, then the connection manager's wrap of the latter.
    List<JsonNode> errors =
        StreamSupport.stream(frank.path("errors").spliterator(), false).toList();
    assertThat(errors).extracting(e -> e.path("type").asText()).contains("PusherError");
    assertThat(errors)
        .extracting(e -> e.has("error") ? e.path("error") : e)
        .allSatisfy(
            error -> {
              assertThat(error.at("/data/code").asInt()).isEqualTo(4009);
              assertThat(error.at("/data/message").asText()).contains("terminated");
            });
    assertThat(run.one("not_terminated", "frank-in-presence").path("state").asText())
        .as("a presence-only identity is not signed in")
        .isEqualTo("connected");
  }

  /** The events alice saw on a cache channel: "name" for pusher: events, else "name data". */
  private static List<String> cacheEvents(String channel) {
    JsonNode record =
        run.all("cache").stream()
            .filter(r -> channel.equals(r.path("channel").asText()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no cache record for " + channel));
    return texts(record.path("events"));
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
