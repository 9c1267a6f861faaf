package dev.herald.server.netty;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Server-wide limits on sockets, applied before any app is known: against slowloris, connection
 * floods from one address and oversized request heads.
 *
 * @param handshakeTimeout time a socket has to finish its TLS handshake and send a complete HTTP
 *     request (a WebSocket upgrade or an API call); closed beyond it
 * @param maxHeaderBytes the largest HTTP request head (431 beyond; the request line alone: 414)
 * @param maxConnectionsPerIp WebSocket connections one client address may hold at once; 0 means
 *     unlimited (4100 beyond)
 * @param newConnectionsPerIpPerSecond WebSocket connections one client address may open per second,
 *     in bursts of as many; 0 means unlimited (4100 beyond)
 * @param trustedProxies the proxies (addresses or CIDR ranges) whose {@code X-Forwarded-For} names
 *     the client; everyone else's is ignored
 */
public record ConnectionLimits(
    Duration handshakeTimeout,
    int maxHeaderBytes,
    int maxConnectionsPerIp,
    int newConnectionsPerIpPerSecond,
    List<String> trustedProxies) {

  /**
   * Ten seconds to connect; 8 KiB of headers (as nginx and Netty); 1,000 connections and 50 new
   * ones a second per address (room for an office behind one NAT); loopback and private networks
   * trusted as proxies, where load balancers live.
   */
  public static final ConnectionLimits DEFAULTS =
      new ConnectionLimits(
          Duration.ofSeconds(10),
          8 * 1024,
          1000,
          50,
          List.of(
              "127.0.0.0/8",
              "::1/128",
              "10.0.0.0/8",
              "172.16.0.0/12",
              "192.168.0.0/16",
              "fc00::/7"));

  public ConnectionLimits {
    Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
    trustedProxies = List.copyOf(trustedProxies);
    if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
      throw new IllegalArgumentException(
          "handshake timeout must be positive, was " + handshakeTimeout.toSeconds() + " s");
    }
    if (maxHeaderBytes < 1024) {
      throw new IllegalArgumentException(
          "max header bytes must be at least 1024, was " + maxHeaderBytes);
    }
    if (maxConnectionsPerIp < 0 || newConnectionsPerIpPerSecond < 0) {
      throw new IllegalArgumentException("per-address limits must be 0 (unlimited) or more");
    }
    ClientAddresses.parse(trustedProxies); // names a proxy that is not an address or range
  }

  /** A copy with other per-address limits. */
  public ConnectionLimits withPerIp(int maxConnections, int newConnectionsPerSecond) {
    return new ConnectionLimits(
        handshakeTimeout, maxHeaderBytes, maxConnections, newConnectionsPerSecond, trustedProxies);
  }
}
