package dev.herald.server.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.redis.testing.TestRedis;
import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.redis.RedisSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The whole pusher-js parity scenario of {@link PusherJsParityIT} (every test of it, inherited)
 * against three Herald nodes on one Redis: each pusher-js client connects to the next node and the
 * app backend calls the HTTP API of yet another, so sign-in, server-to-user events, watchlists,
 * cache channels, subscription counts, presence and terminate all cross nodes.
 */
class PusherJsClusterParityIT extends PusherJsParityIT {
  static final List<HeraldServer> nodes = new ArrayList<>();

  @BeforeAll
  static void runPusherJs() throws Exception {
    assertThat(PusherJs.install()).startsWith("8.");
    RedisSettings redis = RedisSettings.of(TestRedis.uri()).withPrefix(TestRedis.uniquePrefix());
    for (int i = 0; i < 3; i++) {
      nodes.add(
          HeraldServer.start(
              ServerConfig.DEFAULTS
                  .withAddress("127.0.0.1", 0)
                  .withApps(List.of(APP))
                  .withRedis(redis)));
    }
    auth = AuthEndpoint.start(APP.key(), APP.secret());
    backend = AppBackend.start(APP, nodes.get(2).port());
    run =
        PusherJs.run(
            SCRIPT,
            APP.key(),
            PusherJsClusterCompatIT.ports(nodes.subList(0, 2)),
            auth.baseUrl(),
            auth.userAuthBaseUrl(),
            backend.url());
  }

  @AfterAll
  static void stop() {
    if (backend != null) {
      backend.close();
    }
    if (auth != null) {
      auth.close();
    }
    nodes.forEach(HeraldServer::close);
  }
}
