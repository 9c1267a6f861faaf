package dev.herald.server.protocol;

import dev.herald.server.broker.LocalNode;
import dev.herald.server.broker.Message;
import dev.herald.server.channel.ChannelRegistry;

/** This node as brokers deliver into it: its channel registry and its signed-in connections. */
public final class NodeDelivery implements LocalNode {
  private final ChannelRegistry channels;
  private final SignedInUsers signedIn;

  public NodeDelivery(ChannelRegistry channels, SignedInUsers signedIn) {
    this.channels = channels;
    this.signedIn = signedIn;
  }

  @Override
  public void deliver(Message message) {
    channels.deliver(message.appId(), message.channel(), message.json(), message.exceptSocketId());
  }

  @Override
  public void terminate(String appId, String userId) {
    signedIn.terminate(appId, userId, SignedInUsers.TERMINATED);
  }
}
