package dev.herald.server.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pusher.client.connection.ConnectionState;
import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.protocol.ProtocolSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server's liveness ping must reach pusher-java-client in a form it answers.
 *
 * <p>pusher-java-client 2.4.4 never answers {@code pusher:ping} with {@code pusher:pong}; it only
 * pings after 120 s without inbound traffic, which never happens while the server pings every
 * {@code activity_timeout}. It stays connected with Herald's defaults (30 s + 30 s) only because
 * Java-WebSocket sends a WebSocket control ping every 60 s, which lands 0–2 s before the close
 * deadline. This test shrinks the timeouts so that the gap would show at once (the client closed
 * with 4201 after about 2 s); the server's WebSocket control ping, which every RFC 6455 client
 * answers by itself, keeps it connected.
 */
class PusherJavaClientLivenessIT {
  static final App APP = App.of("1", "app-key", "app-secret");

  @Test
  void keepsAnIdlePusherJavaClientConnectedPastTheActivityAndPongTimeouts() {
    ServerConfig config =
        ServerConfig.DEFAULTS
            .withAddress("127.0.0.1", 0)
            .withApps(List.of(APP))
            .withProtocol(new ProtocolSettings(1, 1, 4, 7));
    try (HeraldServer server = HeraldServer.start(config);
        AuthEndpoint auth = AuthEndpoint.start(APP.key(), APP.secret());
        JavaClient client = JavaClient.connect(server.port(), APP.key(), auth.url("idle"))) {
      client.subscribe("idle");
      client.awaitSubscribed("idle");

      await("staying connected")
          .during(Duration.ofSeconds(5))
          .atMost(Duration.ofSeconds(7))
          .until(() -> client.state() == ConnectionState.CONNECTED);
      assertThat(client.errors).isEmpty();
    }
  }
}
