package dev.herald.bench;

import java.util.List;
import java.util.function.IntFunction;

/**
 * What a scenario does with each load-client connection. Callbacks run on the client's event loop
 * and must not block.
 */
interface Behavior {
  /**
   * The frames to send once {@code pusher:connection_established} arrives (usually subscribes). The
   * connection is ready when each has been answered with {@code subscription_succeeded}, or at once
   * when the list is empty.
   */
  List<String> onEstablished(ClientHandler conn, String socketId);

  /** The connection finished its initial subscriptions. */
  default void onReady(ClientHandler conn) {}

  /** A text frame that is neither a benchmark event nor connection_established nor a ping. */
  default void onText(ClientHandler conn, String text, long nowNanos) {}

  /** The connection closed, for whatever reason. */
  default void onClosed(ClientHandler conn) {}

  /** Subscribes connection {@code i} to {@code channels.apply(i)} (signed where needed). */
  static Behavior subscribe(String key, String secret, IntFunction<List<String>> channels) {
    return (conn, socketId) ->
        channels.apply(conn.index()).stream()
            .map(channel -> Subscription.message(key, secret, socketId, channel, null))
            .toList();
  }

  /** Subscribes every connection to one channel. */
  static Behavior subscribe(String key, String secret, String channel) {
    return subscribe(key, secret, i -> List.of(channel));
  }
}
