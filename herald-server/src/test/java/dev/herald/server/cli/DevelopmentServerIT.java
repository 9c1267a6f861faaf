package dev.herald.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.server.HeraldServer;
import dev.herald.server.config.ConfigLoader;
import dev.herald.server.config.ConfigOverrides;
import dev.herald.server.config.LoadedConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A server started from the configuration {@code herald serve} loads with nothing set. */
class DevelopmentServerIT {
  @Test
  void developmentConfigurationStartsAServerOnLoopback() throws IOException {
    LoadedConfig loaded = new ConfigLoader(Map.of()).load(new ConfigOverrides(null, null, 0));

    try (HeraldServer server = HeraldServer.start(loaded.server());
        Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);

      assertThat(socket.isConnected()).isTrue();
      assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
    }
  }
}
