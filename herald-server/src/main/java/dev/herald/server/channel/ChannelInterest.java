package dev.herald.server.channel;

/**
 * Told when this node's first subscriber of a channel arrives and its last one leaves, so a cluster
 * broker listens to a channel only while the node has subscribers. Called under the registry's lock
 * for the channel, so calls for one channel arrive in order; must not block.
 */
public interface ChannelInterest {
  /** Nobody listens: a single node. */
  ChannelInterest NONE =
      new ChannelInterest() {
        @Override
        public void occupied(String appId, String channel) {}

        @Override
        public void vacated(String appId, String channel) {}
      };

  /** The node's first subscriber of the channel arrived. */
  void occupied(String appId, String channel);

  /** The node's last subscriber of the channel left. */
  void vacated(String appId, String channel);
}
