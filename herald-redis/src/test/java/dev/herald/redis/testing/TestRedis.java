package dev.herald.redis.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The Redis that tests use: {@code HERALD_TEST_REDIS} (default {@code redis://127.0.0.1:6379}).
 * When it does not answer, a test is skipped with a message on a developer machine, and fails when
 * {@code CI=true} (design.md, tests item 6): CI must never pass without having run them.
 */
public final class TestRedis {
  static final String DEFAULT = "redis://127.0.0.1:6379";

  private TestRedis() {}

  /** The test Redis URL, once it answered PING. */
  public static String uri() {
    String uri = System.getenv().getOrDefault("HERALD_TEST_REDIS", DEFAULT);
    URI parsed = URI.create(uri);
    int port = parsed.getPort() < 0 ? 6379 : parsed.getPort();
    if (!answersPing(parsed.getHost(), port)) {
      unavailable("no Redis answers at " + uri + " (set HERALD_TEST_REDIS or start redis-server)");
    }
    return uri;
  }

  /** A prefix no other test uses, so tests never see each other's keys. */
  public static String uniquePrefix() {
    return "herald-test:" + UUID.randomUUID().toString().substring(0, 8) + ":";
  }

  /** Skips the test, or fails it on CI. */
  static void unavailable(String why) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError("Redis is required in CI: " + why);
    }
    Assumptions.abort("Redis tests skipped: " + why);
  }

  /** Whether a Redis answers PING at host:port within 2 s. */
  static boolean answersPing(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 2000);
      socket.setSoTimeout(2000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = new byte[7];
      int read = in.readNBytes(reply, 0, reply.length);
      return new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }
}
