package dev.herald.server.protocol;

import dev.herald.server.app.App;
import dev.herald.server.channel.Subscriber;

/**
 * One client socket as the protocol sees it. Implemented by the transport (Netty) and by a fake in
 * tests. All methods are called on the connection's loop and never block.
 */
public interface Connection extends Subscriber {
  /** The app this socket connected to. */
  App app();

  /** The protocol's per-connection state. */
  ConnectionState state();

  /** Sends one JSON message to this client only. */
  void send(String json);

  /**
   * Asks the client for a sign of life: sends {@code pingJson} ({@code pusher:ping}) and, where the
   * transport has them, a WebSocket control ping too, which every WebSocket library answers by
   * itself (pusher-java-client, for one, never answers {@code pusher:ping}).
   */
  void ping(String pingJson);

  /**
   * Sends {@code pusher:error} with the error's code and {@code message}, then closes the socket
   * with that code. Idempotent.
   */
  void close(PusherError error, String message);
}
