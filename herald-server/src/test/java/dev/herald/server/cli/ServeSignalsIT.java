package dev.herald.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.server.testing.WsClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code herald serve} as a process: SIGTERM drains and exits 0, as orchestrators expect. */
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
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process herald =
        new ProcessBuilder(
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
    try {
      int port = port(herald);
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

  /** Reads the process's output until the banner names the bound port (at most 30 s). */
  private static int port(Process process) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    StringBuilder seen = new StringBuilder();
    String line;
    while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> {}), "herald-output");
        drain.setDaemon(true);
        drain.start(); // keep reading, so the process never blocks on a full pipe
        return Integer.parseInt(m.group(1));
      }
    }
    throw new AssertionError("herald serve did not say where it listens:\n" + seen);
  }
}
