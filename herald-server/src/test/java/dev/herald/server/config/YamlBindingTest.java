package dev.herald.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How Jackson's binding of the YAML file fails: every error names the key's path and the file, and
 * none quotes the value it refused, which may be a secret.
 */
class YamlBindingTest {
  private static final String SECRET = "hunter2-do-not-print";

  @TempDir Path dir;

  private Path file() {
    return dir.resolve("herald.yml");
  }

  private ServerConfig load(String yaml) throws IOException {
    Files.writeString(file(), yaml);
    return new ConfigLoader(Map.of()).load(new ConfigOverrides(file(), null, null)).server();
  }

  private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String yaml)
      throws IOException {
    Files.writeString(file(), yaml);
    return assertThatThrownBy(
            () -> new ConfigLoader(Map.of()).load(new ConfigOverrides(file(), null, null)))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(everything(e)).doesNotContain(SECRET));
  }

  @Test
  void rejectsAnUnknownKeyOfAnAppNamingItsPathAndTheKnownKeys() throws IOException {
    assertRejected("apps:\n  - {id: a, key: k, secret: s}\n  - {id: b, key: l, secrte: t}\n")
        .hasMessage(
            "Unknown key 'apps[1].secrte' in "
                + file()
                + "; expected one of: id, key, secret, enabled, client_events, limits,"
                + " watchlist_events, subscription_count_events, authorized_connections_timeout,"
                + " cache_ttl, webhook_batch_ms, webhooks, allowed_origins");
  }

  @Test
  void rejectsAnUnknownTopLevelKeyListingEveryServerKey() throws IOException {
    assertRejected("apps: [{id: a, key: k, secret: s}]\nprot: 6001\n")
        .hasMessage(
            "Unknown key 'prot' in "
                + file()
                + "; expected one of: host, port, event_loop_threads, activity_timeout,"
                + " pong_timeout, max_message_bytes, max_request_bytes, max_outbound_bytes,"
                + " handshake_timeout, max_header_bytes, max_connections_per_ip,"
                + " new_connections_per_ip_per_second, trusted_proxies, drain_seconds, log_format,"
                + " admin_token, redis, tls, database, apps");
  }

  @Test
  void rejectsADuplicateTopLevelKeyNamingIt() throws IOException {
    assertRejected("port: 1\nport: 2\napps: [{id: a, key: k, secret: s}]\n")
        .hasMessageStartingWith("Duplicate key 'port' in " + file() + " (line 2, column ");
  }

  @Test
  void rejectsADuplicateNestedKeyNamingItsPathWithoutQuotingEitherValue() throws IOException {
    assertRejected(
            """
            apps:
              - {id: a, key: k, secret: s}
              - id: b
                key: l
                secret: first-secret
                limits:
                  max_batch_size: 5
                  max_batch_size: 6
            """)
        .hasMessageStartingWith(
            "Duplicate key 'apps[1].limits.max_batch_size' in " + file() + " (line 8, column ");
    assertRejected("apps:\n  - id: a\n    key: k\n    secret: " + SECRET + "\n    secret: x\n")
        .hasMessageStartingWith("Duplicate key 'apps[0].secret' in " + file());
  }

  @Test
  void rejectsAWrongTypedSecretWithoutQuotingIt() throws IOException {
    assertRejected("apps:\n  - id: a\n    key: k\n    secret: [" + SECRET + "]\n")
        .hasMessage("'apps[0].secret' in " + file() + " must be a single value");
    assertRejected("apps:\n  - id: a\n    key: k\n    secret: {value: " + SECRET + "}\n")
        .hasMessage("'apps[0].secret' in " + file() + " must be a single value");
  }

  @Test
  void rejectsAValueOfTheWrongTypeWithoutQuotingIt() throws IOException {
    String app = "apps: [{id: a, key: k, secret: s}]\n";
    assertRejected("port: " + SECRET + "\n" + app)
        .hasMessage("'port' in " + file() + " must be a whole number");
    assertRejected(app + "redis: {url: redis://h, node_timeout_ms: " + SECRET + "}\n")
        .hasMessage("'redis.node_timeout_ms' in " + file() + " must be a whole number");
    assertRejected("apps: [{id: a, key: k, secret: s, enabled: " + SECRET + "}]\n")
        .hasMessage("'apps[0].enabled' in " + file() + " must be true or false");
    assertRejected("redis: " + SECRET + "\n" + app)
        .hasMessage("'redis' in " + file() + " must be a mapping of keys to values");
    assertRejected("apps: " + SECRET + "\n").hasMessage("'apps' in " + file() + " must be a list");
  }

  @Test
  void rejectsAWebhookHeaderOrEventTypeThatIsNotASingleValueWithoutQuotingIt() throws IOException {
    String webhook = "apps: [{id: a, key: k, secret: s, webhooks: [{url: \"https://e.com/\", ";
    assertRejected(webhook + "headers: {Authorization: {token: " + SECRET + "}}}]}]\n")
        .hasMessage(
            "'apps[0].webhooks[0].headers' in "
                + file()
                + " must map 'Authorization' to a single value");
    assertRejected(webhook + "headers: " + SECRET + "}]}]\n")
        .hasMessage(
            "'apps[0].webhooks[0].headers' in " + file() + " must be a mapping of names to values");
    assertRejected(webhook + "event_types: [cache_miss, [" + SECRET + "]]}]}]\n")
        .hasMessage(
            "'apps[0].webhooks[0].event_types' in " + file() + " must be a list of single values");
    assertRejected(webhook + "event_types: [cache_miss, ~]}]}]\n")
        .hasMessage(
            "'apps[0].webhooks[0].event_types' in " + file() + " must be a list of single values");
  }

  @Test
  void bindsStrictlyInsteadOfCoercing() throws IOException {
    String app = "apps: [{id: a, key: k, secret: s}]\n";
    assertRejected("port: \"6001\"\n" + app)
        .hasMessage("'port' in " + file() + " must be a whole number");
    assertRejected("port: 6001.0\n" + app)
        .hasMessage("'port' in " + file() + " must be a whole number");
    assertRejected("port: 99999999999\n" + app)
        .hasMessage("'port' in " + file() + " must be a whole number");
    assertRejected("apps: [{id: a, key: k, secret: s, client_events: \"true\"}]\n")
        .hasMessage("'apps[0].client_events' in " + file() + " must be true or false");
    assertRejected("apps: [{id: a, key: k, secret: s, client_events: 1}]\n")
        .hasMessage("'apps[0].client_events' in " + file() + " must be true or false");
  }

  @Test
  void rejectsAFileOrAnAppThatIsNotAMapping() throws IOException {
    assertRejected("- a\n- b\n").hasMessage(file() + " must be a mapping of keys to values");
    assertRejected("apps: [{id: a, key: k, secret: s}, ~]\n")
        .hasMessage("'apps[1]' in " + file() + " must be a mapping of keys to values");
    assertRejected("apps: [{id: a, key: k, secret: s, webhooks: [5]}]\n")
        .hasMessage("'apps[0].webhooks[0]' in " + file() + " must be a mapping of keys to values");
  }

  @Test
  void readsNumbersAndBooleansAsTextAndEmptyValuesAsAbsent() throws IOException {
    ServerConfig config =
        load(
            """
            host: ""
            port:
            redis:
            apps:
              - {id: 7, key: true, secret: " s ", limits: ~, webhooks: ~}
            """);

    assertThat(config.host()).isEqualTo(ServerConfig.DEFAULTS.host());
    assertThat(config.port()).isEqualTo(ServerConfig.DEFAULTS.port());
    assertThat(config.redis()).isEmpty();
    assertThat(config.apps().get(0).id()).isEqualTo("7");
    assertThat(config.apps().get(0).key()).isEqualTo("true");
    assertThat(config.apps().get(0).secret()).isEqualTo("s");
  }

  @Test
  void readsAnEmptyFileAsAllDefaults() throws IOException {
    assertRejected("# nothing but a comment\n").hasMessageContaining("No apps configured");
    assertRejected("~\n").hasMessageContaining("No apps configured");
  }

  /** The message of the exception and of every cause: what a stack trace would show. */
  private static String everything(Throwable error) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause()) {
      text.append(t).append('\n');
    }
    return text.toString();
  }
}
