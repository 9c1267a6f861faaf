package dev.herald.readme;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.herald.pusher.Signatures;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The README's webhook endpoint, over a real socket, as a Pusher-compatible server calls it. */
class WebhookEndpointTest {
  private static final String KEY = "app-key";
  private static final String SECRET = "app-secret";
  private static final String BODY =
      "{\"time_ms\":1,\"events\":["
          + "{\"name\":\"member_added\",\"channel\":\"presence-chat.7\",\"user_id\":\"1\"},"
          + "{\"name\":\"member_removed\",\"channel\":\"presence-chat.7\",\"user_id\":\"2\"}]}";

  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final HttpClient client = HttpClient.newHttpClient();
  private HttpServer server;
  private URI url;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    WebhookEndpoint.install(
        server,
        KEY,
        SECRET,
        new WebhookEndpoint.Presence() {
          @Override
          public void online(String userId, String channel) {
            seen.add(userId + " joined " + channel);
          }

          @Override
          public void offline(String userId, String channel) {
            seen.add(userId + " left " + channel);
          }
        });
    server.start();
    url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/pusher/webhooks");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private int post(String signature) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("X-Pusher-Key", KEY)
            .header("X-Pusher-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(BODY))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void handsVerifiedPresenceEventsToTheApp() throws Exception {
    String signature =
        HexFormat.of()
            .formatHex(Signatures.hmacSha256(SECRET, BODY.getBytes(StandardCharsets.UTF_8)));

    assertThat(post(signature)).isEqualTo(200);
    assertThat(seen).containsExactly("1 joined presence-chat.7", "2 left presence-chat.7");
  }

  @Test
  void answers401ToAForgedWebhook() throws Exception {
    assertThat(post("00".repeat(32))).isEqualTo(401);
    assertThat(seen).isEmpty();
  }
}
