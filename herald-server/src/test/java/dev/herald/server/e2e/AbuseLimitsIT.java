package dev.herald.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.ApiSignature;
import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.AllowedOrigins;
import dev.herald.server.app.App;
import dev.herald.server.app.AppLimits;
import dev.herald.server.netty.ConnectionLimits;
import dev.herald.server.testing.WsClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every abuse limit probed over real sockets: the documented code or status for the offender, and
 * the other clients unaffected.
 */
class AbuseLimitsIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final App APP = App.of("1", "app-key", "app-secret");
  private static final App OTHER = App.of("2", "other-key", "other-secret");

  private final List<WsClient> clients = new ArrayList<>();
  private HeraldServer server;

  @AfterEach
  void stop() {
    clients.forEach(WsClient::close);
    if (server != null) {
      server.close();
    }
  }

  /** {@link #APP} with these channels per connection, messages and API requests per second. */
  private static App withLimits(int channels, int messagesPerSecond, int apiRequestsPerSecond) {
    return new App(
        APP.id(),
        APP.key(),
        APP.secret(),
        true,
        true,
        AppLimits.DEFAULTS.withAbuseLimits(channels, messagesPerSecond, apiRequestsPerSecond));
  }

  private void start(ConnectionLimits limits, App... apps) {
    server =
        HeraldServer.start(
            ServerConfig.DEFAULTS
                .withAddress("127.0.0.1", 0)
                .withApps(List.of(apps))
                .withConnectionLimits(limits));
  }

  private WsClient connect(String key, Map<String, String> headers) {
    WsClient client = WsClient.connect(server.port(), key, headers);
    clients.add(client);
    return client;
  }

  private WsClient open(String key, Map<String, String> headers) {
    WsClient client =
        WsClient.open(server.port(), "/app/" + key + "?protocol=7&client=js&version=8", headers);
    clients.add(client);
    return client;
  }

  /** The client is still served: a subscription and an event over the HTTP API reach it. */
  private void assertServed(WsClient client, App app, String channel) throws Exception {
    client.subscribe(channel);
    HttpResponse<String> sent =
        signed(app, "POST", "/apps/" + app.id() + "/events", eventBody(channel));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    assertThat(WsClient.data(client.awaitEvent("served")).path("ok").asBoolean()).isTrue();
  }

  private static String eventBody(String channel) {
    return "{\"name\":\"served\",\"channels\":[\""
        + channel
        + "\"],\"data\":\"{\\\"ok\\\":true}\"}";
  }

  @Test
  void refusesAnOriginTheAppDoesNotAllowWith4009() throws Exception {
    start(
        ConnectionLimits.DEFAULTS,
        APP.withAllowedOrigins(
            new AllowedOrigins(List.of("https://app.example.com", "*.example.org"))));

    WsClient refused = open(APP.key(), Map.of("Origin", "https://evil.example.net"));
    JsonNode error = refused.awaitEvent("pusher:error");
    assertThat(WsClient.data(error).path("code").asInt()).isEqualTo(4009);
    assertThat(WsClient.data(error).path("message").asText())
        .isEqualTo(
            "Origin not allowed: https://evil.example.net is not in this app's allowed_origins");
    assertThat(refused.awaitClose()).isEqualTo(4009);

    assertServed(connect(APP.key(), Map.of("Origin", "https://app.example.com")), APP, "a");
    assertServed(connect(APP.key(), Map.of("Origin", "https://shop.eu.example.org")), APP, "b");
    assertServed(connect(APP.key(), Map.of()), APP, "c"); // no Origin: not a browser
  }

  @Test
  void closesASocketThatDoesNotFinishItsHandshakeInTime() throws Exception {
    start(new ConnectionLimits(Duration.ofSeconds(1), 8192, 1000, 50, List.of("127.0.0.0/8")), APP);
    WsClient bystander = connect(APP.key(), Map.of());

    try (Socket slow = new Socket("127.0.0.1", server.port())) {
      slow.setSoTimeout(10_000);
      OutputStream out = slow.getOutputStream();
      out.write("GET /app/app-key?protocol=7 HTTP/1.1\r\nHost: x\r\n".getBytes());
      out.flush();
      long start = System.nanoTime();
      // Drip a header byte at a time, well inside any idle timeout, until the server hangs up.
      boolean closed = false;
      for (int i = 0; i < 100 && !closed; i++) {
        try {
          out.write('X');
          out.flush();
          closed = waitForEnd(slow.getInputStream(), 100);
        } catch (IOException e) {
          closed = true;
        }
      }
      long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
      assertThat(closed).as("closed by the server").isTrue();
      assertThat(elapsedMillis).isBetween(500L, 5_000L);
    }
    assertServed(bystander, APP, "after-slowloris");
  }

  @Test
  void limitsConnectionsPerAddressHonouringXForwardedForFromTrustedProxiesOnly() throws Exception {
    start(ConnectionLimits.DEFAULTS.withPerIp(2, 0), APP);
    Map<String, String> alice = Map.of("X-Forwarded-For", "203.0.113.7");
    WsClient first = connect(APP.key(), alice);
    connect(APP.key(), alice);

    WsClient third = open(APP.key(), alice);
    JsonNode error = third.awaitEvent("pusher:error");
    assertThat(WsClient.data(error).path("code").asInt()).isEqualTo(4100);
    assertThat(WsClient.data(error).path("message").asText())
        .isEqualTo(
            "Over capacity: 2 connections from your address are open (max_connections_per_ip)");
    assertThat(third.awaitClose()).isEqualTo(4100);

    // Another client behind the same (trusted, loopback) proxy is a different address.
    assertServed(connect(APP.key(), Map.of("X-Forwarded-For", "203.0.113.8")), APP, "bob");
    assertServed(first, APP, "alice");
    // A closed connection gives its slot back.
    first.close();
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> tryConnect(APP.key(), alice));
  }

  @Test
  void ignoresXForwardedForFromAnUntrustedPeer() throws Exception {
    start(new ConnectionLimits(Duration.ofSeconds(10), 8192, 1, 0, List.of("10.0.0.0/8")), APP);
    connect(APP.key(), Map.of("X-Forwarded-For", "203.0.113.7"));

    // The test's own address (127.0.0.1) counts, whatever the header claims.
    WsClient second = open(APP.key(), Map.of("X-Forwarded-For", "203.0.113.9"));
    assertThat(WsClient.data(second.awaitEvent("pusher:error")).path("code").asInt())
        .isEqualTo(4100);
  }

  @Test
  void limitsNewConnectionsPerSecondPerAddress() throws Exception {
    start(ConnectionLimits.DEFAULTS.withPerIp(0, 2), APP);
    Map<String, String> flood = Map.of("X-Forwarded-For", "198.51.100.1");
    connect(APP.key(), flood);
    connect(APP.key(), flood);

    WsClient third = open(APP.key(), flood);
    JsonNode error = third.awaitEvent("pusher:error");
    assertThat(WsClient.data(error).path("code").asInt()).isEqualTo(4100);
    assertThat(WsClient.data(error).path("message").asText())
        .contains("more than 2 new connections per second from your address");
    assertServed(connect(APP.key(), Map.of("X-Forwarded-For", "198.51.100.2")), APP, "calm");
  }

  @Test
  void refusesASubscriptionBeyondTheChannelsPerConnection() throws Exception {
    App small = withLimits(2, 200, 1000);
    start(ConnectionLimits.DEFAULTS, small);
    WsClient client = connect(small.key(), Map.of());
    client.subscribe("one");
    client.subscribe("two");

    client.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"three\"}}");
    JsonNode failure = client.awaitEvent("pusher:subscription_error");
    assertThat(failure.path("channel").asText()).isEqualTo("three");
    assertThat(WsClient.data(failure).path("status").asInt()).isEqualTo(429);
    JsonNode error = WsClient.data(client.awaitEvent("pusher:error"));
    assertThat(error.path("code").asInt()).isEqualTo(4300);
    assertThat(error.path("message").asText())
        .startsWith("Too many channels: a connection may be subscribed to 2 channels at once");

    HttpResponse<String> sent = signed(small, "POST", "/apps/1/events", eventBody("two"));
    assertThat(sent.statusCode()).isEqualTo(200);
    assertThat(WsClient.data(client.awaitEvent("served")).path("ok").asBoolean()).isTrue();
    assertServed(connect(small.key(), Map.of()), small, "three");
  }

  @Test
  void dropsMessagesBeyondTheRateAndClosesAFlood() throws Exception {
    App app = withLimits(100, 5, 1000);
    start(ConnectionLimits.DEFAULTS, app);
    WsClient bystander = connect(app.key(), Map.of());
    WsClient flooder = connect(app.key(), Map.of());

    for (int i = 0; i < 50 && !flooder.isClosed(); i++) {
      try {
        flooder.send("{\"event\":\"pusher:ping\",\"data\":{}}");
      } catch (CompletionException closedMeanwhile) {
        // The server closed the flood (4100, asserted below) between the check and this send.
        break;
      }
    }

    JsonNode error = WsClient.data(flooder.awaitEvent("pusher:error"));
    assertThat(error.path("code").asInt()).isEqualTo(4301);
    assertThat(error.path("message").asText())
        .isEqualTo(
            "Rate limit exceeded: more than 5 messages per second (messages_per_second);"
                + " messages are dropped");
    assertThat(flooder.awaitClose()).isEqualTo(4100);
    assertServed(bystander, app, "calm");
  }

  @Test
  void answers429WithRetryAfterBeyondTheAppsApiRate() throws Exception {
    App limited = withLimits(100, 200, 2);
    start(ConnectionLimits.DEFAULTS, limited, OTHER);
    String path = "/apps/1/events";
    assertThat(signed(limited, "POST", path, eventBody("x")).statusCode()).isEqualTo(200);
    assertThat(signed(limited, "POST", path, eventBody("x")).statusCode()).isEqualTo(200);

    HttpResponse<String> refused = signed(limited, "POST", path, eventBody("x"));
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).contains("1");
    assertThat(refused.body())
        .isEqualTo(
            "{\"error\":\"Too many requests: app 1 may make 2 HTTP API requests per second"
                + " (limits.api_requests_per_second); retry after 1 second\"}");
    // Unsigned requests do not spend the budget, and other apps have their own.
    assertServed(connect(OTHER.key(), Map.of()), OTHER, "other");
  }

  @Test
  void answersOversizedHeadsWith431And414() throws Exception {
    start(ConnectionLimits.DEFAULTS, APP);
    WsClient bystander = connect(APP.key(), Map.of());

    assertThat(rawRequest("GET /up HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(9000) + "\r\n\r\n"))
        .startsWith("HTTP/1.1 431 ")
        .contains("Request header fields too large: the headers may be at most 8192 bytes");
    assertThat(rawRequest("GET /up?" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n"))
        .startsWith("HTTP/1.1 414 ")
        .contains("URI too long");
    assertServed(bystander, APP, "after-big-heads");
  }

  private boolean tryConnect(String key, Map<String, String> headers) {
    try {
      connect(key, headers);
      return true;
    } catch (AssertionError e) {
      return false;
    }
  }

  private String rawRequest(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Whether the peer closes the stream within {@code millis}. */
  private static boolean waitForEnd(InputStream in, int millis) throws IOException {
    long deadline = System.nanoTime() + millis * 1_000_000L;
    while (System.nanoTime() < deadline) {
      if (in.available() > 0) {
        if (in.read() < 0) {
          return true;
        }
        continue;
      }
      // A read with a short timeout distinguishes "closed" (-1) from "nothing yet".
      try {
        return in.read() < 0;
      } catch (java.net.SocketTimeoutException e) {
        return false;
      }
    }
    return false;
  }

  private HttpResponse<String> signed(App app, String method, String path, String body)
      throws Exception {
    Map<String, String> params =
        ApiSignature.signedParams(
            app.key(),
            app.secret(),
            method,
            path,
            Map.of(),
            body,
            System.currentTimeMillis() / 1000);
    String query =
        params.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path + "?" + query))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .timeout(Duration.ofSeconds(10))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
