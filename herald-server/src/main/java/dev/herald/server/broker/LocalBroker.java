package dev.herald.server.broker;

/** The single-node broker: a loopback straight into this node. */
public final class LocalBroker implements Broker {
  private final LocalNode node;

  public LocalBroker(LocalNode node) {
    this.node = node;
  }

  @Override
  public void publish(Message message) {
    node.deliver(message);
  }

  @Override
  public void terminate(String appId, String userId) {
    node.terminate(appId, userId);
  }
}
