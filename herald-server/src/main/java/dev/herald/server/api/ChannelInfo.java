package dev.herald.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.pusher.ChannelName;
import dev.herald.pusher.ChannelType;
import dev.herald.pusher.PusherJson;
import dev.herald.server.channel.ChannelRegistry;
import dev.herald.server.presence.PresenceStore;
import java.util.Optional;
import java.util.Set;

/**
 * Answers the {@code info} attributes of a channel from this node's channel registry ({@code
 * subscription_count}) and the presence store ({@code user_count}, presence channels only).
 * Thread-safe; never blocks.
 */
final class ChannelInfo {
  private final ChannelRegistry channels;
  private final PresenceStore presence;

  ChannelInfo(ChannelRegistry channels, PresenceStore presence) {
    this.channels = channels;
    this.presence = presence;
  }

  /**
   * The requested attributes of {@code channel} as a JSON object; {@code user_count} is written
   * only for presence channels (callers decide whether asking for it elsewhere is an error).
   */
  ObjectNode attributes(String appId, String channel, Set<Info> info) {
    return attributes(appId, channel, info, channels.subscriptionCount(appId, channel));
  }

  /** As {@link #attributes(String, String, Set)}, with a subscription count already known. */
  ObjectNode attributes(String appId, String channel, Set<Info> info, int subscriptionCount) {
    ObjectNode node = PusherJson.mapper().createObjectNode();
    if (info.contains(Info.USER_COUNT) && isPresence(channel)) {
      node.put(Info.USER_COUNT.field, presence.userCount(appId, channel));
    }
    if (info.contains(Info.SUBSCRIPTION_COUNT)) {
      node.put(Info.SUBSCRIPTION_COUNT.field, subscriptionCount);
    }
    return node;
  }

  /** The local subscriber count of the channel (0 when unoccupied). */
  int subscriptionCount(String appId, String channel) {
    return channels.subscriptionCount(appId, channel);
  }

  /** The distinct users of a presence channel. */
  int userCount(String appId, String channel) {
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
