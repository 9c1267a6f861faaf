package dev.herald.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.app.AppLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentConfigTest {
  private static final Map<String, String> APP =
      Map.of(
          "HERALD_APP_ID", "42",
          "HERALD_APP_KEY", "env-key",
          "HERALD_APP_SECRET", "env-secret");

  @TempDir Path dir;

  private static LoadedConfig load(Map<String, String> env, ConfigOverrides overrides) {
    return new ConfigLoader(env).load(overrides);
  }

  private Path yaml(String text) throws IOException {
    return Files.writeString(dir.resolve("herald.yml"), text);
  }

  @Test
  void servesTheSingleAppFromTheEnvironment() {
    Map<String, String> env = new HashMap<>(APP);
    env.put("HERALD_HOST", "10.0.0.5");
    env.put("HERALD_PORT", "7002");
    env.put("HERALD_APP_CLIENT_EVENTS", "false");
    env.put("HERALD_ACTIVITY_TIMEOUT", "120");

    LoadedConfig loaded = load(env, ConfigOverrides.none());

    assertThat(loaded.development()).isFalse();
    assertThat(loaded.file()).isEmpty();
    ServerConfig config = loaded.server();
    assertThat(config.host()).isEqualTo("10.0.0.5");
    assertThat(config.port()).isEqualTo(7002);
    assertThat(config.protocol().activityTimeoutSeconds()).isEqualTo(120);
    assertThat(config.apps())
        .containsExactly(new App("42", "env-key", "env-secret", true, false, AppLimits.DEFAULTS));
  }

  @Test
  void bindsAllInterfacesByDefaultOutsideDevelopmentMode() {
    assertThat(load(APP, ConfigOverrides.none()).server().host())
        .isEqualTo(ServerConfig.DEFAULTS.host());
  }

  @Test
  void namesTheMissingAppVariables() {
    assertThatThrownBy(() -> load(Map.of("HERALD_APP_KEY", "k"), ConfigOverrides.none()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("HERALD_APP_ID, HERALD_APP_SECRET")
        .hasMessageContaining("must be set together");
  }

  @Test
  void treatsClientEventsAloneAsAnIncompleteApp() {
    assertThatThrownBy(
            () -> load(Map.of("HERALD_APP_CLIENT_EVENTS", "true"), ConfigOverrides.none()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("HERALD_APP_ID, HERALD_APP_KEY, HERALD_APP_SECRET");
  }

  @Test
  void rejectsInvalidValuesNamingTheVariable() {
    assertThatThrownBy(() -> load(with("HERALD_PORT", "http"), ConfigOverrides.none()))
        .hasMessage("HERALD_PORT must be a whole number, was 'http'");
    assertThatThrownBy(() -> load(with("HERALD_PORT", "65536"), ConfigOverrides.none()))
        .hasMessageContaining("Invalid HERALD_PORT: port must be 0..65535");
    assertThatThrownBy(() -> load(with("HERALD_ACTIVITY_TIMEOUT", "0"), ConfigOverrides.none()))
        .hasMessageContaining("Invalid HERALD_ACTIVITY_TIMEOUT");
    assertThatThrownBy(() -> load(with("HERALD_APP_CLIENT_EVENTS", "yes"), ConfigOverrides.none()))
        .hasMessage("HERALD_APP_CLIENT_EVENTS must be true or false, was 'yes'");
  }

  @Test
  void appliesDefaultsThenFileThenEnvironmentThenFlags() throws IOException {
    Path file =
        yaml(
            """
            host: 10.0.0.1
            port: 7000
            activity_timeout: 50
            pong_timeout: 25
            apps: [{id: a, key: k, secret: s}]
            """);
    Map<String, String> env = Map.of("HERALD_HOST", "10.0.0.2", "HERALD_PORT", "7001");

    ServerConfig fileOnly = load(Map.of(), new ConfigOverrides(file, null, null)).server();
    ServerConfig withEnv = load(env, new ConfigOverrides(file, null, null)).server();
    ServerConfig withFlags = load(env, new ConfigOverrides(file, "10.0.0.3", 7002)).server();
    ServerConfig hostFlagOnly = load(env, new ConfigOverrides(file, "10.0.0.3", null)).server();

    assertThat(fileOnly.host() + ":" + fileOnly.port()).isEqualTo("10.0.0.1:7000");
    assertThat(withEnv.host() + ":" + withEnv.port()).isEqualTo("10.0.0.2:7001");
    assertThat(withFlags.host() + ":" + withFlags.port()).isEqualTo("10.0.0.3:7002");
    assertThat(hostFlagOnly.host() + ":" + hostFlagOnly.port()).isEqualTo("10.0.0.3:7001");
    // Untouched by env and flags, the file's values stay; unset ones keep the defaults.
    assertThat(withFlags.protocol().activityTimeoutSeconds()).isEqualTo(50);
    assertThat(withFlags.protocol().pongTimeoutSeconds()).isEqualTo(25);
    assertThat(withFlags.maxMessageBytes()).isEqualTo(ServerConfig.DEFAULTS.maxMessageBytes());
  }

  @Test
  void environmentAppReplacesTheCredentialsOfTheSameAppInTheFile() throws IOException {
    Path file =
        yaml(
            """
            apps:
              - {id: "42", key: old-key, secret: old-secret, limits: {max_connections: 7}}
              - {id: other, key: other-key, secret: other-secret}
            """);

    ServerConfig config = load(APP, new ConfigOverrides(file, null, null)).server();

    assertThat(config.apps()).hasSize(2);
    App replaced = config.apps().get(0);
    assertThat(replaced.key()).isEqualTo("env-key");
    assertThat(replaced.secret()).isEqualTo("env-secret");
    assertThat(replaced.limits().maxConnections()).isEqualTo(7);
    assertThat(config.apps().get(1).id()).isEqualTo("other");
  }

  @Test
  void environmentAppIsAddedToTheAppsOfTheFile() throws IOException {
    Path file = yaml("apps: [{id: other, key: other-key, secret: other-secret}]\n");

    ServerConfig config = load(APP, new ConfigOverrides(file, null, null)).server();

    assertThat(config.apps()).extracting(App::id).containsExactly("other", "42");
  }

  @Test
  void readsTheFileNamedByHeraldConfigUnlessTheFlagNamesAnother() throws IOException {
    Path fromEnv = yaml("port: 7100\napps: [{id: a, key: k, secret: s}]\n");
    Path fromFlag =
        Files.writeString(
            dir.resolve("other.yml"), "port: 7200\napps: [{id: a, key: k, secret: s}]\n");
    Map<String, String> env = Map.of("HERALD_CONFIG", fromEnv.toString());

    assertThat(load(env, ConfigOverrides.none()).server().port()).isEqualTo(7100);
    assertThat(load(env, new ConfigOverrides(fromFlag, null, null)).server().port())
        .isEqualTo(7200);
  }

  @Test
  void ignoresEmptyVariables() {
    LoadedConfig loaded =
        load(Map.of("HERALD_HOST", "", "HERALD_APP_ID", " "), ConfigOverrides.none());

    assertThat(loaded.development()).isTrue();
  }

  @Test
  void rejectsAPortFlagOutOfRange() {
    assertThatThrownBy(() -> load(APP, new ConfigOverrides(null, null, -1)))
        .hasMessageContaining("Invalid --port");
  }

  private static Map<String, String> with(String name, String value) {
    Map<String, String> env = new HashMap<>(APP);
    env.put(name, value);
    return env;
  }
}
