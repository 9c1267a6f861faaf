package dev.herald.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevelopmentModeTest {
  @TempDir Path dir;

  @Test
  void servesTheDevelopmentAppOnLoopbackWithoutAnyConfiguration() {
    LoadedConfig loaded = new ConfigLoader(Map.of()).load(ConfigOverrides.none());

    assertThat(loaded.development()).isTrue();
    ServerConfig config = loaded.server();
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(ServerConfig.DEFAULTS.port());
    assertThat(config.apps()).hasSize(1);
    App app = config.apps().get(0);
    assertThat(app.id()).isEqualTo("herald-dev");
    assertThat(app.key()).isEqualTo("herald-dev-key");
    assertThat(app.secret()).isEqualTo("herald-dev-secret");
    assertThat(app.enabled()).isTrue();
    assertThat(app.clientEvents()).isTrue();
  }

  @Test
  void developmentModeStillHonoursPortVariablesAndFlags() {
    LoadedConfig loaded =
        new ConfigLoader(Map.of("HERALD_PORT", "7005"))
            .load(new ConfigOverrides(null, "localhost", null));

    assertThat(loaded.development()).isTrue();
    assertThat(loaded.server().host()).isEqualTo("localhost");
    assertThat(loaded.server().port()).isEqualTo(7005);
  }

  @Test
  void refusesTheDevelopmentSecretFromAFileOnAllInterfaces() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("herald.yml"),
            "host: 0.0.0.0\napps: [{id: a, key: k, secret: herald-dev-secret}]\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(new ConfigOverrides(file, null, null)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Refusing to start: app 'a' uses the public development secret")
        .hasMessageContaining("0.0.0.0");
  }

  @Test
  void refusesTheDevelopmentSecretFromTheEnvironmentOnAllInterfaces() {
    Map<String, String> env =
        Map.of(
            "HERALD_APP_ID", "herald-dev",
            "HERALD_APP_KEY", "herald-dev-key",
            "HERALD_APP_SECRET", "herald-dev-secret");

    assertThatThrownBy(() -> new ConfigLoader(env).load(ConfigOverrides.none()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("development secret");
  }

  @Test
  void refusesToExposeTheDevelopmentAppBeyondLoopback() {
    assertThatThrownBy(
            () -> new ConfigLoader(Map.of()).load(new ConfigOverrides(null, "0.0.0.0", null)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("development secret");
  }

  @Test
  void acceptsTheDevelopmentSecretOnLoopbackOutsideDevelopmentMode() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("herald.yml"),
            "host: 127.0.0.1\napps: [{id: a, key: k, secret: herald-dev-secret}]\n");

    LoadedConfig loaded = new ConfigLoader(Map.of()).load(new ConfigOverrides(file, null, null));

    assertThat(loaded.development()).isFalse();
  }

  @Test
  void recognisesLoopbackAddressesWithoutResolvingHostNames() {
    assertThat(ConfigLoader.isLoopback("127.0.0.1")).isTrue();
    assertThat(ConfigLoader.isLoopback("127.0.0.2")).isTrue();
    assertThat(ConfigLoader.isLoopback("localhost")).isTrue();
    assertThat(ConfigLoader.isLoopback("::1")).isTrue();
    assertThat(ConfigLoader.isLoopback("[::1]")).isTrue();
    assertThat(ConfigLoader.isLoopback("0.0.0.0")).isFalse();
    assertThat(ConfigLoader.isLoopback("::")).isFalse();
    assertThat(ConfigLoader.isLoopback("192.168.1.10")).isFalse();
    assertThat(ConfigLoader.isLoopback("example.com")).isFalse();
  }
}
