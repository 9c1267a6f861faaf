package dev.herald.server.library;

import dev.herald.Broadcaster;
import dev.herald.Channel;
import dev.herald.DeliveryContract;
import dev.herald.HttpBroadcaster;
import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.app.AppLimits;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The library's contract end to end: {@link HttpBroadcaster} through a running Herald server's HTTP
 * API to a WebSocket subscriber.
 */
class HttpBroadcasterHeraldContractIT extends DeliveryContract {
  private final HeraldServer server =
      HeraldServer.start(
          ServerConfig.DEFAULTS
              .withAddress("127.0.0.1", 0)
              .withApps(
                  List.of(
                      new App(
                          "1",
                          "app-key",
                          "app-secret",
                          true,
                          true,
                          // the contract subscribes one connection to 150 channels
                          AppLimits.DEFAULTS.withAbuseLimits(200, 400, 1000)))));

  @Override
  protected Broadcaster newBroadcaster() {
    return HttpBroadcaster.builder()
        .url("http://127.0.0.1:" + server.port())
        .app("1", "app-key", "app-secret")
        .encryptionMasterKey(MASTER_KEY)
        .build();
  }

  @Override
  protected Observer observe(List<Channel> channels) {
    return new WsObserver(server.port(), "app-key", "app-secret", channels);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }
}
