package dev.herald.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.app.AppLimits;
import dev.herald.server.protocol.ProtocolSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlConfigTest {
  @TempDir Path dir;

  private LoadedConfig load(String yaml) throws IOException {
    Path file = Files.writeString(dir.resolve("herald.yml"), yaml);
    return new ConfigLoader(Map.of()).load(new ConfigOverrides(file, null, null));
  }

  private Path file() {
    return dir.resolve("herald.yml");
  }

  @Test
  void readsEveryKeyOfAFullFile() throws IOException {
    LoadedConfig loaded =
        load(
            """
            host: 0.0.0.0
            port: 7001
            event_loop_threads: 3
            activity_timeout: 60   # seconds
            pong_timeout: 20
            max_message_bytes: 32768
            max_request_bytes: 2097152
            max_outbound_bytes: 8388608
            apps:
              - id: "1"
                key: app-key
                secret: app-secret
                enabled: false
                client_events: false
                limits:
                  max_connections: 500
                  max_event_payload_bytes: 20480
                  max_event_name_length: 100
                  max_channels_per_event: 50
                  max_batch_size: 5
                  max_presence_members: 200
                  max_presence_user_info_bytes: 2048
                  max_presence_user_id_length: 64
                  client_events_per_second: 20
              - id: 2
                key: other-key
                secret: other-secret
            """);

    ServerConfig config = loaded.server();
    assertThat(loaded.development()).isFalse();
    assertThat(loaded.file()).contains(file());
    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.port()).isEqualTo(7001);
    assertThat(config.eventLoopThreads()).isEqualTo(3);
    assertThat(config.protocol())
        .isEqualTo(
            new ProtocolSettings(
                60,
                20,
                ProtocolSettings.DEFAULTS.minProtocol(),
                ProtocolSettings.DEFAULTS.maxProtocol()));
    assertThat(config.maxMessageBytes()).isEqualTo(32768);
    assertThat(config.maxRequestBytes()).isEqualTo(2097152);
    assertThat(config.maxOutboundBytes()).isEqualTo(8388608L);
    assertThat(config.livenessCheckMillis()).isEqualTo(ServerConfig.DEFAULTS.livenessCheckMillis());
    assertThat(config.apps())
        .containsExactly(
            new App(
                "1",
                "app-key",
                "app-secret",
                false,
                false,
                new AppLimits(500, 20480, 100, 50, 5, 200, 2048, 64, 20)),
            App.of("2", "other-key", "other-secret"));
  }

  @Test
  void acceptsTheExampleFileAtTheRepositoryRoot() {
    // Surefire runs in the module directory.
    Path example = Path.of("..", "herald.example.yml");

    LoadedConfig loaded = new ConfigLoader(Map.of()).load(new ConfigOverrides(example, null, null));

    assertThat(loaded.server().apps()).extracting(App::key).containsExactly("app-key");
    assertThat(loaded.server().apps().get(0).limits()).isEqualTo(AppLimits.DEFAULTS);
  }

  @Test
  void takesEveryAbsentSettingFromTheDefaults() throws IOException {
    ServerConfig config =
        load("""
                apps:
                  - {id: a, key: k, secret: s}
                """)
            .server();

    assertThat(config).isEqualTo(ServerConfig.DEFAULTS.withApps(config.apps()));
    assertThat(config.apps()).containsExactly(App.of("a", "k", "s"));
  }

  @Test
  void takesAbsentLimitsFromTheDefaults() throws IOException {
    App app =
        load("""
                apps:
                  - id: a
                    key: k
                    secret: s
                    limits:
                      max_connections: 10
                """)
            .server()
            .apps()
            .get(0);

    AppLimits d = AppLimits.DEFAULTS;
    assertThat(app.limits())
        .isEqualTo(
            new AppLimits(
                10,
                d.maxEventPayloadBytes(),
                d.maxEventNameLength(),
                d.maxChannelsPerEvent(),
                d.maxBatchSize(),
                d.maxPresenceMembers(),
                d.maxPresenceUserInfoBytes(),
                d.maxPresenceUserIdLength(),
                d.clientEventsPerSecond()));
  }

  @Test
  void rejectsAnUnknownTopLevelKeyNamingItAndTheFile() {
    assertThatThrownBy(() -> load("prot: 6001\napps: []\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Unknown key 'prot'")
        .hasMessageContaining(file().toString())
        .hasMessageContaining("port");
  }

  @Test
  void rejectsAMisspelledLimitNamingItsPath() {
    assertThatThrownBy(
            () ->
                load(
                    """
                    apps:
                      - id: a
                        key: k
                        secret: s
                        limits:
                          max_conections: 5
                    """))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Unknown key 'apps[0].limits.max_conections' in " + file());
  }

  @Test
  void rejectsAnAppWithoutKeyOrSecretNamingTheIndexAndFields() {
    assertThatThrownBy(
            () ->
                load(
                    """
                    apps:
                      - {id: a, key: k, secret: s}
                      - id: b
                        key: ""
                    """))
        .isInstanceOf(ConfigException.class)
        .hasMessage("'apps[1]' in " + file() + " is missing 'key', 'secret'");
  }

  @Test
  void rejectsANegativeLimitNamingTheKey() {
    assertThatThrownBy(
            () ->
                load(
                    """
                    apps:
                      - {id: a, key: k, secret: s, limits: {max_batch_size: -1}}
                    """))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'apps[0].limits.max_batch_size'")
        .hasMessageContaining("must not be negative");
  }

  @Test
  void rejectsALimitTheRecordRefusesNamingTheKey() {
    assertThatThrownBy(
            () ->
                load(
                    """
                    apps:
                      - {id: a, key: k, secret: s, limits: {client_events_per_second: 0}}
                    """))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'apps[0].limits'")
        .hasMessageContaining("client_events_per_second must be at least 1, was 0");
  }

  @Test
  void rejectsAPortOutOfRangeNamingTheKey() {
    assertThatThrownBy(() -> load("port: 70000\napps: [{id: a, key: k, secret: s}]\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("port must be 0..65535, was 70000");
  }

  @Test
  void rejectsAValueOfTheWrongType() {
    assertThatThrownBy(() -> load("port: six\napps: [{id: a, key: k, secret: s}]\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'port' in " + file() + " must be a whole number");
  }

  @Test
  void rejectsDuplicateKeys() {
    assertThatThrownBy(() -> load("port: 1\nport: 2\napps: [{id: a, key: k, secret: s}]\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("port");
  }

  @Test
  void rejectsTwoAppsWithTheSameKey() {
    assertThatThrownBy(
            () -> load("apps: [{id: a, key: k, secret: s}, {id: b, key: k, secret: t}]\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("two apps have the key 'k'");
  }

  @Test
  void rejectsAFileWithoutApps() {
    assertThatThrownBy(() -> load("port: 6001\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("No apps configured")
        .hasMessageContaining("HERALD_APP_ID");
  }

  @Test
  void doesNotQuoteTheFileWhenItIsNotValidYaml() {
    assertThatThrownBy(() -> load("apps:\n  - id: a\n    secret: \"top-secret\n  key: [\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is not valid YAML")
        .hasMessageNotContaining("top-secret");
  }

  @Test
  void reportsAMissingFile() {
    Path missing = dir.resolve("nope.yml");
    assertThatThrownBy(
            () -> new ConfigLoader(Map.of()).load(new ConfigOverrides(missing, null, null)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Config file not found: " + missing);
  }
}
