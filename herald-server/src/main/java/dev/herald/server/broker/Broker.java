package dev.herald.server.broker;

/**
 * Cross-node fan-out. Every publish goes through a broker, so there is one delivery path: on one
 * node it is a loopback into the local channel registry; across nodes it carries the message to
 * every node once. Thread-safe; {@link #publish} never blocks.
 */
public interface Broker extends AutoCloseable {
  /** Delivers {@code message} to the channel's subscribers on every node. */
  void publish(Message message);

  @Override
  default void close() {}
}
