package dev.herald.server.netty;

import java.util.Objects;
import java.util.Optional;

/**
 * Transport settings.
 *
 * @param host the address to bind
 * @param port the port to bind; 0 picks a free one
 * @param eventLoopThreads worker threads; 0 means one per available core
 * @param maxMessageBytes the largest WebSocket message a client may send (1009 beyond)
 * @param maxRequestBytes the largest HTTP request body (413 beyond)
 * @param maxOutboundBytes unsent bytes a client may accumulate before it is closed with 4100
 * @param livenessCheckMillis how often each loop checks its connections' liveness
 * @param tls the certificate for wss:// and https://; empty for plain ws:// and http://
 * @param connectionLimits handshake timeout, header size and per-address limits
 */
public record NettySettings(
    String host,
    int port,
    int eventLoopThreads,
    int maxMessageBytes,
    int maxRequestBytes,
    long maxOutboundBytes,
    long livenessCheckMillis,
    Optional<TlsSettings> tls,
    ConnectionLimits connectionLimits) {
  public NettySettings {
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(connectionLimits, "connectionLimits");
  }
}
