package dev.herald.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.testing.WsClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET /metrics and GET /ready over a real socket. */
class MetricsIT {
  static final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void servesPrometheusMetricsThatFollowTheConnections() throws Exception {
    try (HeraldServer server =
        HeraldServer.start(
            ServerConfig.DEFAULTS
                .withAddress("127.0.0.1", 0)
                .withApps(List.of(App.of("7", "metrics-key", "metrics-secret"))))) {
      try (WsClient client = WsClient.connect(server.port(), "metrics-key")) {
        System.gc(); // meters hold their sources weakly: they must survive a collection
        HttpResponse<String> response = get(server, "/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body())
            .contains("herald_connections{app=\"7\"} 1.0")
            .contains("herald_slow_consumers_closed_total 0.0")
            .contains("jvm_memory_used_bytes")
            .contains("process_files_open_files");
        assertThat(response.body().lines().filter(line -> line.startsWith("herald_")))
            .noneMatch(line -> line.endsWith("NaN"));
      }
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> get(server, "/metrics").body().contains("herald_connections{app=\"7\"} 0.0"));
    }
  }

  @Test
  void countsDisconnectsByAppAndCloseCode() throws Exception {
    try (HeraldServer server =
        HeraldServer.start(
            ServerConfig.DEFAULTS
                .withAddress("127.0.0.1", 0)
                .withApps(List.of(App.of("7", "metrics-key", "metrics-secret"))))) {
      WsClient.connect(server.port(), "metrics-key").close(); // a normal close: 1000
      WsClient talker = WsClient.connect(server.port(), "metrics-key");
      talker.send("not json at all");
      talker.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"presence-x\"}}");
      server.reload(List.of()); // the app is gone: 4003
      assertThat(talker.awaitClose()).isEqualTo(4003);

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(get(server, "/metrics").body())
                      .contains("herald_disconnects_total{app=\"7\",code=\"1000\"} 1.0")
                      .contains("herald_disconnects_total{app=\"7\",code=\"4003\"} 1.0"));
    }
  }

  @Test
  void isAlwaysReadyAsASingleNode() throws Exception {
    try (HeraldServer server =
        HeraldServer.start(
            ServerConfig.DEFAULTS
                .withAddress("127.0.0.1", 0)
                .withApps(List.of(App.of("7", "metrics-key", "metrics-secret"))))) {
      HttpResponse<String> ready = get(server, "/ready");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).isEqualTo("{\"status\":\"ok\"}");
    }
  }

  static HttpResponse<String> get(HeraldServer server, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
