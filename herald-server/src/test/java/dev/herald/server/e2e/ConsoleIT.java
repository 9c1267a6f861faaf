package dev.herald.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.server.HeraldServer;
import dev.herald.server.testing.WsClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The debug console over the real endpoints: its token, its files, and one app per viewer. */
class ConsoleIT {
  private static final String TOKEN = "console-it-admin-token";
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final HttpClient http = HttpClient.newHttpClient();
  private HeraldServer server;

  @BeforeEach
  void start() {
    server = ConsoleServer.start(TOKEN);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aViewerOfOneAppNeverSeesAnotherAppsEvents() throws Exception {
    BlockingQueue<String> shopLines = new LinkedBlockingQueue<>();
    CompletableFuture<HttpResponse<Stream<String>>> shopStream =
        http.sendAsync(
            request("/console/api/apps/shop/stream").build(), HttpResponse.BodyHandlers.ofLines());
    HttpResponse<Stream<String>> response = shopStream.get(10, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream");
    Thread reader =
        new Thread(
            () -> {
              try {
                response.body().forEach(shopLines::add);
              } catch (java.io.UncheckedIOException closedByTheTest) {
                // the test closes the stream when done
              }
            },
            "shop-stream");
    reader.setDaemon(true);
    reader.start();
    awaitLine(shopLines, "monitor_started");

    try (WsClient blog = WsClient.connect(server.port(), "blog-key");
        WsClient shop = WsClient.connect(server.port(), "shop-key")) {
      blog.subscribe("blog-channel");
      assertThat(sendTestEvent("blog", "blog-channel", "blog-event").statusCode()).isEqualTo(200);
      blog.awaitEvent("blog-event");
      shop.subscribe("orders");
      assertThat(sendTestEvent("shop", "orders", "end-marker").statusCode()).isEqualTo(200);
      shop.awaitEvent("end-marker");
      List<String> seen = awaitLine(shopLines, "end-marker");
      assertThat(String.join("\n", seen))
          .contains("\"type\":\"connection_opened\"", "\"channel\":\"orders\"")
          .doesNotContain("blog");

      String snapshot = http.send(request("/console/api/apps/shop").build(), body()).body();
      assertThat(snapshot).contains("\"orders\"").doesNotContain("blog");
    }
    response.body().close();
    await().atMost(WAIT).untilAsserted(() -> assertThat(server.monitor().viewers()).isZero());
  }

  @Test
  void refusesTheApiWithoutTheTokenAndNeverShowsASecret() throws Exception {
    HttpRequest anonymous = HttpRequest.newBuilder(uri("/console/api/apps")).timeout(WAIT).build();
    HttpResponse<String> refused = http.send(anonymous, body());
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).contains("admin token");
    HttpResponse<String> wrong =
        http.send(
            HttpRequest.newBuilder(uri("/console/api/apps/shop/stream"))
                .header("Authorization", "Bearer " + TOKEN + "-not")
                .timeout(WAIT)
                .build(),
            body());
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(server.monitor().viewers()).isZero();

    HttpResponse<String> apps = http.send(request("/console/api/apps").build(), body());
    assertThat(apps.statusCode()).isEqualTo(200);
    assertThat(apps.body()).contains("shop-key", "blog-key").doesNotContain("secret");
  }

  @Test
  void servesThePageAndNothingBesideIt() throws Exception {
    HttpResponse<String> page =
        http.send(HttpRequest.newBuilder(uri("/console/")).timeout(WAIT).build(), body());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
    assertThat(page.body()).contains("console.js").doesNotContain("secret");
    for (String path :
        List.of(
            "/console/../logback.xml",
            "/console/%2e%2e/logback.xml",
            "/console/%2E%2E%2Flogback.xml",
            "/console/..%2f..%2fetc%2fpasswd",
            "/console/%2e%2e%5clogback.xml",
            "/console/console.js%00")) {
      String answer = raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      assertThat(answer).as(path).startsWith("HTTP/1.1 404").doesNotContain("<configuration");
    }
  }

  private HttpResponse<String> sendTestEvent(String app, String channel, String event)
      throws IOException, InterruptedException {
    String json = "{\"channel\":\"" + channel + "\",\"event\":\"" + event + "\",\"data\":\"{}\"}";
    return http.send(
        request("/console/api/apps/" + app + "/events")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        body());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private static HttpResponse.BodyHandler<String> body() {
    return HttpResponse.BodyHandlers.ofString();
  }

  /** The lines up to and including the first that contains {@code text}; waits at most WAIT. */
  private static List<String> awaitLine(BlockingQueue<String> lines, String text)
      throws InterruptedException {
    List<String> seen = new java.util.ArrayList<>();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null) {
        seen.add(line);
        if (line.contains(text)) {
          return seen;
        }
      }
    }
    throw new AssertionError("no line with " + text + " within " + WAIT + "; saw " + seen);
  }

  /** Sends a request exactly as written (no client normalizes its path); answers the response. */
  private String raw(String request) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      socket.setSoTimeout((int) WAIT.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
