package dev.herald.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.ApiSignature;
import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.lifecycle.LifecycleEvent;
import dev.herald.server.testing.WsClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sign-in, send-to-user, terminate, cache channels and lifecycle listeners over real sockets. */
class ParityIT {
  static final App APP = App.of("1", "app-key", "app-secret");
  static final List<LifecycleEvent> heard = new CopyOnWriteArrayList<>();
  static final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static HeraldServer server;

  @BeforeAll
  static void start() {
    server =
        HeraldServer.start(
            ServerConfig.DEFAULTS.withAddress("127.0.0.1", 0).withApps(List.of(APP)),
            Clock.systemUTC(),
            List.of(heard::add));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void sendsToEverySocketOfASignedInUserAndTerminatesThem() throws Exception {
    try (WsClient tab1 = WsClient.connect(server.port(), "app-key");
        WsClient tab2 = WsClient.connect(server.port(), "app-key")) {
      signin(tab1, "{\"id\":\"ann\"}");
      signin(tab2, "{\"id\":\"ann\"}");
      assertThat(
              post(
                  "/apps/1/events",
                  "{\"name\":\"note\",\"channel\":\"#server-to-user-ann\",\"data\":\"hi\"}"))
          .isEqualTo(200);
      assertThat(tab1.awaitEvent("note").get("channel").asText()).isEqualTo("#server-to-user-ann");
      tab2.awaitEvent("note");
      assertThat(post("/apps/1/users/ann/terminate_connections", "")).isEqualTo(200);
      assertThat(tab1.awaitClose()).isEqualTo(4009);
      assertThat(tab2.awaitClose()).isEqualTo(4009);
    }
  }

  @Test
  void replaysTheLastTriggeredEventToNewCacheSubscribers() throws Exception {
    post("/apps/1/events", "{\"name\":\"price\",\"channel\":\"cache-eur\",\"data\":\"1.12\"}");
    try (WsClient client = WsClient.connect(server.port(), "app-key")) {
      client.subscribe("cache-eur");
      assertThat(client.awaitEvent("price").get("data").asText()).isEqualTo("1.12");
      client.subscribe("cache-usd");
      assertThat(client.awaitEvent("pusher:cache_miss").get("channel").asText())
          .isEqualTo("cache-usd");
    }
  }

  @Test
  void tellsLifecycleListenersOffTheEventLoop() {
    String socketId;
    try (WsClient client = WsClient.connect(server.port(), "app-key")) {
      socketId = client.socketId();
      client.subscribe("audited");
    }
    String id = socketId;
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                heard.stream()
                    .anyMatch(
                        e ->
                            e instanceof LifecycleEvent.ConnectionClosed closed
                                && closed.socketId().equals(id)));
    assertThat(heard)
        .anyMatch(e -> e.equals(new LifecycleEvent.ConnectionOpened("1", id, e.timeMillis())))
        .anyMatch(
            e ->
                e instanceof LifecycleEvent.Subscribed s
                    && s.socketId().equals(id)
                    && s.channel().equals("audited"));
  }

  private static void signin(WsClient client, String userData) {
    JsonNode success = client.signin(userData, "app-key", "app-secret");
    assertThat(success.at("/data/user_data").asText()).isEqualTo(userData);
  }

  private static int post(String path, String body) throws Exception {
    Map<String, String> params =
        ApiSignature.signedParams(
            "app-key",
            "app-secret",
            "POST",
            path,
            Map.of(),
            body,
            System.currentTimeMillis() / 1000);
    StringBuilder query = new StringBuilder();
    params.forEach(
        (k, v) -> query.append(query.length() == 0 ? "?" : "&").append(k).append('=').append(v));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path + query))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}
