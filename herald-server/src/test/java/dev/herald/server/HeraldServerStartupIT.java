package dev.herald.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.herald.redis.testing.TestRedis;
import dev.herald.server.app.App;
import dev.herald.server.app.Webhook;
import dev.herald.server.redis.RedisSettings;
import dev.herald.server.redis.TestCluster;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A start that fails halfway closes what it started, and closing twice closes once: no heartbeat,
 * thread or socket outlives the server.
 */
class HeraldServerStartupIT {
  /** An app with a webhook, so that the webhook threads start too. */
  private static final App APP =
      App.of("1", "app-key", "app-secret")
          .withWebhooks(
              List.of(
                  new Webhook(URI.create("http://127.0.0.1:9/"), Set.of(), null, null, Map.of())));

  private static final Duration SETTLE = Duration.ofSeconds(10);

  @BeforeAll
  static void initializeTheJvmsManagementOnce() {
    // The first look at the JVM's operating system bean (the metrics' CPU gauges) opens a socket
    // that lives as long as the JVM: once per process, not per server.
    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  @Test
  void aFailedBindThrowsAClearErrorAndLeavesNoThreadOrSocketBehind() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
      long socketsBefore = openSockets();

      assertThatThrownBy(() -> start(config(taken.getLocalPort())))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort());

      awaitNothingLeftSince(before, socketsBefore);
    }
  }

  @Test
  void aFailedBindInAClusterLeavesNoHeartbeatBehind() throws IOException {
    try (TestCluster redis = TestCluster.open();
        ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
      long socketsBefore = openSockets();
      RedisSettings settings =
          RedisSettings.of(TestRedis.uri()).withPrefix(redis.prefix()).withNodeTimeout(SETTLE);

      assertThatThrownBy(() -> start(config(taken.getLocalPort()).withRedis(settings)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort());

      // The node beat once at start; it left the live set, so no other node waits for it to die.
      assertThat(redis.sync().zcard(redis.prefix() + "nodes")).isZero();
      awaitNothingLeftSince(before, socketsBefore);
    }
  }

  @Test
  void closingTwiceClosesOnce() throws IOException {
    Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
    long socketsBefore = openSockets();
    HeraldServer server = start(config(0));
    server.close();

    assertThatCode(server::close).doesNotThrowAnyException();
    awaitNothingLeftSince(before, socketsBefore);
  }

  @Test
  void aClusterNodeWithWebhooksKeepsTimeOnOneTimerThread() throws IOException {
    try (TestCluster redis = TestCluster.open()) {
      Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
      long socketsBefore = openSockets();
      RedisSettings settings =
          RedisSettings.of(TestRedis.uri()).withPrefix(redis.prefix()).withNodeTimeout(SETTLE);
      try (HeraldServer server = start(config(0).withRedis(settings))) {
        assertThat(server.port()).isPositive();
        // Herald's own (Lettuce keeps a timer of its own for its connections).
        assertThat(serverThreadsStartedSince(before))
            .filteredOn(name -> name.startsWith("herald-"))
            .filteredOn(name -> name.contains("timer") || name.contains("heartbeat"))
            .containsExactly("herald-timers");
      }
      awaitNothingLeftSince(before, socketsBefore);
    }
  }

  private static HeraldServer start(ServerConfig config) {
    return HeraldServer.start(config, Clock.systemUTC(), List.of(event -> {}));
  }

  private static ServerConfig config(int port) {
    return ServerConfig.DEFAULTS.withAddress("127.0.0.1", port).withApps(List.of(APP));
  }

  private static void awaitNothingLeftSince(Set<Thread> before, long socketsBefore) {
    await()
        .atMost(SETTLE)
        .untilAsserted(
            () -> {
              assertThat(serverThreadsStartedSince(before)).isEmpty();
              assertThat(openSockets()).isLessThanOrEqualTo(socketsBefore);
            });
  }

  /**
   * The names of live threads started since {@code before} that would keep the JVM alive or belong
   * to the server (Herald's own, Netty's event loops, Lettuce's).
   */
  private static List<String> serverThreadsStartedSince(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> !before.contains(thread) && thread.isAlive())
        .filter(thread -> !thread.getName().startsWith("awaitility"))
        .filter(
            thread ->
                !thread.isDaemon()
                    || thread.getName().startsWith("herald-")
                    || thread.getName().startsWith("lettuce-")
                    || thread.getName().contains("EventLoop"))
        .map(Thread::getName)
        .toList();
  }

  /** Sockets this process holds open (Linux: {@code /proc/self/fd}). */
  private static long openSockets() throws IOException {
    Path fds = Path.of("/proc/self/fd");
    assumeThat(Files.isDirectory(fds)).as("/proc/self/fd lists open files").isTrue();
    try (Stream<Path> all = Files.list(fds)) {
      return all.filter(HeraldServerStartupIT::isSocket).count();
    }
  }

  private static boolean isSocket(Path fd) {
    try {
      return Files.readSymbolicLink(fd).toString().startsWith("socket:");
    } catch (IOException e) {
      return false; // closed while listing
    }
  }
}
