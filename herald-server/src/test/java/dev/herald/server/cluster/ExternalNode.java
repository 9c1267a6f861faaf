package dev.herald.server.cluster;

import dev.herald.server.redis.RedisSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Herald node in a JVM of its own, started from the shaded jar as an operator would ({@code java
 * -jar herald-server.jar serve --config …}), so that a test can kill it without any cleanup: no
 * shutdown hook, no last Redis command, no closing frames.
 */
final class ExternalNode implements AutoCloseable {
  /** The shaded jar the {@code package} phase builds; Failsafe runs in the module's directory. */
  static final Path JAR = Path.of("target", "herald-server.jar");

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final Process process;
  private final int port;
  private final Path log;

  private ExternalNode(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Launches a node serving app 1 ({@link ClusterNodes#APP}'s credentials) in the cluster on {@code
   * redis}, sending webhooks to {@code webhookUrl} when not null; returns at once, so the JVM
   * starts while the test does other work. {@link #awaitUp} before use.
   */
  static ExternalNode launch(RedisSettings redis, URI webhookUrl) {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(
          JAR.toAbsolutePath() + " is missing: run the tests with mvn verify (package builds it)");
    }
    int port = freePort();
    try {
      Path dir = Files.createTempDirectory("herald-external-node");
      Path config = dir.resolve("herald.yml");
      Files.writeString(config, yaml(redis, webhookUrl), StandardCharsets.UTF_8);
      Path log = Path.of("target", "external-node-" + port + ".log");
      List<String> command = new ArrayList<>();
      command.add(java());
      command.addAll(List.of("-Xmx128m", "-XX:TieredStopAtLevel=1", "-jar"));
      command.add(JAR.toAbsolutePath().toString());
      command.addAll(
          List.of("serve", "--config", config.toString(), "--port", Integer.toString(port)));
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      // The node reads only its file: HERALD_* variables of the test's environment would win.
      builder.environment().keySet().removeIf(name -> name.startsWith("HERALD_"));
      return new ExternalNode(builder.start(), port, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The node's HTTP and WebSocket port. */
  int port() {
    return port;
  }

  /** Kills the JVM at once (SIGKILL): nothing of the node's cleanup runs. */
  void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the external node did not die within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the JVM (SIGSTOP), as a long GC pause or a frozen VM would; {@link #resume} undoes. */
  void pause() {
    signal("STOP");
  }

  /** Lets a {@link #pause}d JVM run again (SIGCONT). */
  void resume() {
    signal("CONT");
  }

  /** Stops the node gracefully (SIGTERM: the shutdown hook closes the server) and waits. */
  void stop() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the external node did not stop within 20 s; see " + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void signal(String name) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
      if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + name + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  /** Waits until {@code GET /up} answers; returns this node. */
  ExternalNode awaitUp() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    HttpRequest up =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/up"))
            .timeout(Duration.ofSeconds(1))
            .build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the external node exited with " + process.exitValue() + "; see " + log);
      }
      try {
        if (http.send(up, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return this;
        }
      } catch (IOException e) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        process.waitFor(100, TimeUnit.MILLISECONDS); // a bounded pause that ends early on exit
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    close();
    throw new IllegalStateException(
        "the external node did not answer GET /up within " + START_TIMEOUT + "; see " + log);
  }

  private static String yaml(RedisSettings redis, URI webhookUrl) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("host: 127.0.0.1\n");
    yaml.append("redis:\n");
    yaml.append("  url: \"").append(redis.url()).append("\"\n");
    yaml.append("  prefix: \"").append(redis.prefix()).append("\"\n");
    yaml.append("  node_timeout_ms: ").append(redis.nodeTimeout().toMillis()).append('\n');
    yaml.append("apps:\n");
    yaml.append("  - id: \"").append(ClusterNodes.APP.id()).append("\"\n");
    yaml.append("    key: ").append(ClusterNodes.APP.key()).append('\n');
    yaml.append("    secret: ").append(ClusterNodes.APP.secret()).append('\n');
    if (webhookUrl != null) {
      yaml.append("    webhooks:\n");
      yaml.append("      - url: \"").append(webhookUrl).append("\"\n");
      yaml.append("        event_types: [")
          .append(String.join(", ", new java.util.TreeSet<>(ClusterNodes.ONCE_PER_CLUSTER)))
          .append("]\n");
    }
    return yaml.toString();
  }

  /** The {@code java} launcher running these tests, so the node runs on the same JDK. */
  private static String java() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
