package dev.herald.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.testing.WsClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code channels}, {@code channel}, {@code terminate} and {@code ping} against a real server. */
class ServerQueryCommandsIT {
  private static final String KEY = "cli-key";
  private static final String SECRET = "cli-secret";

  private HeraldServer server;
  private Map<String, String> env;

  @BeforeEach
  void startServer() {
    server =
        HeraldServer.start(
            ServerConfig.DEFAULTS
                .withAddress("127.0.0.1", 0)
                .withApps(List.of(App.of("cli-app", KEY, SECRET))));
    env =
        Map.of(
            "HERALD_URL",
            "http://127.0.0.1:" + server.port(),
            "HERALD_APP_ID",
            "cli-app",
            "HERALD_APP_KEY",
            KEY,
            "HERALD_APP_SECRET",
            SECRET);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void listsTheOccupiedChannelsWithTheirCounts() {
    try (WsClient a = WsClient.connect(server.port(), KEY);
        WsClient b = WsClient.connect(server.port(), KEY)) {
      a.subscribe("news");
      b.subscribe("news");
      b.subscribe("sports");
      a.joinPresence("presence-room", "{\"user_id\":\"alice\"}", KEY, SECRET);

      CliRun all = CliRun.run(env, "channels", "--info", "subscription_count");
      assertThat(all.code()).as(all.err()).isZero();
      assertThat(all.out())
          .contains("news  subscription_count=2")
          .contains("sports  subscription_count=1")
          .contains("presence-room  subscription_count=1")
          .contains("3 channels");

      CliRun presence =
          CliRun.run(env, "channels", "--prefix", "presence-", "--info", "user_count");
      assertThat(presence.code()).as(presence.err()).isZero();
      assertThat(presence.out())
          .isEqualTo(String.format("presence-room  user_count=1%n1 channel%n"));
    }
  }

  @Test
  void showsAPresenceChannelAndItsUsers() {
    try (WsClient a = WsClient.connect(server.port(), KEY);
        WsClient b = WsClient.connect(server.port(), KEY)) {
      a.joinPresence("presence-room", "{\"user_id\":\"alice\"}", KEY, SECRET);
      b.joinPresence("presence-room", "{\"user_id\":\"bob\"}", KEY, SECRET);

      CliRun run = CliRun.run(env, "channel", "presence-room");

      assertThat(run.code()).as(run.err()).isZero();
      assertThat(run.out())
          .contains("occupied: true")
          .contains("subscription_count: 2")
          .contains("user_count: 2")
          .contains("users:")
          .contains("    alice")
          .contains("    bob");
    }
  }

  @Test
  void showsAnUnoccupiedChannel() {
    CliRun run = CliRun.run(env, "channel", "quiet");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("occupied: false").doesNotContain("users");
  }

  @Test
  void reportsARefusedRequestWithTheServersMessage() {
    Map<String, String> wrongSecret = new java.util.HashMap<>(env);
    wrongSecret.put("HERALD_APP_SECRET", "not-the-secret");

    CliRun run = CliRun.run(wrongSecret, "channels");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err())
        .startsWith("herald channels: the server refused the request (HTTP 401)")
        .doesNotContain("not-the-secret")
        .doesNotContain("\tat ");
  }

  @Test
  void terminatesTheConnectionsOfAUser() {
    try (WsClient alice = WsClient.connect(server.port(), KEY);
        WsClient bob = WsClient.connect(server.port(), KEY)) {
      alice.signin("{\"id\":\"alice\"}", KEY, SECRET);
      bob.signin("{\"id\":\"bob\"}", KEY, SECRET);

      CliRun run = CliRun.run(env, "terminate", "alice");

      assertThat(run.code()).as(run.err()).isZero();
      assertThat(run.out()).contains("terminated the connections of user alice in app cli-app");
      assertThat(alice.awaitClose()).isEqualTo(4009);
      assertThat(bob.isClosed()).isFalse();
    }
  }

  @Test
  void pingsARunningServer() {
    CliRun run = CliRun.run(env, "ping");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .matches("http://127\\.0\\.0\\.1:\\d+ is up: GET /up answered in [0-9.]+ ms\\R");
  }

  @Test
  void pingFailsClearlyWhenNoServerAnswers() throws IOException {
    String url;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      url = "http://127.0.0.1:" + free.getLocalPort(); // closed again before the ping
    }

    CliRun run = CliRun.run(Map.of(), "ping", "--url", url);

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).startsWith("herald ping: cannot reach " + url).doesNotContain("\tat ");
  }
}
