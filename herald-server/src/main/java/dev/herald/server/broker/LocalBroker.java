package dev.herald.server.broker;

import dev.herald.server.channel.ChannelRegistry;

/** The single-node broker: a loopback straight into this node's channel registry. */
public final class LocalBroker implements Broker {
  private final ChannelRegistry channels;

  public LocalBroker(ChannelRegistry channels) {
    this.channels = channels;
  }

  @Override
  public void publish(Message message) {
    channels.deliver(message.appId(), message.channel(), message.json(), message.exceptSocketId());
  }
}
