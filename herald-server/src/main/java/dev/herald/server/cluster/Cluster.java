package dev.herald.server.cluster;

import dev.herald.server.broker.Broker;
import dev.herald.server.broker.LocalBroker;
import dev.herald.server.broker.LocalNode;
import dev.herald.server.cache.CacheStore;
import dev.herald.server.cache.MemoryCacheStore;
import dev.herald.server.channel.MemoryOccupancyStore;
import dev.herald.server.channel.OccupancyStore;
import dev.herald.server.presence.MemoryOnlineUserStore;
import dev.herald.server.presence.MemoryPresenceStore;
import dev.herald.server.presence.OnlineUserStore;
import dev.herald.server.presence.PresenceStore;
import java.util.Objects;

/**
 * What the nodes of a cluster share: the broker that carries every publish to every node, and the
 * stores whose answers must be the cluster's (presence members, subscriber counts, signed-in users,
 * cache channels). In memory for a single node; on Redis for many.
 *
 * @param broker carries publishes and terminations to every node
 * @param presence presence members
 * @param occupancy subscriber counts per channel
 * @param onlineUsers signed-in users (watchlists)
 * @param cache the last event of each cache channel
 */
public record Cluster(
    Broker broker,
    PresenceStore presence,
    OccupancyStore occupancy,
    OnlineUserStore onlineUsers,
    CacheStore cache) {
  public Cluster {
    Objects.requireNonNull(broker, "broker");
    Objects.requireNonNull(presence, "presence");
    Objects.requireNonNull(occupancy, "occupancy");
    Objects.requireNonNull(onlineUsers, "onlineUsers");
    Objects.requireNonNull(cache, "cache");
  }

  /** One node with everything in memory. */
  public static Cluster singleNode(LocalNode node) {
    return new Cluster(
        new LocalBroker(node),
        new MemoryPresenceStore(),
        new MemoryOccupancyStore(),
        new MemoryOnlineUserStore(),
        new MemoryCacheStore());
  }
}
