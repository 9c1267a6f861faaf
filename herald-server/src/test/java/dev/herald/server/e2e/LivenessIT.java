package dev.herald.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.protocol.ProtocolSettings;
import dev.herald.server.testing.RawWebSocket;
import dev.herald.server.testing.WsClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Server-side liveness with real time, shortened to 1 s timeouts so the test stays quick. */
class LivenessIT {
  @Test
  void pingsASilentClientAndClosesWith4201WhenNoPongComes() throws Exception {
    ServerConfig config =
        ServerConfig.DEFAULTS
            .withAddress("127.0.0.1", 0)
            .withApps(List.of(App.of("1", "app-key", "app-secret")))
            .withProtocol(new ProtocolSettings(1, 1, 4, 7));
    try (HeraldServer server = HeraldServer.start(config);
        RawWebSocket client = RawWebSocket.connect(server.port(), "/app/app-key?protocol=7")) {
      assertThat(client.readUntil(RawWebSocket.TEXT).text())
          .contains("pusher:connection_established");
      assertThat(client.readUntil(RawWebSocket.TEXT).text())
          .isEqualTo("{\"event\":\"pusher:ping\",\"data\":{}}");
      client.readUntil(RawWebSocket.PING); // also a control ping, answered by any WebSocket library
      assertThat(client.readUntil(RawWebSocket.CLOSE).closeCode()).isEqualTo(4201);
    }
  }

  /** The JDK client answers control pings by itself, and answers pusher:ping here too. */
  @Test
  void keepsAClientThatAnswersPings() {
    ServerConfig config =
        ServerConfig.DEFAULTS
            .withAddress("127.0.0.1", 0)
            .withApps(List.of(App.of("1", "app-key", "app-secret")))
            .withProtocol(new ProtocolSettings(1, 1, 4, 7));
    try (HeraldServer server = HeraldServer.start(config);
        WsClient client = WsClient.connect(server.port(), "app-key")) {
      for (int i = 0; i < 3; i++) {
        client.awaitEvent("pusher:ping");
        client.send("{\"event\":\"pusher:pong\",\"data\":{}}");
      }
      assertThat(client.isClosed()).isFalse();
    }
  }

  @Test
  void tellsClientsToReconnectWhenTheServerStops() {
    ServerConfig config =
        ServerConfig.DEFAULTS
            .withAddress("127.0.0.1", 0)
            .withApps(List.of(App.of("1", "app-key", "app-secret")));
    HeraldServer server = HeraldServer.start(config);
    try (WsClient client = WsClient.connect(server.port(), "app-key")) {
      server.close();
      assertThat(client.awaitClose()).isEqualTo(4200);
    }
  }
}
