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
   * @param forwarded whether a proxy forwarded the request ({@code X-Forwarded-For}, {@code
   *     Forwarded}), so that the peer is not the client
   */
  public Optional<String> refusal(String authorization, InetAddress peer, boolean forwarded) {
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
    if (peer == null || !peer.isLoopbackAddress() || forwarded) {
      return Optional.of(
          "Without an admin_token the debug console answers loopback clients only;"
              + " set admin_token to use it from elsewhere");
    }
    return Optional.empty();
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
