package dev.herald.server.api;

import static dev.herald.server.api.ApiFixture.assertError;
import static dev.herald.server.api.ApiFixture.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.pusher.ApiSignature;
import dev.herald.server.app.App;
import dev.herald.server.app.StaticAppRegistry;
import dev.herald.server.broker.Broker;
import dev.herald.server.broker.Message;
import dev.herald.server.channel.ChannelRegistry;
import dev.herald.server.cluster.Cluster;
import dev.herald.server.protocol.NodeDelivery;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Routing, the health check and the one place errors become responses. */
class HttpApiTest {
  private final ApiFixture api = new ApiFixture();

  @Test
  void answersTheHealthCheckWithoutAuthentication() {
    assertOk(api.send("GET", "/up", Map.of(), ""), "{\"status\":\"ok\"}");
  }

  @Test
  void answersUnknownPathsWith404() {
    assertError(api.send("GET", "/nope", Map.of(), ""), 404, "no API route for /nope");
    assertError(api.send("GET", "/apps/3/nope", Map.of(), ""), 404, "/apps/3/nope");
    assertError(api.send("GET", "/apps/3/channels/a/b/c", Map.of(), ""), 404);
  }

  @Test
  void doesNotMatchEmptyPathSegments() {
    assertError(api.send("POST", "/apps//events", Map.of(), ""), 404);
    assertError(api.send("GET", "/apps/3/channels//users", Map.of(), ""), 404);
  }

  @Test
  void answersWrongMethodWith405BeforeAuthentication() {
    assertError(
        api.send("GET", "/apps/3/events", Map.of(), ""),
        405,
        "Method GET is not allowed on /apps/3/events; use POST");
    assertError(api.send("POST", "/up", Map.of(), ""), 405, "use GET");
    assertError(api.send("DELETE", "/apps/3/channels/x", Map.of(), ""), 405, "use GET");
  }

  @Test
  void authenticatesEveryAppRoute() {
    for (String path :
        List.of("/apps/3/channels", "/apps/3/channels/presence-x", "/apps/3/channels/x/users")) {
      assertError(api.send("GET", path, Map.of(), ""), 401, "Missing auth_key");
    }
    for (String path : List.of("/apps/3/events", "/apps/3/batch_events")) {
      assertError(api.send("POST", path, Map.of(), "{}"), 401, "Missing auth_key");
    }
  }

  @Test
  void toleratesRequestsWithoutQueryOrBody() {
    ApiResponse response = api.api.handle(new ApiRequest("GET", "/up", null, null)).join();
    assertThat(response.status()).isEqualTo(200);
    assertError(
        api.api.handle(new ApiRequest("POST", "/apps/3/events", null, null)).join(),
        401,
        "Missing auth_key");
  }

  @Test
  void answersUnexpectedFailuresWith500() {
    Cluster single =
        Cluster.singleNode(
            new NodeDelivery(
                new ChannelRegistry(ApiFixture.TextFrame::new),
                new dev.herald.server.protocol.SignedInUsers()));
    Broker brokerDown =
        new Broker() {
          @Override
          public void publish(Message message) {
            throw new IllegalStateException("broker down");
          }

          @Override
          public void terminate(String appId, String userId) {
            throw new IllegalStateException("broker down");
          }
        };
    HttpApi failing =
        new HttpApi(
            new StaticAppRegistry(List.of(App.of(ApiFixture.APP_ID, ApiFixture.KEY, "s3cret"))),
            new Cluster(
                brokerDown,
                single.presence(),
                single.occupancy(),
                single.onlineUsers(),
                single.cache()),
            Clock.fixed(Instant.ofEpochSecond(ApiFixture.NOW), ZoneOffset.UTC));
    String body = ApiFixture.body("name", "e", "channel", "c", "data", "{}");
    Map<String, List<String>> query = new TreeMap<>();
    ApiSignature.signedParams(
            ApiFixture.KEY, "s3cret", "POST", "/apps/3/events", Map.of(), body, ApiFixture.NOW)
        .forEach((k, v) -> query.put(k, List.of(v)));

    ApiResponse response =
        failing
            .handle(
                new ApiRequest(
                    "POST", "/apps/3/events", query, body.getBytes(StandardCharsets.UTF_8)))
            .join();

    assertError(response, 500, "Internal server error");
    assertThat(response.json()).doesNotContain("broker down");
  }
}
