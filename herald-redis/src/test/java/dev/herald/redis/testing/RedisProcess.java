package dev.herald.redis.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

/**
 * A private {@code redis-server} for one test, on a free port, that the test may kill and start
 * again on the same port (a Redis crash or restart; it keeps nothing on disk, so a restart loses
 * every key, as a real restart without persistence does).
 */
public final class RedisProcess implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

  private final int port;
  private Process process;

  private RedisProcess(int port) {
    this.port = port;
  }

  /** Starts a Redis on a free port (skips or fails like {@link TestRedis} without redis-server). */
  public static RedisProcess start() {
    RedisProcess redis = new RedisProcess(freePort());
    redis.startAgain();
    return redis;
  }

  /** The URL of this Redis. */
  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /** The port. */
  public int port() {
    return port;
  }

  /** Kills the server at once, as a crash would. */
  public void stop() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
  }

  /** Starts the server again on the same port, empty, and waits until it answers. */
  public void startAgain() {
    if (process != null) {
      return;
    }
    List<String> command =
        List.of(
            "redis-server",
            "--port",
            Integer.toString(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no");
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(
                  new File(System.getProperty("java.io.tmpdir"), "redis-" + port + ".log"))
              .start();
    } catch (IOException e) {
      TestRedis.unavailable("cannot start redis-server: " + e.getMessage());
      return;
    }
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!TestRedis.answersPing("127.0.0.1", port)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("redis-server exited with " + process.exitValue());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("redis-server did not answer within " + START_TIMEOUT);
      }
      Thread.onSpinWait();
    }
  }

  @Override
  public void close() {
    stop();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }
}
