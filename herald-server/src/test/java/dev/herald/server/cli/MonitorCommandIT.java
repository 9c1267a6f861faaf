package dev.herald.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.testing.WsClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code herald monitor} tails a real server until the server ends the stream. */
class MonitorCommandIT {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void printsConnectionsSubscriptionsClientAndApiEventsUntilTheServerStops() throws Exception {
    HeraldServer server =
        HeraldServer.start(
            ServerConfig.DEFAULTS
                .withAddress("127.0.0.1", 0)
                .withApps(List.of(App.of("shop", "shop-key", "shop-secret"))));
    String url = "http://127.0.0.1:" + server.port();
    Map<String, String> env =
        Map.of(
            "HERALD_URL", url,
            "HERALD_APP_ID", "shop",
            "HERALD_APP_KEY", "shop-key",
            "HERALD_APP_SECRET", "shop-secret");
    CompletableFuture<Integer> monitor = CompletableFuture.supplyAsync(() -> monitor(env));
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().contains("watching app"));
      assertThat(out.toString()).contains("watching app shop on " + url + " (Ctrl-C to stop)");

      try (WsClient a = WsClient.connect(server.port(), "shop-key");
          WsClient b = WsClient.connect(server.port(), "shop-key")) {
        a.subscribePrivate("private-chat", "shop-key", "shop-secret");
        b.subscribePrivate("private-chat", "shop-key", "shop-secret");
        a.send(
            "{\"event\":\"client-typing\",\"channel\":\"private-chat\",\"data\":{\"who\":\"a\"}}");
        b.awaitEvent("client-typing");
        CliRun trigger =
            CliRun.run(
                env, "trigger", "--channel", "private-chat", "--event", "sale", "--data", "{}");
        assertThat(trigger.code()).as(trigger.err()).isZero();
        a.awaitEvent("sale");
        await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().contains("api_event"));
        assertThat(out.toString())
            .contains("connection_opened  socket_id=" + a.socketId())
            .contains("subscribed  socket_id=" + b.socketId() + "  channel=private-chat")
            .contains("channel_occupied  channel=private-chat")
            .contains(
                "client_event  socket_id="
                    + a.socketId()
                    + "  channel=private-chat  event=client-typing  data={\"who\":\"a\"}")
            .contains("api_event  channel=private-chat  event=sale  data={}");
      }
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> out.toString().contains("channel_vacated"));
      assertThat(out.toString())
          .containsPattern("connection_closed  socket_id=[0-9.]+  reason=\\S+")
          .contains("unsubscribed");
    } finally {
      server.close();
    }
    assertThat(monitor.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(err.toString())
        .contains("herald monitor: the server at " + url + " ended the stream");
  }

  @Test
  void refusesWrongCredentialsWithTheServersMessage() {
    try (HeraldServer server =
        HeraldServer.start(
            ServerConfig.DEFAULTS
                .withAddress("127.0.0.1", 0)
                .withApps(List.of(App.of("shop", "shop-key", "shop-secret"))))) {
      CliRun run =
          CliRun.run(
              Map.of(),
              "monitor",
              "--url",
              "http://127.0.0.1:" + server.port(),
              "--app-id",
              "shop",
              "--key",
              "shop-key",
              "--secret",
              "wrong");

      assertThat(run.code()).isEqualTo(1);
      assertThat(run.err())
          .startsWith("herald monitor: the server refused the request (HTTP 401)")
          .doesNotContain("wrong");
      assertThat(server.monitor().viewers()).isZero();
    }
  }

  private int monitor(Map<String, String> env) {
    CommandLine cli = new HeraldCli(env, Clock.systemUTC()).commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute("monitor");
  }
}
