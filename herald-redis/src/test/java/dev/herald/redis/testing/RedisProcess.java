package dev.herald.redis.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A private {@code redis-server} for one test, on a free port, that the test may kill and start
 * again on the same port (a Redis crash or restart: a restart loses every key, as a real restart
 * without persistence does, unless the test stopped it with {@link #stopKeepingData}), or freeze.
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
    redis.stop(); // no data of an earlier test on the same port
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

  /** Kills the server at once, as a crash would; it starts again empty. */
  public void stop() {
    kill();
    try {
      Files.deleteIfExists(dump());
    } catch (IOException e) {
      throw new IllegalStateException("cannot delete " + dump(), e);
    }
  }

  /**
   * Saves every key to disk (SAVE) and kills the server: it starts again with its data, as a Redis
   * with persistence restarts (or as the cluster sees a network outage).
   */
  public void stopKeepingData() {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) START_TIMEOUT.toMillis());
      socket.getOutputStream().write("SAVE\r\n".getBytes(StandardCharsets.US_ASCII));
      byte[] reply = new byte[3];
      int read = socket.getInputStream().readNBytes(reply, 0, reply.length);
      if (!new String(reply, 0, read, StandardCharsets.US_ASCII).equals("+OK")) {
        throw new IllegalStateException("SAVE failed");
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot SAVE", e);
    }
    kill();
  }

  private Path dump() {
    return Path.of(System.getProperty("java.io.tmpdir"), "herald-redis-" + port + ".rdb");
  }

  private void kill() {
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

  /**
   * Freezes the server (SIGSTOP), as a long fork, swap storm or VM pause would: connections stay
   * open, commands wait for an answer; {@link #resume} undoes.
   */
  public void pause() {
    signal("STOP");
  }

  /** Lets a {@link #pause}d server run again (SIGCONT); it answers what waited. */
  public void resume() {
    signal("CONT");
  }

  private void signal(String name) {
    if (process == null) {
      throw new IllegalStateException("redis-server is not running");
    }
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
      if (!kill.waitFor(5, java.util.concurrent.TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + name + " failed");
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot signal redis-server", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Starts the server again on the same port, empty (or with the data {@link #stopKeepingData}
   * kept), and waits until it answers.
   */
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
            "no",
            "--dir",
            dump().getParent().toString(),
            "--dbfilename",
            dump().getFileName().toString());
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
