package dev.herald.server.protocol;

/**
 * Server-wide protocol settings.
 *
 * @param activityTimeoutSeconds sent in {@code connection_established}; also how long the server
 *     waits in silence before it pings
 * @param pongTimeoutSeconds how long after its ping the server waits before closing with 4201
 * @param minProtocol the lowest accepted {@code protocol} query value
 * @param maxProtocol the highest accepted {@code protocol} query value
 */
public record ProtocolSettings(
    int activityTimeoutSeconds, int pongTimeoutSeconds, int minProtocol, int maxProtocol) {

  /** 30 s activity timeout (below common proxy idle timeouts), 30 s pong wait, protocols 4–7. */
  public static final ProtocolSettings DEFAULTS = new ProtocolSettings(30, 30, 4, 7);

  public ProtocolSettings {
    if (activityTimeoutSeconds < 1 || pongTimeoutSeconds < 1) {
      throw new IllegalArgumentException("activity and pong timeouts must be at least 1 second");
    }
    if (minProtocol > maxProtocol) {
      throw new IllegalArgumentException("minProtocol is above maxProtocol");
    }
  }
}
