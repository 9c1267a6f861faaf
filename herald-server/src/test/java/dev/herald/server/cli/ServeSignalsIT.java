package dev.herald.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.server.testing.WsClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
      int port = port(herald, new StringBuilder());
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
    StringBuilder output = new StringBuilder();
    try {
      int port = port(herald, output);
      try (WsClient old = WsClient.connect(port, "old-key")) {
        Files.writeString(
            config, server + "apps: [{id: \"2\", key: new-key, secret: new-secret}]\n");
        hangUp(herald);

        assertThat(old.awaitClose()).isEqualTo(4003);
      }
      try (WsClient fresh = WsClient.connect(port, "new-key")) {
        Files.writeString(config, server + "apps: [{id: \"3\", key: k, secrte: s}]\n");
        hangUp(herald);

        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> output.toString().contains("reload refused"));
        assertThat(output.toString())
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

  private static Process serve(Path config) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "serve",
                "--config",
                config.toString()))
        .redirectErrorStream(true)
        .start();
  }

  private static void hangUp(Process process) throws Exception {
    Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }

  /**
   * Reads the process's output until the banner names the bound port (at most 30 s), then keeps
   * reading it into {@code output} so the process never blocks on a full pipe.
   */
  private static int port(Process process, StringBuilder output) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    StringBuilder seen = new StringBuilder();
    String line;
    while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        Thread drain =
            new Thread(
                () ->
                    out.lines()
                        .forEach(
                            l -> {
                              synchronized (output) {
                                output.append(l).append('\n');
                              }
                            }),
                "herald-output");
        drain.setDaemon(true);
        drain.start(); // keep reading, so the process never blocks on a full pipe
        return Integer.parseInt(m.group(1));
      }
    }
    throw new AssertionError("herald serve did not say where it listens:\n" + seen);
  }
}
