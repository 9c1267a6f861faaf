package dev.herald.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.server.HeraldServer;
import dev.herald.server.ServerConfig;
import dev.herald.server.app.App;
import dev.herald.server.testing.WsClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A single node's graceful shutdown: readiness, refusals, and 4200 closes spread over a window. */
class DrainIT {
  private static final App APP = App.of("1", "app-key", "app-secret");
  private static final Duration WINDOW = Duration.ofSeconds(2);

  @Test
  void turnsUnreadyRefusesNewcomersAndClosesEveryoneWith4200SpreadOverTheWindow() throws Exception {
    HeraldServer server =
        HeraldServer.start(
            ServerConfig.DEFAULTS.withAddress("127.0.0.1", 0).withApps(List.of(APP)));
    int port = server.port();
    List<WsClient> clients = new ArrayList<>();
    try (Socket keptAlive = new Socket("127.0.0.1", port)) {
      keptAlive.setSoTimeout(10_000);
      BufferedReader replies =
          new BufferedReader(
              new InputStreamReader(keptAlive.getInputStream(), StandardCharsets.US_ASCII));
      assertThat(ready(keptAlive, replies)).startsWith("HTTP/1.1 200");
      for (int i = 0; i < 20; i++) {
        clients.add(WsClient.connect(port, APP.key()));
      }

      long start = System.nanoTime();
      CompletableFuture<Void> drained = CompletableFuture.runAsync(() -> server.drain(WINDOW));

      // An API client on a kept-alive connection learns at once that the node is going away.
      await()
          .atMost(Duration.ofSeconds(1))
          .until(() -> ready(keptAlive, replies).startsWith("HTTP/1.1 503"));
      assertThat(ready(keptAlive, replies)).contains("draining");
      assertThat(refused(port)).as("new connections are refused").isTrue();

      List<Long> closedAfterMillis = new ArrayList<>();
      for (WsClient client : clients) {
        assertThat(client.awaitClose()).isEqualTo(4200);
        closedAfterMillis.add((client.closedAtNanos() - start) / 1_000_000);
      }
      drained.get(WINDOW.toSeconds() + 10, TimeUnit.SECONDS);

      long first = closedAfterMillis.stream().mapToLong(Long::longValue).min().orElseThrow();
      long last = closedAfterMillis.stream().mapToLong(Long::longValue).max().orElseThrow();
      assertThat(last).as("every close within the window").isLessThan(WINDOW.toMillis() + 1_000);
      assertThat(last - first).as("closes spread, not one wave").isGreaterThan(500);
    } finally {
      clients.forEach(WsClient::close);
      server.close();
    }
  }

  @Test
  void drainsAtOnceWhenNobodyIsConnected() {
    HeraldServer server =
        HeraldServer.start(
            ServerConfig.DEFAULTS.withAddress("127.0.0.1", 0).withApps(List.of(APP)));
    long start = System.nanoTime();

    server.drain(Duration.ofSeconds(30));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  private static String ready(Socket socket, BufferedReader replies) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write("GET /ready HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String status = replies.readLine();
    int length = 0;
    for (String line = replies.readLine(); !line.isEmpty(); line = replies.readLine()) {
      if (line.toLowerCase().startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).strip());
      }
    }
    char[] body = new char[length];
    int read = 0;
    while (read < length) {
      read += replies.read(body, read, length - read);
    }
    return status + " " + new String(body);
  }

  private static boolean refused(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return false;
    } catch (ConnectException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
