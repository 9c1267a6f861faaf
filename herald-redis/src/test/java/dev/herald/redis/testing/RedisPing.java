package dev.herald.redis.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Asks a Redis whether it answers: {@code AUTH} when the URI has a password, then {@code PING},
 * over a plain socket with a bounded connect and read time. Takes {@code
 * redis://[[user:]password@]host [:port][/db]} URIs.
 */
final class RedisPing {
  private RedisPing() {}

  /** Why {@code uri} does not answer {@code PING} within {@code timeout}, or empty when it does. */
  static Optional<String> problem(String uri, Duration timeout) {
    URI parsed;
    try {
      parsed = URI.create(uri);
    } catch (IllegalArgumentException e) {
      return Optional.of("'" + uri + "' is not a URI");
    }
    if (!"redis".equals(parsed.getScheme()) || parsed.getHost() == null) {
      return Optional.of("'" + uri + "' is not a redis://host:port URI");
    }
    String where = parsed.getHost() + ":" + (parsed.getPort() < 0 ? 6379 : parsed.getPort());
    int millis = (int) timeout.toMillis();
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(parsed.getHost(), parsed.getPort() < 0 ? 6379 : parsed.getPort()),
          millis);
      socket.setSoTimeout(millis);
      OutputStream out = socket.getOutputStream();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      List<String> auth = auth(parsed.getUserInfo());
      if (!auth.isEmpty()) {
        out.write(command(auth));
        String reply = in.readLine();
        if (!"+OK".equals(reply)) {
          return Optional.of("Redis at " + where + " refused AUTH: " + reply);
        }
      }
      out.write(command(List.of("PING")));
      String reply = in.readLine();
      return "+PONG".equals(reply)
          ? Optional.empty()
          : Optional.of("Redis at " + where + " answered PING with " + reply);
    } catch (IOException e) {
      return Optional.of("no Redis answers at " + where + " (" + e.getMessage() + ")");
    }
  }

  /** AUTH's arguments for the URI's user info ({@code password} or {@code user:password}). */
  private static List<String> auth(String userInfo) {
    if (userInfo == null || userInfo.isEmpty()) {
      return List.of();
    }
    int colon = userInfo.indexOf(':');
    List<String> command = new ArrayList<>(List.of("AUTH"));
    if (colon < 0) {
      command.add(userInfo);
    } else if (colon == 0) {
      command.add(userInfo.substring(1));
    } else {
      command.add(userInfo.substring(0, colon));
      command.add(userInfo.substring(colon + 1));
    }
    return command;
  }

  /** A command as a RESP array of bulk strings. */
  private static byte[] command(List<String> words) {
    StringBuilder resp = new StringBuilder("*").append(words.size()).append("\r\n");
    for (String word : words) {
      byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
      resp.append('$').append(bytes.length).append("\r\n").append(word).append("\r\n");
    }
    return resp.toString().getBytes(StandardCharsets.UTF_8);
  }
}
