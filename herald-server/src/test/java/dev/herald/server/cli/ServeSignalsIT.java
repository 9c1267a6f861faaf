package dev.herald.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.pusher.PusherJson;
import dev.herald.server.testing.WsClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code herald serve} as a process: SIGTERM drains and exits 0, as orchestrators expect; SIGHUP
 * reloads the apps.
 */
class ServeSignalsIT {
  private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

  private static final String ADMIN_TOKEN = "reload-admin-token-0123456789";

  @TempDir Path dir;

  @Test
  void sigtermDrainsTheConnectionsWith4200AndExitsZero() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("herald.yml"),
            "host: 127.0.0.1\nport: 0\ndrain_seconds: 1\n"
                + "apps: [{id: \"1\", key: app-key, secret: not-the-dev-secret}]\n");
    Process herald = serve(config);
    try {
      int port = port();
      try (WsClient client = WsClient.connect(port, "app-key")) {
        herald.destroy(); // SIGTERM

        assertThat(client.awaitClose()).isEqualTo(4200);
        assertThat(client.closeReason()).isEqualTo("Server shutting down; please reconnect");
      }
      assertThat(herald.waitFor(20, TimeUnit.SECONDS)).as("exited").isTrue();
      assertThat(herald.exitValue()).isZero();
    } finally {
      herald.destroyForcibly();
    }
  }

  @Test
  void sighupReloadsTheAppsAndABrokenFileLeavesThemAsTheyWere() throws Exception {
    Path config = dir.resolve("herald.yml");
    String server = "host: 127.0.0.1\nport: 0\n";
    Files.writeString(config, server + "apps: [{id: \"1\", key: old-key, secret: old-secret}]\n");
    Process herald = serve(config);
    try {
      int port = port();
      try (WsClient old = WsClient.connect(port, "old-key")) {
        Files.writeString(
            config, server + "apps: [{id: \"2\", key: new-key, secret: new-secret}]\n");
        hangUp(herald);

        assertThat(old.awaitClose()).isEqualTo(4003);
      }
      try (WsClient fresh = WsClient.connect(port, "new-key")) {
        Files.writeString(config, server + "apps: [{id: \"3\", key: k, secrte: s}]\n");
        hangUp(herald);

        await().atMost(Duration.ofSeconds(10)).until(() -> output().contains("reload refused"));
        assertThat(output())
            .contains("still serving the previous configuration")
            .contains("Unknown key 'apps[0].secrte'");
        assertThat(fresh.isClosed()).isFalse();
        WsClient.connect(port, "new-key").close(); // still served
      }
      assertThat(herald.isAlive()).as("SIGHUP does not end the process").isTrue();
    } finally {
      herald.destroyForcibly();
    }
  }

  @Test
  void heraldReloadMakesTheServerReadItsFileAgainWithTheAdminToken() throws Exception {
    Path config = dir.resolve("herald.yml");
    String server = "host: 127.0.0.1\nport: 0\nadmin_token: " + ADMIN_TOKEN + "\n";
    Files.writeString(config, server + "apps: [{id: \"1\", key: old-key, secret: old-secret}]\n");
    Process herald = serve(config);
    try {
      int port = port();
      String url = "http://127.0.0.1:" + port;
      try (WsClient old = WsClient.connect(port, "old-key")) {
        Files.writeString(
            config, server + "apps: [{id: \"2\", key: new-key, secret: new-secret}]\n");

        CliRun wrongToken = CliRun.run(Map.of(), "reload", "--url", url, "--admin-token", "x");
        assertThat(wrongToken.code()).isEqualTo(1);
        assertThat(old.isClosed()).isFalse();

        CliRun reload =
            CliRun.run(Map.of("HERALD_ADMIN_TOKEN", ADMIN_TOKEN), "reload", "--url", url);
        assertThat(reload.code()).as(reload.err()).isZero();
        assertThat(reload.out())
            .isEqualTo("reloaded " + url + ": added [\"2\"], changed none, closed [\"1\"]\n");
        assertThat(old.awaitClose()).isEqualTo(4003);
      }
      WsClient.connect(port, "new-key").close();
      Files.writeString(config, server + "apps: [{id: \"3\", key: k, secrte: s}]\n");
      CliRun refused = CliRun.run(Map.of(), "reload", "--url", url, "--admin-token", ADMIN_TOKEN);
      assertThat(refused.code()).isEqualTo(1);
      assertThat(refused.err())
          .contains("did not reload (HTTP 400): Reload refused, nothing changed:")
          .contains("Unknown key 'apps[0].secrte'")
          .doesNotContain(ADMIN_TOKEN);
      WsClient.connect(port, "new-key").close(); // still served
    } finally {
      herald.destroyForcibly();
    }
  }

  @Test
  void writesJsonLinesWithLogFormatJson() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("herald.yml"),
            "host: 127.0.0.1\nport: 0\nlog_format: json\n"
                + "apps: [{id: \"1\", key: app-key, secret: not-the-dev-secret}]\n");
    Process herald = serve(config);
    try {
      port();
      herald.destroy();
      assertThat(herald.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(herald.exitValue()).as("exit code; output: %s", output()).isZero();
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(output()).contains("\"formattedMessage\":\"stopped\""));
      List<String> logLines = output().lines().filter(line -> line.startsWith("{")).toList();
      assertThat(logLines).hasSizeGreaterThan(2);
      for (String line : logLines) {
        var json = PusherJson.mapper().readTree(line);
        assertThat(json.path("level").asText()).isNotEmpty();
        assertThat(json.has("formattedMessage")).as(line).isTrue();
      }
      assertThat(logLines)
          .anyMatch(l -> l.contains("\"formattedMessage\":\"started with 1 app(s)\""));
    } finally {
      herald.destroyForcibly();
    }
  }

  private Process serve(Path config) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // The shipped logback.xml (INFO), not the tests' quieter one on the test class path.
    String logging = Path.of("target", "classes", "logback.xml").toAbsolutePath().toString();
    return new ProcessBuilder(
            List.of(
                java,
                "-Dlogback.configurationFile=" + logging,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "serve",
                "--config",
                config.toString()))
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("herald.log").toFile())
        .start();
  }

  private static void hangUp(Process process) throws Exception {
    Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }

  /** What the process has written so far. */
  private String output() throws IOException {
    Path log = dir.resolve("herald.log");
    return Files.exists(log) ? Files.readString(log) : "";
  }

  /** Waits (at most 30 s) until the process says where it listens; returns the port. */
  private int port() {
    int[] port = new int[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              Matcher m = LISTENING.matcher(output());
              if (m.find()) {
                port[0] = Integer.parseInt(m.group(1));
                return true;
              }
              return false;
            });
    return port[0];
  }
}
