package dev.herald.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.pusher.ApiSignature;
import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.testing.WsClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /apps/{app_id}/monitor}: a signed Server-Sent Events stream, over a raw socket. */
class MonitorEndpointIT {
  private HeraldServer server;

  @BeforeEach
  void start() {
    server =
        HeraldServer.start(
            ServerConfig.DEFAULTS
                .withAddress("127.0.0.1", 0)
                .withApps(
                    List.of(
                        App.of("shop", "shop-key", "shop-secret"),
                        App.of("blog", "blog-key", "blog-secret"))));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void streamsOneAppsEventsAndForgetsTheViewerWhenTheClientGoes() throws Exception {
    try (Stream stream =
        Stream.open(server.port(), signedPath("shop", "shop-key", "shop-secret"))) {
      String head = stream.awaitText("monitor_started");
      assertThat(head)
          .startsWith("HTTP/1.1 200 OK")
          .containsIgnoringCase("content-type: text/event-stream")
          .containsIgnoringCase("transfer-encoding: chunked");
      assertThat(server.monitor().viewers("shop")).isEqualTo(1);

      try (WsClient blog = WsClient.connect(server.port(), "blog-key")) {
        blog.subscribe("blog-secret-channel");
        try (WsClient shop = WsClient.connect(server.port(), "shop-key")) {
          shop.subscribe("news");
          String text = stream.awaitText("\"type\":\"subscribed\"");
          assertThat(text)
              .contains("\"type\":\"connection_opened\",")
              .contains("\"socket_id\":\"" + shop.socketId() + "\",\"channel\":\"news\"")
              .doesNotContain("blog");
        }
        String closed = stream.awaitText("\"type\":\"connection_closed\"");
        assertThat(closed).contains("\"type\":\"unsubscribed\"").doesNotContain("blog");
      }
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(server.monitor().viewers()).isZero());
  }

  @Test
  void refusesAnUnsignedMonitor() throws Exception {
    try (Stream stream = Stream.open(server.port(), "/apps/shop/monitor")) {
      assertThat(stream.awaitText("error")).startsWith("HTTP/1.1 401");
    }
    assertThat(server.monitor().viewers()).isZero();
  }

  @Test
  void refusesAMonitorSignedForAnotherApp() throws Exception {
    try (Stream stream =
        Stream.open(server.port(), signedPath("shop", "blog-key", "blog-secret"))) {
      assertThat(stream.awaitText("error")).startsWith("HTTP/1.1 401");
    }
    assertThat(server.monitor().viewers()).isZero();
  }

  private static String signedPath(String appId, String key, String secret) {
    String path = "/apps/" + appId + "/monitor";
    Map<String, String> params =
        ApiSignature.signedParams(
            key, secret, "GET", path, Map.of(), new byte[0], Instant.now().getEpochSecond());
    return path
        + "?"
        + params.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("&"));
  }

  /** A raw HTTP/1.1 GET whose answer is read as it arrives. */
  private static final class Stream implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    private Stream(Socket socket) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
    }

    static Stream open(int port, String pathAndQuery) throws IOException {
      Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
      socket.setSoTimeout(200);
      socket
          .getOutputStream()
          .write(
              ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      return new Stream(socket);
    }

    /** Everything received so far, once it contains {@code text}; fails after 10 s. */
    String awaitText(String text) throws IOException {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      byte[] buffer = new byte[8192];
      while (!received.toString(StandardCharsets.UTF_8).contains(text)) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("no '" + text + "' in: " + received);
        }
        try {
          int n = in.read(buffer);
          if (n < 0) {
            throw new AssertionError("closed before '" + text + "': " + received);
          }
          received.write(buffer, 0, n);
        } catch (SocketTimeoutException e) {
          // nothing yet: read again until the deadline
        }
      }
      return received.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
