package dev.herald.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.server.config.ConfigException;
import dev.herald.server.config.LoadedConfig;
import dev.herald.server.redis.RedisSettings;
import dev.herald.server.testing.TestCertificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code herald serve} up to the point where it would start the server. */
class ServeCommandTest {
  @TempDir Path dir;

  private static ServeCommand parse(Map<String, String> env, String... args) {
    CommandLine cli = new HeraldCli(env).commandLine();
    CommandLine.ParseResult parsed = cli.parseArgs(args);
    return parsed.subcommand().commandSpec().commandLine().getCommand();
  }

  @Test
  void startsTheDevelopmentAppWhenGivenNothing() {
    LoadedConfig loaded = parse(Map.of(), "serve").loadConfig();

    assertThat(loaded.development()).isTrue();
    assertThat(loaded.server().host()).isEqualTo("127.0.0.1");
    assertThat(loaded.server().port()).isEqualTo(6001);
  }

  @Test
  void passesTheConfigFileHostAndPortFlagsToTheLoader() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("herald.yml"),
            "host: 10.1.1.1\nport: 7000\napps: [{id: a, key: k, secret: s}]\n");

    LoadedConfig loaded =
        parse(
                Map.of("HERALD_PORT", "7001"),
                "serve",
                "--config",
                file.toString(),
                "--host",
                "10.2.2.2",
                "--port",
                "0")
            .loadConfig();

    assertThat(loaded.development()).isFalse();
    assertThat(loaded.file()).contains(file);
    assertThat(loaded.server().host()).isEqualTo("10.2.2.2");
    assertThat(loaded.server().port()).isZero();
  }

  @Test
  void theRedisFlagOverridesTheEnvironmentAndTheFile() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("herald.yml"),
            "apps: [{id: a, key: k, secret: s}]\n"
                + "redis: {url: \"redis://file:6379\", prefix: \"file:\", node_timeout_ms: 9000}\n");

    LoadedConfig loaded =
        parse(
                Map.of("HERALD_REDIS_URL", "redis://env:6379"),
                "serve",
                "--config",
                file.toString(),
                "--redis",
                "redis://flag:6379")
            .loadConfig();

    assertThat(loaded.server().redis())
        .contains(new RedisSettings("redis://flag:6379", "file:", Duration.ofSeconds(9)));
  }

  @Test
  void withoutTheRedisFlagTheEnvironmentsRedisIsUsed() {
    LoadedConfig loaded =
        parse(Map.of("HERALD_REDIS_URL", "redis://env:6379"), "serve").loadConfig();

    assertThat(loaded.server().redis()).contains(RedisSettings.of("redis://env:6379"));
  }

  @Test
  void refusesABadRedisFlagWithoutPrintingThePassword() {
    ServeCommand serve = parse(Map.of(), "serve", "--redis", "http://:secret@h:6379");

    assertThatThrownBy(serve::loadConfig)
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("Invalid --redis: ")
        .hasMessageNotContaining("secret");
  }

  @Test
  void printsTheDevelopmentSecretAndReadyToPasteSnippets() {
    LoadedConfig loaded = parse(Map.of(), "serve").loadConfig();

    String banner = Banner.text(loaded, 6001);

    assertThat(banner)
        .contains("Herald is listening on 127.0.0.1:6001")
        .contains("id herald-dev, key herald-dev-key")
        .contains("herald-dev-secret")
        .contains(
            "new Pusher('herald-dev-key', { wsHost: '127.0.0.1', wsPort: 6001, forceTLS: false,"
                + " enabledTransports: ['ws'], cluster: 'mt1' });")
        .contains("pusher.subscribe('my-channel').bind('my-event', data => console.log(data));")
        .contains(
            "./herald trigger --channel my-channel --event my-event --data"
                + " '{\"message\":\"hello\"}'\n");
  }

  @Test
  void pointsTheTriggerSnippetAtTheBoundPort() {
    LoadedConfig loaded = parse(Map.of(), "serve", "--port", "0").loadConfig();

    assertThat(Banner.text(loaded, 41234))
        .contains("wsPort: 41234")
        .contains("--url http://127.0.0.1:41234");
  }

  @Test
  void namesTheClustersRedisWithoutItsPassword() {
    Map<String, String> env =
        Map.of("HERALD_APP_ID", "1", "HERALD_APP_KEY", "prod-key", "HERALD_APP_SECRET", "s3cr3t");
    LoadedConfig loaded =
        parse(env, "serve", "--redis", "redis://:hunter2@redis.internal:6379").loadConfig();

    assertThat(loaded.server().redis())
        .hasValueSatisfying(r -> assertThat(r.url()).contains("hunter2"));
    assertThat(Banner.text(loaded, 6001))
        .contains("Cluster    redis://***@redis.internal:6379, prefix herald:")
        .doesNotContain("hunter2");
  }

  @Test
  void neverPrintsASecretOutsideDevelopmentMode() {
    Map<String, String> env =
        Map.of("HERALD_APP_ID", "1", "HERALD_APP_KEY", "prod-key", "HERALD_APP_SECRET", "s3cr3t");
    LoadedConfig loaded = parse(env, "serve").loadConfig();

    String banner = Banner.text(loaded, 6001);

    assertThat(banner)
        .contains("Herald is listening on 0.0.0.0:6001")
        .contains("id 1, key prod-key")
        .contains("Config     environment")
        .doesNotContain("s3cr3t")
        .doesNotContain("new Pusher");
  }

  @Test
  void printsSecureUrlsAndSnippetsWhenTlsIsOn() {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    TestCertificates.selfSigned("localhost").writePem(cert, key);
    Map<String, String> env =
        Map.of("HERALD_TLS_CERT_FILE", cert.toString(), "HERALD_TLS_KEY_FILE", key.toString());

    String banner = Banner.text(parse(env, "serve").loadConfig(), 6001);

    assertThat(banner)
        .contains("WebSocket  wss://127.0.0.1:6001/app/{key}")
        .contains("HTTP API   https://127.0.0.1:6001/apps/{id}/events")
        .contains("TLS        " + cert)
        .contains("wssPort: 6001, forceTLS: true, enabledTransports: ['wss']")
        .contains("--url https://127.0.0.1:6001")
        .doesNotContain("ws://")
        .doesNotContain("http://");
  }
}
