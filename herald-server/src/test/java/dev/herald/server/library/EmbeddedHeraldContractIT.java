package dev.herald.server.library;

import dev.herald.Broadcaster;
import dev.herald.Channel;
import dev.herald.DeliveryContract;
import dev.herald.server.EmbeddedHerald;
import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.app.AppLimits;
import java.util.List;

/** The library's contract, against the embedded driver, observed by a WebSocket subscriber. */
class EmbeddedHeraldContractIT extends DeliveryContract {
  static final String KEY = "app-key";
  static final String SECRET = "app-secret";

  private EmbeddedHerald herald;

  @Override
  protected Broadcaster newBroadcaster() {
    herald =
        HeraldServer.embedded(
            ServerConfig.DEFAULTS
                .withAddress("127.0.0.1", 0)
                .withApps(
                    List.of(
                        new App(
                            "1",
                            KEY,
                            SECRET,
                            true,
                            true,
                            // the contract subscribes one connection to 150 channels
                            AppLimits.DEFAULTS.withAbuseLimits(200, 400, 1000)))),
            MASTER_KEY);
    return herald;
  }

  @Override
  protected Observer observe(List<Channel> channels) {
    return new WsObserver(herald.port(), KEY, SECRET, channels);
  }
}
