package dev.herald.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.testing.WsClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code herald stats} reads the per-app numbers from a real server's {@code /metrics}. */
class StatsCommandIT {
  @Test
  void showsConnectionsChannelsAndMessagesPerApp() {
    try (HeraldServer server =
        HeraldServer.start(
            ServerConfig.DEFAULTS
                .withAddress("127.0.0.1", 0)
                .withApps(
                    List.of(
                        App.of("shop", "shop-key", "shop-secret"), App.of("blog", "b", "s"))))) {
      String url = "http://127.0.0.1:" + server.port();
      try (WsClient a = WsClient.connect(server.port(), "shop-key");
          WsClient b = WsClient.connect(server.port(), "shop-key")) {
        a.subscribe("news"); // one message in from each client
        b.subscribe("news");
        CliRun trigger =
            CliRun.run(
                Map.of(),
                "trigger",
                "--url",
                url,
                "--app-id",
                "shop",
                "--key",
                "shop-key",
                "--secret",
                "shop-secret",
                "--channel",
                "news",
                "--event",
                "sale",
                "--data",
                "{}");
        assertThat(trigger.code()).as(trigger.err()).isZero();
        a.awaitEvent("sale");
        b.awaitEvent("sale"); // two messages out

        await()
            .atMost(Duration.ofSeconds(10))
            .untilAsserted(
                () -> {
                  CliRun stats = CliRun.run(Map.of("HERALD_URL", url), "stats");
                  assertThat(stats.code()).as(stats.err()).isZero();
                  assertThat(stats.out().lines())
                      .containsExactly(
                          "APP                   CONNECTIONS   CHANNELS  MESSAGES IN  MESSAGES OUT",
                          "blog                            0          0            0             0",
                          "shop                            2          1            2             2");
                });

        CliRun one = CliRun.run(Map.of("HERALD_URL", url), "stats", "--app", "blog");
        assertThat(one.out().lines()).hasSize(2).last().asString().startsWith("blog");
        CliRun unknown = CliRun.run(Map.of("HERALD_URL", url), "stats", "--app", "nope");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("has no app 'nope'");
      }
    }
  }
}
