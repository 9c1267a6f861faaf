package dev.herald.server.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pusher.rest.Pusher;
import com.pusher.rest.data.Result;
import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.testing.PostgresProcess;
import dev.herald.server.testing.Schema;
import dev.herald.server.testing.WsClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server whose apps are in a PostgreSQL table: clients connect with keys that exist only there,
 * the HTTP API takes their secrets, and rows added or disabled while it runs take effect.
 */
class DatabaseAppsIT {
  static final String TABLE = "herald_apps";
  static final App FILE_APP = App.of("file", "file-key", "file-secret");
  static final int CONNECTED = 0;
  private static PostgresProcess postgres;
  private HeraldServer server;

  @BeforeAll
  static void startPostgres() {
    postgres = PostgresProcess.startOnFreePort();
  }

  @AfterAll
  static void stopPostgres() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @BeforeEach
  void startServer() {
    Schema.recreate(postgres, TABLE);
    insert("42", "db-key", "db-secret");
    server =
        HeraldServer.start(
            ServerConfig.DEFAULTS
                .withAddress("127.0.0.1", 0)
                .withApps(List.of(FILE_APP))
                .withDatabase(postgres.settings(TABLE, Duration.ofMillis(200))));
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void aClientConnectsWithAKeyThatIsOnlyInTheDatabaseAndGetsEventsTheApiSends() {
    try (WsClient client = WsClient.connect(server.port(), "db-key")) {
      client.subscribe("news");

      Pusher pusher = new Pusher("42", "db-key", "db-secret");
      pusher.setHost("127.0.0.1:" + server.port());
      Result result = pusher.trigger("news", "headline", Map.of("text", "from the database"));

      assertThat(result.getHttpStatus()).isEqualTo(200);
      assertThat(WsClient.data(client.awaitEvent("headline")).get("text").asText())
          .isEqualTo("from the database");
    }
    try (WsClient fileClient = WsClient.connect(server.port(), "file-key")) {
      assertThat(fileClient.socketId()).isNotEmpty();
    }
  }

  @Test
  void anAppAddedToTheTableWhileRunningCanConnectAndADisabledOneCannot() {
    assertThat(outcome("later-key")).isEqualTo(4001);

    insert("43", "later-key", "later-secret");
    await().atMost(Duration.ofSeconds(10)).until(() -> outcome("later-key") == CONNECTED);

    postgres.execute("UPDATE " + TABLE + " SET enabled = FALSE WHERE id = '43'");
    await().atMost(Duration.ofSeconds(10)).until(() -> outcome("later-key") == 4003);
  }

  @Test
  void aRowDeletedFromTheTableClosesItsAppsOpenConnectionsWith4003() {
    insert("44", "doomed-key", "doomed-secret");
    await().atMost(Duration.ofSeconds(10)).until(() -> outcome("doomed-key") == CONNECTED);
    try (WsClient open = WsClient.connect(server.port(), "doomed-key");
        WsClient bystander = WsClient.connect(server.port(), "db-key")) {
      postgres.execute("DELETE FROM " + TABLE + " WHERE id = '44'");

      assertThat(open.awaitClose()).isEqualTo(4003);
      assertThat(bystander.isClosed()).isFalse();
    }
  }

  /**
   * {@link #CONNECTED} when a connection with {@code key} is established, else the code it was
   * closed with (the server closes a refused one at once).
   */
  private int outcome(String key) {
    try (WsClient client = WsClient.open(server.port(), "/app/" + key + "?protocol=7")) {
      if (client.pollEvent("pusher:connection_established", Duration.ofMillis(500)).isPresent()) {
        return CONNECTED;
      }
      return client.awaitClose();
    }
  }

  private static void insert(String id, String key, String secret) {
    postgres.execute(
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
}
