package dev.herald.server.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pusher.client.connection.ConnectionState;
import dev.herald.pusher.PusherJson;
import dev.herald.redis.testing.TestRedis;
import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.redis.RedisSettings;
import dev.herald.server.testing.FailoverProxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A deploy with two nodes on Redis behind a load balancer: the draining node's pusher-java-client
 * clients get 4200 within the window, reconnect through the balancer to the other node and rejoin
 * their presence channel, and the cluster's member list stays exact throughout (nobody left behind,
 * nobody twice).
 */
class ClusterDrainIT {
  private static final App APP = App.of("1", "app-key", "app-secret");
  private static final String ROOM = "presence-room";
  private static final Duration WINDOW = Duration.ofSeconds(2);

  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private <T extends AutoCloseable> T opened(T resource) {
    open.add(resource);
    return resource;
  }

  @Test
  void clientsOfADrainingNodeMoveToTheOtherWithPresenceIntact() throws Exception {
    RedisSettings redis = RedisSettings.of(TestRedis.uri()).withPrefix(TestRedis.uniquePrefix());
    HeraldServer draining = opened(node(redis));
    HeraldServer staying = opened(node(redis));
    FailoverProxy balancer = opened(FailoverProxy.start(draining.port(), staying.port()));
    AuthEndpoint auth = opened(AuthEndpoint.start(APP.key(), APP.secret()));
    JavaClient ann =
        opened(JavaClient.connect(balancer.port(), APP.key(), auth.url("ann"), null, 5));
    JavaClient bob =
        opened(JavaClient.connect(balancer.port(), APP.key(), auth.url("bob"), null, 5));
    JavaClient cid =
        opened(JavaClient.connect(staying.port(), APP.key(), auth.url("cid"), null, 5));
    for (JavaClient client : List.of(ann, bob, cid)) {
      client.subscribePresence(ROOM);
      client.awaitSubscribed(ROOM);
    }
    assertThat(users(staying)).containsExactlyInAnyOrder("ann", "bob", "cid");
    assertThat(openConnections(draining)).isEqualTo(2); // ann and bob went to the first node

    long start = System.nanoTime();
    CompletableFuture<Void> drained = CompletableFuture.runAsync(() -> draining.drain(WINDOW));

    for (JavaClient moved : List.of(ann, bob)) {
      JavaClient.waiting("reconnected and rejoined")
          .atMost(WINDOW.plusSeconds(10))
          .until(
              () ->
                  moved.states.contains(ConnectionState.RECONNECTING)
                      && moved.state() == ConnectionState.CONNECTED
                      && moved.timeline.stream().filter((ROOM + " subscribed")::equals).count()
                          == 2);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .as("moved within the window")
        .isLessThan(WINDOW.plusSeconds(5));
    drained.get(20, TimeUnit.SECONDS);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(users(staying)).containsExactlyInAnyOrder("ann", "bob", "cid"));
    // cid saw each move as nothing, or as one removal and one addition: never a member twice.
    for (String user : List.of("ann", "bob")) {
      long added = cid.usersAdded.stream().filter(user::equals).count();
      long removed = cid.usersRemoved.stream().filter(user::equals).count();
      assertThat(added - removed).as("%s is in the room once, as cid sees it", user).isZero();
    }
    // What each moved client was told: reconnect at once (4200), and nothing else went wrong.
    JavaClient.ConnectionError told =
        new JavaClient.ConnectionError("Server shutting down; please reconnect", "4200");
    assertThat(ann.errors).containsExactly(told);
    assertThat(bob.errors).containsExactly(told);
    assertThat(cid.errors).isEmpty();
  }

  @Test
  void aPusherJsClientOfADrainingNodeRejoinsOnTheOtherNode() throws Exception {
    String version = PusherJs.install();
    RedisSettings redis = RedisSettings.of(TestRedis.uri()).withPrefix(TestRedis.uniquePrefix());
    HeraldServer draining = opened(node(redis));
    HeraldServer staying = opened(node(redis));
    FailoverProxy balancer = opened(FailoverProxy.start(draining.port(), staying.port()));
    AuthEndpoint auth = opened(AuthEndpoint.start(APP.key(), APP.secret()));
    JavaClient cid =
        opened(JavaClient.connect(staying.port(), APP.key(), auth.url("cid"), null, 5));
    cid.subscribePresence(ROOM);
    cid.awaitSubscribed(ROOM);

    CompletableFuture<PusherJs.Run> js =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return PusherJs.run(
                    Path.of("src", "test", "js", "pusher-js-drain.cjs"),
                    APP.key(),
                    Integer.toString(balancer.port()),
                    auth.url("ann"));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> users(staying).contains("ann") && openConnections(draining) == 1);

    draining.drain(WINDOW);

    PusherJs.Run run = js.get(60, TimeUnit.SECONDS);
    assertThat(run.exitCode()).as("pusher-js %s:%n%s", version, run.output()).isZero();
    assertThat(run.all("error"))
        .as(run.output())
        .anySatisfy(error -> assertThat(error.path("code").asInt()).isEqualTo(4200));
    List<com.fasterxml.jackson.databind.JsonNode> rounds = run.all("subscribed");
    assertThat(rounds).hasSize(2);
    assertThat(rounds.get(1).path("members").toString()).isEqualTo("[\"ann\",\"cid\"]");
    assertThat(rounds.get(1).path("socket").asText())
        .isNotEqualTo(rounds.get(0).path("socket").asText());
    // The script left after rejoining: no ghost of ann stays behind from the drained node.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(users(staying)).containsExactly("cid"));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        cid.usersAdded.stream().filter("ann"::equals).count()
                            - cid.usersRemoved.stream().filter("ann"::equals).count())
                    .as("cid saw ann come and go as often, never twice in the room")
                    .isZero());
  }

  private static HeraldServer node(RedisSettings redis) {
    return HeraldServer.start(
        ServerConfig.DEFAULTS.withAddress("127.0.0.1", 0).withApps(List.of(APP)).withRedis(redis));
  }

  private static List<String> users(HeraldServer node) throws Exception {
    com.pusher.rest.Pusher sdk = new com.pusher.rest.Pusher(APP.id(), APP.key(), APP.secret());
    sdk.setHost("127.0.0.1:" + node.port());
    try (sdk) {
      var result = sdk.get("/channels/" + ROOM + "/users");
      assertThat(result.getHttpStatus()).as(result.getMessage()).isEqualTo(200);
      return PusherJson.mapper().readTree(result.getMessage()).path("users").findValuesAsText("id");
    }
  }

  private static int openConnections(HeraldServer node) throws Exception {
    String metrics =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/metrics"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return metrics
        .lines()
        .filter(l -> l.startsWith("herald_connections{app=\"1\"}"))
        .mapToInt(l -> (int) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }
}
