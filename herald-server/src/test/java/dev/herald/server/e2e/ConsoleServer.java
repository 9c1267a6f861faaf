package dev.herald.server.e2e;

import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import java.util.List;

/** The server both console ITs run against: apps shop and blog, behind an admin token. */
final class ConsoleServer {
  private ConsoleServer() {}

  static HeraldServer start(String adminToken) {
    return HeraldServer.start(
        ServerConfig.DEFAULTS
            .withAddress("127.0.0.1", 0)
            .withAdminToken(adminToken)
            .withApps(
                List.of(
                    App.of("shop", "shop-key", "shop-secret"),
                    App.of("blog", "blog-key", "blog-secret"))));
  }
}
