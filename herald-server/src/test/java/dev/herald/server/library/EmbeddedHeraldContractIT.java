package dev.herald.server.library;

import dev.herald.Broadcaster;
import dev.herald.Channel;
import dev.herald.DeliveryContract;
import dev.herald.server.EmbeddedHerald;
import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
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
                .withApps(List.of(App.of("1", KEY, SECRET))),
            MASTER_KEY);
    return herald;
  }

  @Override
  protected Observer observe(List<Channel> channels) {
    return new WsObserver(herald.port(), KEY, SECRET, channels);
  }
}
