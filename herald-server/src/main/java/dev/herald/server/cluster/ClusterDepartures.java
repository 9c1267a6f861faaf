package dev.herald.server.cluster;

import dev.herald.server.webhook.DepartureCheck;
import java.util.concurrent.CompletableFuture;

/** Checks a held departure against the cluster's own answers: its occupancy and its members. */
public final class ClusterDepartures implements DepartureCheck {
  private final Cluster cluster;

  public ClusterDepartures(Cluster cluster) {
    this.cluster = cluster;
  }

  @Override
  public CompletableFuture<Boolean> stillGone(String appId, String channel, String userId) {
    if (userId == null) {
      return cluster.occupancy().count(appId, channel).thenApply(count -> count == 0);
    }
    return cluster
        .presence()
        .members(appId, channel)
        .thenApply(members -> members.stream().noneMatch(m -> m.userId().equals(userId)));
  }
}
