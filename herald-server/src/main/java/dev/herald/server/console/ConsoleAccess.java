package dev.herald.server.console;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Who may use the debug console: with an {@code admin_token}, whoever sends it as {@code
 * Authorization: Bearer <token>} (compared in constant time); without one, in development mode
 * only, clients on a loopback address that no proxy forwarded; otherwise the console is off.
 * Immutable; thread-safe.
 */
public final class ConsoleAccess {
  private static final String BEARER = "Bearer ";

  private final Optional<byte[]> tokenDigest;
  private final boolean development;

  private ConsoleAccess(Optional<byte[]> tokenDigest, boolean development) {
    this.tokenDigest = tokenDigest;
    this.development = development;
  }

  /**
   * @param adminToken the configured admin token, if any
   * @param development whether the server runs the development app
   */
  public static ConsoleAccess of(Optional<String> adminToken, boolean development) {
    return new ConsoleAccess(adminToken.map(ConsoleAccess::digest), development);
  }

  /** Whether the console is served at all: in development mode or with an admin token. */
  public boolean enabled() {
    return development || tokenDigest.isPresent();
  }

  /** Whether the page must ask for the admin token. */
  public boolean loginRequired() {
    return tokenDigest.isPresent();
  }

  /**
   * Why a console API request is refused, or empty when it may go on.
   *
   * @param authorization the request's {@code Authorization} header, or null
   * @param peer the client's end of the connection, or null when unknown
   * @param indirect whether the request may not come straight from a browser on this machine: a
   *     proxy forwarded it ({@code X-Forwarded-For}, {@code Forwarded}), or its {@code Host} is not
   *     a loopback name (a DNS-rebinding page)
   */
  public Optional<String> refusal(String authorization, InetAddress peer, boolean indirect) {
    if (tokenDigest.isPresent()) {
      if (authorization == null || !authorization.startsWith(BEARER)) {
        return Optional.of(
            "The debug console needs the admin token: send Authorization: Bearer <admin_token>");
      }
      byte[] given = digest(authorization.substring(BEARER.length()).trim());
      // Equal-length digests compared in constant time: the answer's timing says nothing.
      return MessageDigest.isEqual(given, tokenDigest.get())
          ? Optional.empty()
          : Optional.of("The admin token is wrong");
    }
    if (!development) {
      return Optional.of("The debug console is off: set admin_token to turn it on");
    }
    if (peer == null || !peer.isLoopbackAddress() || indirect) {
      return Optional.of(
          "Without an admin_token the debug console answers loopback clients only;"
              + " set admin_token to use it from elsewhere");
    }
    return Optional.empty();
  }

  /**
   * Whether a {@code Host} header names this machine's loopback ({@code localhost}, {@code
   * 127.x.x.x}, {@code [::1]}, with or without a port); a missing header counts as loopback (not a
   * browser).
   */
  public static boolean isLoopbackHost(String host) {
    if (host == null) {
      return true;
    }
    String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host;
    int colon = name.startsWith("[") ? -1 : name.lastIndexOf(':');
    if (colon >= 0) {
      name = name.substring(0, colon);
    }
    return name.equalsIgnoreCase("localhost")
        || name.equals("[::1]")
        || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
