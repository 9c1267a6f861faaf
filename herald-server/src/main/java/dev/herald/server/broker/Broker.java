package dev.herald.server.broker;

import java.util.concurrent.CompletableFuture;

/**
 * Cross-node fan-out. Every publish goes through a broker, so there is one delivery path: on one
 * node it is a loopback into the local channel registry; across nodes it carries the message to
 * every node once. Thread-safe; never blocks.
 */
public interface Broker extends AutoCloseable {
  /** Delivers {@code message} to the channel's subscribers on every node. */
  void publish(Message message);

  /**
   * Closes every connection signed in as the user, on every node, with 4009 (the HTTP API's {@code
   * terminate_connections}, protocol reference §1.7).
   */
  void terminate(String appId, String userId);

  /**
   * Completes once messages published anywhere to the channel reach this node: at once on one node;
   * across nodes, when the node's subscription to the channel is confirmed (or has failed, so that
   * nothing waits forever). A subscription is confirmed to the client only after this.
   */
  default CompletableFuture<Void> listening(String appId, String channel) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  default void close() {}
}
