package dev.herald.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.app.AppFeatures;
import dev.herald.server.app.Webhook;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-app feature keys and {@code webhooks} of the YAML file, and HERALD_APP_WEBHOOK_URL. */
class WebhookConfigTest {
  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("herald.yml"), yaml);
  }

  private App app(String yaml) throws IOException {
    return load(Map.of(), write(yaml)).apps().get(0);
  }

  private static ServerConfig load(Map<String, String> env, Path file) {
    return new ConfigLoader(env).load(new ConfigOverrides(file, null, null)).server();
  }

  private void assertRejected(String yaml, String... fragments) throws IOException {
    Path file = write(yaml);
    var thrown = assertThatThrownBy(() -> load(Map.of(), file)).isInstanceOf(ConfigException.class);
    for (String fragment : fragments) {
      thrown.hasMessageContaining(fragment);
    }
  }

  @Test
  void readsTheFeaturesAndWebhooksOfAnApp() throws IOException {
    App app =
        app(
            """
            apps:
              - id: "1"
                key: k
                secret: s
                watchlist_events: true
                subscription_count_events: true
                authorized_connections_timeout: 30
                cache_ttl: 600
                webhook_batch_ms: 50
                webhooks:
                  - url: https://example.com/pusher/webhooks
                    event_types: [channel_occupied, channel_vacated]
                    filter: { channel_name_starts_with: "presence-", channel_name_ends_with: "" }
                    headers: { Authorization: "Bearer x", X-Tenant: 7 }
                  - url: http://10.0.0.2:8080/hooks
            """);

    assertThat(app.features())
        .isEqualTo(
            new AppFeatures(
                true,
                true,
                Duration.ofSeconds(30),
                Duration.ofSeconds(600),
                Duration.ofMillis(50)));
    assertThat(app.webhooks())
        .containsExactly(
            new Webhook(
                URI.create("https://example.com/pusher/webhooks"),
                Set.of("channel_occupied", "channel_vacated"),
                "presence-",
                null,
                Map.of("Authorization", "Bearer x", "X-Tenant", "7")),
            new Webhook(URI.create("http://10.0.0.2:8080/hooks"), Set.of(), null, null, Map.of()));
  }

  @Test
  void takesAbsentFeaturesFromTheDefaultsAndHasNoWebhooks() throws IOException {
    App app = app("apps: [{id: a, key: k, secret: s}]\n");

    assertThat(app.features()).isEqualTo(AppFeatures.DEFAULTS);
    assertThat(app.webhooks()).isEmpty();
  }

  @Test
  void acceptsTheWebhookExampleOfTheExampleFileOnceUncommented() throws IOException {
    // Surefire runs in the module directory. The example's only lines indented "    # " are the
    // webhook block, commented out so that nobody posts to example.com by copying the file.
    String example = Files.readString(Path.of("..", "herald.example.yml"));
    App app = app(example.replace("\n    # ", "\n    "));

    assertThat(app.webhooks()).hasSize(1);
    assertThat(app.webhooks().get(0).channelPrefix()).isEqualTo("presence-");
    assertThat(app.webhooks().get(0).headers()).containsKey("Authorization");
  }

  @Test
  void rejectsAMisspelledWebhookKeyNamingItsPath() throws IOException {
    assertRejected(
        """
        apps:
          - id: a
            key: k
            secret: s
            webhooks:
              - url: https://example.com/
              - url: https://example.com/
                event_type: [channel_occupied]
        """,
        "Unknown key 'apps[0].webhooks[1].event_type'",
        "event_types");
  }

  @Test
  void rejectsAMisspelledFilterKey() throws IOException {
    assertRejected(
        """
        apps:
          - {id: a, key: k, secret: s, webhooks: [{url: "https://e.com/", filter: {prefix: x}}]}
        """,
        "Unknown key 'apps[0].webhooks[0].filter.prefix'",
        "channel_name_starts_with");
  }

  @Test
  void rejectsAWebhookWithoutUrl() throws IOException {
    assertRejected(
        "apps: [{id: a, key: k, secret: s, webhooks: [{event_types: [cache_miss]}]}]\n",
        "'apps[0].webhooks[0]'",
        "is missing 'url'");
  }

  @Test
  void rejectsUrlsThatAreNotAbsoluteHttpWithoutQuotingThem() throws IOException {
    for (String url :
        List.of("/relative?token=t0p", "ftp://example.com/x?token=t0p", "https:///x?token=t0p")) {
      Path file =
          write(
              "apps: [{id: a, key: k, secret: s, webhooks: [{url: \"https://ok.example/\"},"
                  + " {url: \""
                  + url
                  + "\"}]}]\n");
      assertThatThrownBy(() -> load(Map.of(), file))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("'apps[0].webhooks[1].url'")
          .hasMessageContaining("must be an absolute http:// or https:// URL")
          .hasMessageNotContaining("t0p");
    }
  }

  @Test
  void rejectsAnUnknownEventTypeListingTheKnownOnes() throws IOException {
    assertRejected(
        """
        apps:
          - {id: a, key: k, secret: s, webhooks: [{url: "https://e.com/", event_types: [joined]}]}
        """,
        "'apps[0].webhooks[0].event_types'",
        "unknown event type 'joined'",
        "known: channel_occupied, channel_vacated, member_added, member_removed, client_event,"
            + " cache_miss, subscription_count");
  }

  @Test
  void rejectsHeadersHeraldSetsItselfWithoutQuotingValues() throws IOException {
    assertRejected(
        """
        apps:
          - id: a
            key: k
            secret: s
            webhooks:
              - url: https://e.com/
                headers: { X-Pusher-Signature: s3cr3t }
        """,
        "'apps[0].webhooks[0].headers'",
        "cannot set 'X-Pusher-Signature'");
    assertRejected(
        "apps: [{id: a, key: k, secret: s, webhooks: [{url: \"https://e.com/\","
            + " headers: {Host: evil}}]}]\n",
        "cannot set 'Host'");
    assertRejected(
        "apps: [{id: a, key: k, secret: s, webhooks: [{url: \"https://e.com/\","
            + " headers: {\"Bad Name\": x}}]}]\n",
        "invalid header name 'Bad Name'");
  }

  @Test
  void rejectsANestedHeaderValue() throws IOException {
    assertRejected(
        "apps: [{id: a, key: k, secret: s, webhooks: [{url: \"https://e.com/\","
            + " headers: {Authorization: [a, b]}}]}]\n",
        "'apps[0].webhooks[0].headers' in",
        "must map 'Authorization' to a single value");
  }

  @Test
  void rejectsAZeroCacheTtlAndANegativeBatchWindow() throws IOException {
    assertRejected(
        "apps: [{id: a, key: k, secret: s, cache_ttl: 0}]\n",
        "'apps[0].cache_ttl'",
        "must be at least 1");
    assertRejected(
        "apps: [{id: a, key: k, secret: s, webhook_batch_ms: -5}]\n",
        "'apps[0].webhook_batch_ms'",
        "must not be negative");
  }

  @Test
  void theEnvironmentWebhookUrlGivesTheSingleAppOneEndpointForEveryEvent() {
    Map<String, String> env = environmentApp();
    env.put("HERALD_APP_WEBHOOK_URL", "https://hooks.example.com/pusher");

    App app = load(env, null).apps().get(0);

    assertThat(app.webhooks())
        .containsExactly(
            new Webhook(
                URI.create("https://hooks.example.com/pusher"), Set.of(), null, null, Map.of()));
  }

  @Test
  void rejectsAnInvalidEnvironmentWebhookUrlNamingTheVariable() {
    Map<String, String> env = environmentApp();
    env.put("HERALD_APP_WEBHOOK_URL", "hooks.example.com?token=t0p");

    assertThatThrownBy(() -> load(env, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("HERALD_APP_WEBHOOK_URL must be an absolute")
        .hasMessageNotContaining("t0p");
  }

  @Test
  void theEnvironmentAppKeepsTheFeaturesAndWebhooksOfTheSameAppInTheFile() throws IOException {
    Path file =
        write(
            """
            apps:
              - id: "42"
                key: old-key
                secret: old-secret
                subscription_count_events: true
                webhook_batch_ms: 100
                webhooks: [{url: "https://file.example.com/"}]
            """);

    App kept = load(environmentApp(), file).apps().get(0);
    assertThat(kept.key()).isEqualTo("env-key");
    assertThat(kept.features().subscriptionCountEvents()).isTrue();
    assertThat(kept.features().webhookBatchWindow()).isEqualTo(Duration.ofMillis(100));
    assertThat(kept.webhooks())
        .extracting(w -> w.url().getHost())
        .containsExactly("file.example.com");

    Map<String, String> env = environmentApp();
    env.put("HERALD_APP_WEBHOOK_URL", "https://env.example.com/");
    App replaced = load(env, file).apps().get(0);
    assertThat(replaced.webhooks())
        .extracting(w -> w.url().getHost())
        .containsExactly("env.example.com");
    assertThat(replaced.features().subscriptionCountEvents()).isTrue();
  }

  @Test
  void aWebhookUrlAloneIsAnIncompleteEnvironmentApp() {
    assertThatThrownBy(
            () -> load(Map.of("HERALD_APP_WEBHOOK_URL", "https://hooks.example.com/"), null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("HERALD_APP_ID");
  }

  private static Map<String, String> environmentApp() {
    return new HashMap<>(
        Map.of(
            "HERALD_APP_ID", "42",
            "HERALD_APP_KEY", "env-key",
            "HERALD_APP_SECRET", "env-secret"));
  }
}
