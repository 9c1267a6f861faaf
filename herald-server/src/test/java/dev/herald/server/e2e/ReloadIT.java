package dev.herald.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.app.AppLimits;
import dev.herald.server.testing.WsClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A reload over real sockets: who is closed, who stays and takes the new limits, who may join. */
class ReloadIT {
  private static final App KEPT = App.of("1", "kept-key", "kept-secret");
  private static final App REMOVED = App.of("2", "removed-key", "removed-secret");
  private static final App ADDED = App.of("3", "added-key", "added-secret");

  @Test
  void closesRemovedAppsWith4003KeepsTheRestAndAppliesTheirNewLimitsAtOnce() {
    try (HeraldServer server =
            HeraldServer.start(
                ServerConfig.DEFAULTS
                    .withAddress("127.0.0.1", 0)
                    .withApps(List.of(KEPT, REMOVED)));
        WsClient kept = WsClient.connect(server.port(), KEPT.key());
        WsClient removed = WsClient.connect(server.port(), REMOVED.key())) {
      kept.subscribe("first");
      App keptWithOneChannel =
          new App(
              KEPT.id(),
              KEPT.key(),
              KEPT.secret(),
              true,
              true,
              AppLimits.DEFAULTS.withAbuseLimits(1, 200, 1000));

      server.reload(List.of(keptWithOneChannel, ADDED));

      assertThat(removed.awaitClose()).isEqualTo(4003);
      kept.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"second\"}}");
      JsonNode error = WsClient.data(kept.awaitEvent("pusher:error"));
      assertThat(error.path("code").asInt())
          .as("the new limit, on the old connection")
          .isEqualTo(4300);
      assertThat(kept.isClosed()).isFalse();
      try (WsClient newcomer = WsClient.connect(server.port(), ADDED.key())) {
        assertThat(newcomer.socketId()).isNotBlank();
      }
      WsClient refused = WsClient.open(server.port(), "/app/removed-key?protocol=7");
      assertThat(refused.awaitClose()).isEqualTo(4001);
    }
  }
}
