package dev.herald.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.pusher.ChannelName;
import dev.herald.pusher.ChannelType;
import dev.herald.pusher.PusherJson;
import dev.herald.server.app.App;
import dev.herald.server.cache.CacheStore;
import dev.herald.server.channel.ChannelRegistry;
import dev.herald.server.presence.Member;
import dev.herald.server.presence.PresenceStore;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * The channel queries of §1.11: {@code GET /apps/{app_id}/channels}, {@code …/channels/{channel}}
 * and {@code …/channels/{channel}/users}. Counts come from this node's channel registry and the
 * presence store. Thread-safe; never blocks.
 */
final class ChannelsEndpoint {
  static final String CHANNEL = "channel";
  static final String FILTER_BY_PREFIX = "filter_by_prefix";

  private final ChannelRegistry channels;
  private final PresenceStore presence;
  private final ChannelInfo info;
  private final CacheStore cache;
  private final Clock clock;

  ChannelsEndpoint(
      ChannelRegistry channels,
      PresenceStore presence,
      ChannelInfo info,
      CacheStore cache,
      Clock clock) {
    this.channels = channels;
    this.presence = presence;
    this.info = info;
    this.cache = cache;
    this.clock = clock;
  }

  /**
   * The occupied channels, optionally only those starting with {@code filter_by_prefix}: {@code
   * {"channels": {"<name>": {attributes}}}}. {@code info=user_count} needs a {@code presence-}
   * prefix filter (as Pusher); internal {@code #} channels are not listed.
   */
  ApiResponse list(ApiCall call) {
    App app = call.app();
    String prefix = call.request().param(FILTER_BY_PREFIX);
    Set<Info> wanted = Info.parse(call.request().joinedParam(Info.PARAM), Info.PARAM);
    if (wanted.contains(Info.CACHE)) {
      throw ApiException.badRequest("info=cache is answered per channel: GET /channels/{channel}");
    }
    if (wanted.contains(Info.USER_COUNT)
        && (prefix == null || !prefix.startsWith(ChannelType.PRESENCE_PREFIX))) {
      throw ApiException.badRequest(
          "info=user_count needs filter_by_prefix to start with '"
              + ChannelType.PRESENCE_PREFIX
              + "': only presence channels have users");
    }
    ObjectNode response = PusherJson.mapper().createObjectNode();
    ObjectNode listed = response.putObject("channels");
    for (Map.Entry<String, Integer> entry : channels.channels(app.id()).entrySet()) {
      String channel = entry.getKey();
      if (channel.startsWith("#") || (prefix != null && !channel.startsWith(prefix))) {
        continue;
      }
      listed.set(channel, info.attributes(app.id(), channel, wanted, entry.getValue()));
    }
    return ApiResponse.ok(response);
  }

  /**
   * One channel: {@code {"occupied": bool, "user_count"?: n, "subscription_count"?: n, "cache"?:
   * {"data", "ttl"}}} ({@code cache} only when something is cached). Asking for {@code user_count}
   * of a non-presence channel is a 400, as Pusher. A presence channel is occupied while it has
   * subscribers here or users in the presence store.
   */
  ApiResponse show(ApiCall call) {
    App app = call.app();
    String channel = ChannelInfo.requireValid(call.pathParam(CHANNEL), "path");
    Set<Info> wanted = Info.parse(call.request().joinedParam(Info.PARAM), Info.PARAM);
    boolean isPresence = ChannelInfo.isPresence(channel);
    if (wanted.contains(Info.USER_COUNT) && !isPresence) {
      throw ApiException.badRequest(
          "info=user_count applies only to presence channels, and '" + channel + "' is not one");
    }
    if (wanted.contains(Info.CACHE) && !ChannelName.isCache(channel)) {
      throw ApiException.badRequest(
          "info=cache applies only to cache channels, and '" + channel + "' is not one");
    }
    int subscriptions = info.subscriptionCount(app.id(), channel);
    boolean occupied = subscriptions > 0 || (isPresence && info.userCount(app.id(), channel) > 0);
    ObjectNode response = PusherJson.mapper().createObjectNode();
    response.put("occupied", occupied);
    response.setAll(info.attributes(app.id(), channel, wanted, subscriptions));
    if (wanted.contains(Info.CACHE)) {
      long now = clock.millis();
      cache
          .find(app.id(), channel, now)
          .ifPresent(
              event ->
                  response
                      .putObject("cache")
                      .put("data", event.data())
                      .put("ttl", event.ttlSeconds(now)));
    }
    return ApiResponse.ok(response);
  }

  /** The users of a presence channel, one per {@code user_id}: {@code {"users": [{"id"}]}}. */
  ApiResponse users(ApiCall call) {
    App app = call.app();
    String channel = ChannelInfo.requireValid(call.pathParam(CHANNEL), "path");
    if (!ChannelInfo.isPresence(channel)) {
      throw ApiException.badRequest(
          "'" + channel + "' is not a presence channel; only presence channels have users");
    }
    ObjectNode response = PusherJson.mapper().createObjectNode();
    ArrayNode users = response.putArray("users");
    for (Member member : presence.members(app.id(), channel)) {
      users.addObject().put("id", member.userId());
    }
    return ApiResponse.ok(response);
  }
}
