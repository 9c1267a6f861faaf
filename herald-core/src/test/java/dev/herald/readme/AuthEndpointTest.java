package dev.herald.readme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.herald.ChannelAuthorizer;
import dev.herald.pusher.PusherJson;
import dev.herald.pusher.Signatures;
import dev.herald.readme.AuthEndpoint.User;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The README's endpoint, over a real socket, as pusher-js would call it. */
class AuthEndpointTest {
  private static final String KEY = "app-key";
  private static final String SECRET = "app-secret";
  private static final String SOCKET = "123.456";
  private static final Map<String, User> USERS =
      Map.of("alice-token", new User("1", "Alice", Set.of("42")));

  private final List<String> shipped = new CopyOnWriteArrayList<>();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private HttpServer server;
  private URI base;

  @BeforeEach
  void start() throws IOException {
    ChannelAuthorizer<User> authorizer = AuthEndpoint.authorizer(KEY, SECRET);
    server =
        AuthEndpoint.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            authorizer,
            exchange -> {
              String header = exchange.getRequestHeaders().getFirst("Authorization");
              return header == null ? null : USERS.get(header.replace("Bearer ", ""));
            },
            (orderId, exceptSocketId) -> shipped.add(orderId + " except " + exceptSocketId));
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private HttpResponse<String> post(String path, Map<String, String> form, String... headers)
      throws Exception {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> auth(String channel, String socketId) throws Exception {
    return post(
        "/broadcasting/auth",
        Map.of("socket_id", socketId, "channel_name", channel),
        "Authorization",
        "Bearer alice-token");
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return PusherJson.mapper().readTree(response.body());
  }

  @Test
  void signsAPrivateChannelTheUserMayJoin() throws Exception {
    HttpResponse<String> response = auth("private-orders.42", SOCKET);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(
            Signatures.verifyAuth(
                KEY, SECRET, SOCKET + ":private-orders.42", json(response).get("auth").asText()))
        .isTrue();
  }

  @Test
  void signsAPresenceChannelWithTheMembersChannelData() throws Exception {
    HttpResponse<String> response = auth("presence-chat.7", SOCKET);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.get("channel_data").asText())
        .isEqualTo("{\"user_id\":\"1\",\"user_info\":{\"name\":\"Alice\"}}");
    assertThat(
            Signatures.verifyAuth(
                KEY,
                SECRET,
                SOCKET + ":presence-chat.7:" + body.get("channel_data").asText(),
                body.get("auth").asText()))
        .isTrue();
  }

  @Test
  void answers403ForAChannelTheUserMayNotJoin() throws Exception {
    assertThat(auth("private-orders.43", SOCKET).statusCode()).isEqualTo(403);
    assertThat(auth("private-unknown", SOCKET).statusCode()).isEqualTo(403);
  }

  @Test
  void answers400ForMalformedRequests() throws Exception {
    HttpResponse<String> badSocket = auth("private-orders.42", "123.456:private-other");

    assertThat(badSocket.statusCode()).isEqualTo(400);
    assertThat(json(badSocket).get("error").asText()).contains("socket_id");
    assertThat(auth("orders", SOCKET).statusCode()).isEqualTo(400);
    assertThat(
            post(
                    "/broadcasting/auth",
                    Map.of("socket_id", SOCKET),
                    "Authorization",
                    "Bearer alice-token")
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void answers401WithoutASession() throws Exception {
    assertThat(
            post(
                    "/broadcasting/auth",
                    Map.of("socket_id", SOCKET, "channel_name", "private-orders.42"))
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void signsTheUserIn() throws Exception {
    HttpResponse<String> response =
        post(
            "/broadcasting/user-auth",
            Map.of("socket_id", SOCKET),
            "Authorization",
            "Bearer alice-token");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.get("user_data").asText())
        .isEqualTo("{\"id\":\"1\",\"user_info\":{\"name\":\"Alice\"}}");
    assertThat(
            Signatures.verifyAuth(
                KEY,
                SECRET,
                Signatures.userSigningString(SOCKET, body.get("user_data").asText()),
                body.get("auth").asText()))
        .isTrue();
  }

  @Test
  void passesTheSendersSocketIdOnSoTheBroadcastCanLeaveThemOut() throws Exception {
    HttpResponse<String> response =
        post("/orders/ship", Map.of("order_id", "42"), "X-Socket-ID", SOCKET);

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(shipped).containsExactly("42 except " + SOCKET);
  }
}
