package dev.herald.server.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import dev.herald.server.app.AllowedOrigins;
import dev.herald.server.app.App;
import dev.herald.server.app.AppLimits;
import dev.herald.server.testing.DatabaseProcess;
import dev.herald.server.testing.LogRecorder;
import dev.herald.server.testing.Schema;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link JdbcAppRegistry} promises, run against each database it supports by the same SQL:
 * subclasses give a throwaway server. Every wait is bounded; refreshes are 200 ms apart.
 */
abstract class JdbcAppRegistryContract {
  static final String TABLE = "herald_apps_test";
  static final Duration REFRESH = Duration.ofMillis(200);
  static final Duration WAIT = Duration.ofSeconds(10);

  private JdbcAppRegistry registry;

  /** The server, started once per class. */
  abstract DatabaseProcess database();

  @BeforeEach
  void createTable() {
    Schema.recreate(database(), TABLE);
  }

  @AfterEach
  void closeRegistry() {
    if (registry != null) {
      registry.close();
    }
  }

  private JdbcAppRegistry start(List<App> fileApps) {
    registry = JdbcAppRegistry.start(database().settings(TABLE, REFRESH), fileApps);
    return registry;
  }

  private void insert(String id, String key, String secret) {
    database()
        .execute(
            "INSERT INTO "
                + TABLE
                + " (id, app_key, secret) VALUES ('"
                + id
                + "', '"
                + key
                + "', '"
                + secret
                + "')");
  }

  private void awaitRefreshes(int count) {
    long target = registry.refreshes() + count;
    await().atMost(WAIT).until(() -> registry.refreshes() >= target);
  }

  @Test
  void findsDatabaseAppsByIdAndByKeyWithDefaultsForNullColumns() {
    insert("101", "key-101", "secret-101");
    JdbcAppRegistry apps = start(List.of());

    App app = apps.findById("101").orElseThrow();
    assertThat(apps.findByKey("key-101")).contains(app);
    assertThat(app.secret()).isEqualTo("secret-101");
    assertThat(app.enabled()).isTrue();
    assertThat(app.clientEvents()).isTrue();
    assertThat(app.limits()).isEqualTo(AppLimits.DEFAULTS);
    assertThat(app.allowedOrigins()).isEqualTo(AllowedOrigins.ANY);
    assertThat(apps.findById("102")).isEmpty();
    assertThat(apps.findByKey("secret-101")).isEmpty();
  }

  @Test
  void readsFlagsLimitsAndAllowedOriginsFromTheirColumns() {
    database()
        .execute(
            "INSERT INTO "
                + TABLE
                + " (id, app_key, secret, enabled, client_events, max_connections,"
                + " max_channels_per_connection, messages_per_second, api_requests_per_second,"
                + " allowed_origins) VALUES ('7', 'k7', 's7', FALSE, FALSE, 50, 20, 30, 40,"
                + " 'https://app.example.com, *.example.org')");
    App app = start(List.of()).findByKey("k7").orElseThrow();

    assertThat(app.enabled()).isFalse();
    assertThat(app.clientEvents()).isFalse();
    assertThat(app.limits().maxConnections()).isEqualTo(50);
    assertThat(app.limits().maxChannelsPerConnection()).isEqualTo(20);
    assertThat(app.limits().messagesPerSecond()).isEqualTo(30);
    assertThat(app.limits().apiRequestsPerSecond()).isEqualTo(40);
    assertThat(app.limits().maxEventPayloadBytes())
        .isEqualTo(AppLimits.DEFAULTS.maxEventPayloadBytes());
    assertThat(app.allowedOrigins().allows("https://app.example.com")).isTrue();
    assertThat(app.allowedOrigins().allows("https://x.example.org")).isTrue();
    assertThat(app.allowedOrigins().allows("https://evil.example.net")).isFalse();
  }

  @Test
  void servesTheFileAppsBesideTheDatabaseApps() {
    insert("db", "db-key", "db-secret");
    JdbcAppRegistry apps = start(List.of(App.of("file", "file-key", "file-secret")));

    assertThat(apps.all()).extracting(App::id).containsExactly("file", "db");
    assertThat(apps.findByKey("file-key")).map(App::id).contains("file");
  }

