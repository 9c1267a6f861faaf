package dev.herald.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.ChannelAttribute;
import dev.herald.pusher.ChannelName;
import dev.herald.pusher.ChannelType;
import dev.herald.pusher.PusherJson;
import dev.herald.server.channel.OccupancyStore;
import dev.herald.server.presence.PresenceStore;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Answers the {@code info} attributes of a channel from the cluster's subscriber counts ({@code
 * subscription_count}) and presence store ({@code user_count}, presence channels only).
 * Thread-safe; never blocks.
 */
final class ChannelInfo {
  private static final CompletableFuture<Integer> NOT_ASKED = CompletableFuture.completedFuture(0);

  private final OccupancyStore occupancy;
  private final PresenceStore presence;

  ChannelInfo(OccupancyStore occupancy, PresenceStore presence) {
    this.occupancy = occupancy;
    this.presence = presence;
  }

  /**
   * The requested attributes of {@code channel} as a JSON object; {@code user_count} is written
   * only for presence channels (callers decide whether asking for it elsewhere is an error).
   */
  CompletableFuture<ObjectNode> attributes(
      String appId, String channel, Set<ChannelAttribute> info) {
    CompletableFuture<Integer> subscriptions =
        info.contains(ChannelAttribute.SUBSCRIPTION_COUNT)
            ? subscriptionCount(appId, channel)
            : NOT_ASKED;
    return subscriptions.thenCompose(count -> attributes(appId, channel, info, count));
  }

  /** As {@link #attributes(String, String, Set)}, with a subscription count already known. */
  CompletableFuture<ObjectNode> attributes(
      String appId, String channel, Set<ChannelAttribute> info, int subscriptionCount) {
    boolean users = info.contains(ChannelAttribute.USER_COUNT) && isPresence(channel);
    CompletableFuture<Integer> userCount = users ? userCount(appId, channel) : NOT_ASKED;
    return userCount.thenApply(
        count -> {
          ObjectNode node = PusherJson.mapper().createObjectNode();
          if (users) {
            node.put(ChannelAttribute.USER_COUNT.field(), count);
          }
          if (info.contains(ChannelAttribute.SUBSCRIPTION_COUNT)) {
            node.put(ChannelAttribute.SUBSCRIPTION_COUNT.field(), subscriptionCount);
          }
          return node;
        });
  }

  /** The cluster's subscriber count of the channel (0 when unoccupied). */
  CompletableFuture<Integer> subscriptionCount(String appId, String channel) {
    return occupancy.count(appId, channel);
  }

  /** The distinct users of a presence channel. */
  CompletableFuture<Integer> userCount(String appId, String channel) {
    return presence.userCount(appId, channel);
  }

  static boolean isPresence(String channel) {
    return ChannelType.of(channel) == ChannelType.PRESENCE;
  }

  /** A valid channel name or a 400 naming it, where it came from and what is wrong with it. */
  static String requireValid(String channel, String where) {
    return require(channel, where, ChannelName.problem(channel));
  }

  /** As {@link #requireValid}, also allowing {@code #server-to-user-{id}} (send to user, §1.7). */
  static String requireValidTarget(String channel, String where) {
    return require(channel, where, ChannelName.publishProblem(channel));
  }

  private static String require(String channel, String where, Optional<String> problem) {
    problem.ifPresent(
        reason -> {
          throw ApiException.badRequest(
              "Invalid channel '"
                  + ApiException.printable(channel == null ? "" : channel)
                  + "' in '"
                  + where
                  + "': "
                  + reason);
        });
    return channel;
  }
}
