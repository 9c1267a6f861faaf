package dev.herald.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.server.ServerConfig;
import dev.herald.server.app.AllowedOrigins;
import dev.herald.server.app.App;
import dev.herald.server.app.AppLimits;
import dev.herald.server.netty.ConnectionLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The abuse limits' keys: server-wide connection limits, and each app's origins and rates. */
class AbuseLimitsConfigTest {
  private static final String APPS = "apps: [{id: a, key: k, secret: s}]\n";

  @TempDir Path dir;

  private ServerConfig load(String yaml) throws IOException {
    Path file = Files.writeString(dir.resolve("herald.yml"), yaml);
    return new ConfigLoader(Map.of()).load(new ConfigOverrides(file, null, null, null)).server();
  }

  @Test
  void everyLimitHasADefault() throws IOException {
    ServerConfig config = load(APPS);

    assertThat(config.connectionLimits()).isEqualTo(ConnectionLimits.DEFAULTS);
    assertThat(ConnectionLimits.DEFAULTS.handshakeTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(ConnectionLimits.DEFAULTS.maxHeaderBytes()).isEqualTo(8192);
    assertThat(ConnectionLimits.DEFAULTS.maxConnectionsPerIp()).isEqualTo(1000);
    assertThat(ConnectionLimits.DEFAULTS.newConnectionsPerIpPerSecond()).isEqualTo(50);
    App app = config.apps().get(0);
    assertThat(app.allowedOrigins()).isEqualTo(AllowedOrigins.ANY);
    assertThat(app.limits().maxChannelsPerConnection()).isEqualTo(100);
    assertThat(app.limits().messagesPerSecond()).isEqualTo(200);
    assertThat(app.limits().apiRequestsPerSecond()).isEqualTo(1000);
  }

  @Test
  void readsEveryKey() throws IOException {
    ServerConfig config =
        load(
            """
            handshake_timeout: 5
            max_header_bytes: 16384
            max_connections_per_ip: 0
            new_connections_per_ip_per_second: 20
            trusted_proxies: [10.0.0.0/8, 203.0.113.9]
            apps:
              - id: a
                key: k
                secret: s
                allowed_origins: [https://app.example.com, "*.example.org"]
                limits:
                  max_channels_per_connection: 20
                  messages_per_second: 50
                  api_requests_per_second: 300
            """);

    assertThat(config.connectionLimits())
        .isEqualTo(
            new ConnectionLimits(
                Duration.ofSeconds(5), 16384, 0, 20, List.of("10.0.0.0/8", "203.0.113.9")));
    App app = config.apps().get(0);
    assertThat(app.allowedOrigins())
        .isEqualTo(new AllowedOrigins(List.of("https://app.example.com", "*.example.org")));
    assertThat(app.limits()).isEqualTo(AppLimits.DEFAULTS.withAbuseLimits(20, 50, 300));
  }

  @Test
  void namesTheKeyOfAnInvalidValue() {
    assertThatThrownBy(() -> load(APPS + "trusted_proxies: [lb.internal]\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("trusted proxy 'lb.internal' is not an IP address or CIDR range");
    assertThatThrownBy(() -> load(APPS + "handshake_timeout: 0\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("handshake timeout must be positive");
    assertThatThrownBy(
            () -> load("apps: [{id: a, key: k, secret: s, allowed_origins: [\"https://x/y\"]}]\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("allowed_origins")
        .hasMessageContaining("'https://x/y' is not an origin");
    assertThatThrownBy(
            () -> load("apps: [{id: a, key: k, secret: s, limits: {messages_per_second: 0}}]\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "'apps[0].limits' in "
                + dir.resolve("herald.yml")
                + ": messages_per_second must be at least 1, was 0");
  }
}