  @Test
  void refusesToStartWhenARowHasTheIdOfAFileApp() {
    insert("shared", "db-key", "db-secret");

    assertThatThrownBy(() -> start(List.of(App.of("shared", "file-key", "file-secret"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("app 'shared'")
        .hasMessageContaining("config file");
  }

  @Test
  void seesANewOrChangedRowAfterTheRefresh() {
    insert("1", "k1", "old-secret");
    JdbcAppRegistry apps = start(List.of());

    database().execute("UPDATE " + TABLE + " SET secret = 'new-secret', max_connections = 3");
    insert("2", "k2", "s2");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(apps.findById("1").orElseThrow().secret()).isEqualTo("new-secret");
              assertThat(apps.findById("1").orElseThrow().limits().maxConnections()).isEqualTo(3);
              assertThat(apps.findByKey("k2")).isPresent();
            });
  }

  @Test
  void dropsADeletedAppAndDisablesADisabledOne() {
    insert("gone", "k-gone", "s");
    insert("off", "k-off", "s");
    JdbcAppRegistry apps = start(List.of());

    database().execute("DELETE FROM " + TABLE + " WHERE id = 'gone'");
    database().execute("UPDATE " + TABLE + " SET enabled = FALSE WHERE id = 'off'");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(apps.findByKey("k-gone")).isEmpty();
              assertThat(apps.findById("gone")).isEmpty();
              assertThat(apps.findByKey("k-off").orElseThrow().enabled()).isFalse();
            });
  }

  @Test
  void leavesOutAnInvalidRowAndWarnsOnce() {
    insert("ok", "k-ok", "s");
    insert("bad", "k-bad", "s");
    database().execute("UPDATE " + TABLE + " SET max_batch_size = 0 WHERE id = 'bad'");
    try (LogRecorder log = new LogRecorder(JdbcAppRegistry.class)) {
      JdbcAppRegistry apps = start(List.of());
      awaitRefreshes(3);

      assertThat(apps.findById("ok")).isPresent();
      assertThat(apps.findById("bad")).isEmpty();
      assertThat(log.messages(Level.WARN))
          .filteredOn(m -> m.contains("'bad'"))
          .singleElement()
          .asString()
          .contains("max_batch_size");
    }
  }

  @Test
  void keepsTheLastSnapshotWhileTheDatabaseIsDownAndLogsTheOutageOnce() {
    insert("1", "k1", "s1");
    try (LogRecorder log = new LogRecorder(JdbcAppRegistry.class)) {
      JdbcAppRegistry apps = start(List.of());
      try {
        database().stop();
        await()
            .atMost(WAIT)
            .until(
                () ->
                    log.messages(Level.WARN).stream().anyMatch(m -> m.contains("cannot refresh")));
        awaitRefreshes(3);

        assertThat(apps.findByKey("k1")).map(App::secret).contains("s1");
        assertThat(log.messages(Level.WARN))
            .filteredOn(m -> m.contains("cannot refresh"))
            .hasSize(1);
        assertThat(String.join("\n", log.messages(Level.WARN)))
            .doesNotContain(DatabaseProcess.PASSWORD);
      } finally {
        database().start();
      }
      database().execute("UPDATE " + TABLE + " SET secret = 's2'");
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> assertThat(apps.findById("1").orElseThrow().secret()).isEqualTo("s2"));
      assertThat(log.messages(Level.INFO)).anyMatch(m -> m.contains("answers again"));
    }
  }

  @Test
  void failsToStartClearlyWhenTheDatabaseRefusesTheLogin() {
    DatabaseSettings wrong =
        database().settings(TABLE, REFRESH).withCredentials(DatabaseProcess.USERNAME, "wrong-pw!");

    assertThatThrownBy(() -> JdbcAppRegistry.start(wrong, List.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Cannot load apps from the database " + database().url())
        .hasMessageContaining("table " + TABLE)
        .hasMessageNotContaining("wrong-pw!");
  }

  @Test
  void failsToStartClearlyWhenTheTableIsMissing() {
    DatabaseSettings missing =
        new DatabaseSettings(
            database().url(),
            DatabaseProcess.USERNAME,
            DatabaseProcess.PASSWORD,
            "no_such_table",
            REFRESH);

    assertThatThrownBy(() -> JdbcAppRegistry.start(missing, List.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("table no_such_table")
        .hasMessageNotContaining(DatabaseProcess.PASSWORD);
  }
}
