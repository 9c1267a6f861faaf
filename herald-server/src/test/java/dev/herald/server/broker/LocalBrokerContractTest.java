package dev.herald.server.broker;

class LocalBrokerContractTest extends BrokerContract {
  @Override
  protected Broker newBroker(LocalNode node) {
    return new LocalBroker(node);
  }
}
