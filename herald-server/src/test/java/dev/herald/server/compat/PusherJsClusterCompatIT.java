package dev.herald.server.compat;

import dev.herald.redis.testing.TestRedis;
import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.redis.RedisSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The whole pusher-js scenario of {@link PusherJsCompatIT} (every test of it, inherited) against
 * three Herald nodes on one Redis, each pusher-js client on the next node: alice and bob see each
 * other join and leave the presence channel and exchange client events across nodes, as on one
 * server. The hidden {@code @BeforeAll}/{@code @AfterAll} start and stop the cluster instead.
 */
class PusherJsClusterCompatIT extends PusherJsCompatIT {
  static final List<HeraldServer> nodes = new ArrayList<>();

  @BeforeAll
  static void runPusherJs() throws Exception {
    version = PusherJs.install();
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
    run = PusherJs.run(PusherJs.SCRIPT, APP.key(), ports(nodes), auth.baseUrl());
  }

  @AfterAll
  static void stop() {
    if (auth != null) {
      auth.close();
    }
    nodes.forEach(HeraldServer::close);
  }

  static String ports(List<HeraldServer> nodes) {
    return nodes.stream().map(n -> Integer.toString(n.port())).collect(Collectors.joining(","));
  }
}
