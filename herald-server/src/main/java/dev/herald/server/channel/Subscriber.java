package dev.herald.server.channel;

/** A receiver of channel broadcasts: a client connection, as the channel registry sees it. */
public interface Subscriber {
  /** The Pusher socket id, for {@code socket_id} exclusion. */
  String socketId();

  /** The loop this subscriber lives on; {@link #deliver} is only called on it. */
  Loop loop();

  /**
   * Queues an encoded frame for this subscriber without blocking, on its loop. The subscriber must
   * retain the frame if it keeps it beyond the call.
   */
  void deliver(Frame frame);
}
