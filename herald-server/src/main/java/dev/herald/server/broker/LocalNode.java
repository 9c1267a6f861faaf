package dev.herald.server.broker;

/** This node, as a broker delivers into it. Thread-safe; never blocks. */
public interface LocalNode {
  /** Hands {@code message} to this node's subscribers of its channel. */
  void deliver(Message message);

  /** Closes this node's connections signed in as the user. */
  void terminate(String appId, String userId);
}
