package dev.herald.redis.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * A private {@code redis-server} child process on a free port of 127.0.0.1, for tests that crash
 * and restart Redis mid-test: {@link #stop()} kills it hard, {@link #start()} brings it back on the
 * same port, empty (it keeps nothing on disk) unless it was stopped with {@link
 * #stopKeepingData()}; {@link #pause()} freezes it (a stalled Redis) until {@link #resume()}. When
 * {@code redis-server} is not on the {@code PATH} the test is skipped, or fails with {@code
 * CI=true}, as {@link TestRedis} does.
 *
 * <pre>{@code
 * try (RedisProcess redis = RedisProcess.startOnFreePort()) {
 *   ... redis.uri() ...
 *   redis.stop();   // Redis crashed
 *   redis.start();  // and is back
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one test drives it. Every wait is bounded.
 */
public final class RedisProcess implements AutoCloseable {
  /** How long Redis may take to answer after starting, or to exit after being killed. */
  static final Duration STARTUP = Duration.ofSeconds(10);

  private final String executable;
  private final Map<String, String> environment;
  private final int port;
  private final Path directory;
  private final Thread killOnExit = new Thread(this::kill, "redis-process-kill");
  private Process process;

  private RedisProcess(
      String executable, Map<String, String> environment, int port, Path directory) {
    this.executable = executable;
    this.environment = environment;
    this.port = port;
    this.directory = directory;
  }

  /**
   * Starts {@code redis-server} on a free port and waits until it answers {@code PING}.
   *
   * @throws IllegalStateException when it does not answer in time (with the end of its log)
   */
  public static RedisProcess startOnFreePort() {
    return startOnFreePort("redis-server", System.getenv());
  }

  static RedisProcess startOnFreePort(String executable, Map<String, String> environment) {
    RedisProcess redis;
    try (ServerSocket socket = new ServerSocket(0)) {
      redis =
          new RedisProcess(
              executable,
              environment,
              socket.getLocalPort(),
              Files.createTempDirectory("herald-redis-"));
    } catch (IOException e) {
      throw new UncheckedIOException("no free port or temporary directory for redis-server", e);
    }
    Runtime.getRuntime().addShutdownHook(redis.killOnExit);
    redis.start();
    return redis;
  }

  /** {@code redis://127.0.0.1:{port}}. */
  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /** The port, the same across restarts. */
  public int port() {
    return port;
  }

  /** Whether the process is running. */
  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /**
   * Starts Redis again on the same port (a no-op while it runs) and waits until it answers.
   *
   * @throws IllegalStateException when it does not answer in time (with the end of its log)
   */
  public void start() {
    if (isRunning()) {
      return;
    }
    Path log = directory.resolve("redis.log");
    ProcessBuilder command =
        new ProcessBuilder(
                executable,
                "--port",
                String.valueOf(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                directory.toString())
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    try {
      process = command.start();
    } catch (IOException e) {
      close();
      throw RedisUnavailable.skipOrFail(
          executable + " could not be started (" + e.getMessage() + ")", environment);
    }
    try {
      await("redis-server on port " + port + " answering PING")
          .atMost(STARTUP)
          .pollInterval(Duration.ofMillis(20))
          .failFast("redis-server exited", () -> !process.isAlive())
          .until(() -> RedisPing.problem(uri(), Duration.ofSeconds(1)).isEmpty());
    } catch (ConditionTimeoutException | TerminalFailureException e) {
      kill();
      throw new IllegalStateException(
          "redis-server on port "
              + port
              + " did not answer: "
              + e.getMessage()
              + "; its log:\n"
              + tail(log),
          e);
    }
  }

  /**
   * Kills Redis at once (as a crash would) and waits, bounded, until the process is gone; it starts
   * again empty.
   */
  public void stop() {
    kill();
    try {
      Files.deleteIfExists(directory.resolve("dump.rdb"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot forget Redis's data", e);
    }
  }

  /**
   * Saves every key to disk (SAVE) and kills the server: it starts again with its data, as a Redis
   * with persistence restarts (or as the cluster sees a network outage).
   */
  public void stopKeepingData() {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) STARTUP.toMillis());
      socket
          .getOutputStream()
          .write("SAVE\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      byte[] reply = new byte[3];
      int read = socket.getInputStream().readNBytes(reply, 0, reply.length);
      if (!new String(reply, 0, read, java.nio.charset.StandardCharsets.US_ASCII).equals("+OK")) {
        throw new IllegalStateException("SAVE failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot SAVE", e);
    }
    kill();
  }

  /** Freezes the server (SIGSTOP): connections stay open and nothing answers, as a stall. */
  public void pause() {
    signal("STOP");
  }

  /** Lets a {@link #pause}d server run again (SIGCONT); it answers what waited. */
  public void resume() {
    signal("CONT");
  }

  private void signal(String name) {
    if (!isRunning()) {
      throw new IllegalStateException("redis-server is not running");
    }
    try {
      Process signal = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
      if (!signal.waitFor(5, TimeUnit.SECONDS) || signal.exitValue() != 0) {
        throw new IllegalStateException("kill -" + name + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot signal redis-server", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while signalling redis-server", e);
    }
  }

  /** Kills Redis and deletes its directory. Idempotent. */
  @Override
  public void close() {
    kill();
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down; the hook runs anyway.
    }
    deleteDirectory();
  }

  private void kill() {
    if (process == null) {
      return;
    }
    if (process.isAlive()) {
      try {
        new ProcessBuilder("kill", "-CONT", Long.toString(process.pid()))
            .start()
            .waitFor(5, TimeUnit.SECONDS);
      } catch (IOException e) {
        // A paused process is killed by SIGKILL all the same.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    process.destroyForcibly();
    try {
      if (!process.waitFor(STARTUP.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("redis-server on port " + port + " did not exit");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while killing redis-server", e);
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private void deleteDirectory() {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // A leftover temporary directory does no harm; the process is gone either way.
    }
  }
}
