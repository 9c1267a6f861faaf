package dev.herald.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.ChannelAttribute;
import dev.herald.pusher.ChannelName;
import dev.herald.pusher.ChannelType;
import dev.herald.pusher.PusherJson;
import dev.herald.server.app.App;
import dev.herald.server.cache.CacheStore;
import dev.herald.server.cache.CachedEvent;
import dev.herald.server.channel.OccupancyStore;
import dev.herald.server.presence.Member;
import dev.herald.server.presence.PresenceStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The channel queries of §1.11: {@code GET /apps/{app_id}/channels}, {@code …/channels/{channel}}
 * and {@code …/channels/{channel}/users}. Counts and members are the cluster's: they come from the
 * occupancy and presence stores. Thread-safe; never blocks.
 */
final class ChannelsEndpoint {
  static final String CHANNEL = "channel";
  static final String FILTER_BY_PREFIX = "filter_by_prefix";

  private final OccupancyStore occupancy;
  private final PresenceStore presence;
  private final ChannelInfo info;
  private final CacheStore cache;
  private final Clock clock;

  ChannelsEndpoint(
      OccupancyStore occupancy,
      PresenceStore presence,
      ChannelInfo info,
      CacheStore cache,
      Clock clock) {
    this.occupancy = occupancy;
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
  CompletableFuture<ApiResponse> list(ApiCall call) {
    App app = call.app();
    String prefix = call.request().param(FILTER_BY_PREFIX);
    Set<ChannelAttribute> wanted =
        InfoParameter.parse(call.request().joinedParam(InfoParameter.NAME), InfoParameter.NAME);
    if (wanted.contains(ChannelAttribute.CACHE)) {
      throw ApiException.badRequest("info=cache is answered per channel: GET /channels/{channel}");
    }
    if (wanted.contains(ChannelAttribute.USER_COUNT)
        && (prefix == null || !prefix.startsWith(ChannelType.PRESENCE_PREFIX))) {
      throw ApiException.badRequest(
          "info=user_count needs filter_by_prefix to start with '"
              + ChannelType.PRESENCE_PREFIX
              + "': only presence channels have users");
    }
    return occupancy
        .channels(app.id())
        .thenCompose(
            occupied -> {
              List<String> names = new ArrayList<>();
              List<CompletableFuture<ObjectNode>> answers = new ArrayList<>();
              for (Map.Entry<String, Integer> entry : occupied.entrySet()) {
                String channel = entry.getKey();
                if (channel.startsWith("#") || (prefix != null && !channel.startsWith(prefix))) {
                  continue;
                }
                names.add(channel);
                answers.add(info.attributes(app.id(), channel, wanted, entry.getValue()));
              }
              return Answers.all(answers)
                  .thenApply(
                      nodes -> {
                        ObjectNode response = PusherJson.mapper().createObjectNode();
                        ObjectNode listed = response.putObject("channels");
                        for (int i = 0; i < names.size(); i++) {
                          listed.set(names.get(i), nodes.get(i));
                        }
                        return ApiResponse.ok(response);
                      });
            });
  }

  /**
   * One channel: {@code {"occupied": bool, "user_count"?: n, "subscription_count"?: n, "cache"?:
   * {"data", "ttl"}}} ({@code cache} only when something is cached). Asking for {@code user_count}
   * of a non-presence channel is a 400, as Pusher. A presence channel is occupied while it has
   * subscribers here or users in the presence store.
   */
  CompletableFuture<ApiResponse> show(ApiCall call) {
    App app = call.app();
    String channel = ChannelInfo.requireValid(call.pathParam(CHANNEL), "path");
    Set<ChannelAttribute> wanted =
        InfoParameter.parse(call.request().joinedParam(InfoParameter.NAME), InfoParameter.NAME);
    boolean isPresence = ChannelInfo.isPresence(channel);
    if (wanted.contains(ChannelAttribute.USER_COUNT) && !isPresence) {
      throw ApiException.badRequest(
          "info=user_count applies only to presence channels, and '" + channel + "' is not one");
    }
    if (wanted.contains(ChannelAttribute.CACHE) && !ChannelName.isCache(channel)) {
      throw ApiException.badRequest(
          "info=cache applies only to cache channels, and '" + channel + "' is not one");
    }
    long now = clock.millis();
    CompletableFuture<Integer> subscriptions = info.subscriptionCount(app.id(), channel);
    CompletableFuture<Integer> users =
        isPresence ? info.userCount(app.id(), channel) : CompletableFuture.completedFuture(0);
    var cached =
        wanted.contains(ChannelAttribute.CACHE)
            ? cache.find(app.id(), channel, now)
            : CompletableFuture.completedFuture(Optional.<CachedEvent>empty());
    return CompletableFuture.allOf(subscriptions, users, cached)
        .thenCompose(done -> info.attributes(app.id(), channel, wanted, subscriptions.join()))
        .thenApply(
            attributes -> {
              ObjectNode response = PusherJson.mapper().createObjectNode();
              response.put("occupied", subscriptions.join() > 0 || users.join() > 0);
              response.setAll(attributes);
              cached
                  .join()
                  .ifPresent(
                      event ->
                          response
                              .putObject("cache")
                              .put("data", event.data())
                              .put("ttl", event.ttlSeconds(now)));
              return ApiResponse.ok(response);
            });
  }

  /** The users of a presence channel, one per {@code user_id}: {@code {"users": [{"id"}]}}. */
  CompletableFuture<ApiResponse> users(ApiCall call) {
    App app = call.app();
    String channel = ChannelInfo.requireValid(call.pathParam(CHANNEL), "path");
    if (!ChannelInfo.isPresence(channel)) {
      throw ApiException.badRequest(
          "'" + channel + "' is not a presence channel; only presence channels have users");
    }
    return presence
        .members(app.id(), channel)
        .thenApply(
            members -> {
              ObjectNode response = PusherJson.mapper().createObjectNode();
              ArrayNode users = response.putArray("users");
              for (Member member : members) {
                users.addObject().put("id", member.userId());
              }
              return ApiResponse.ok(response);
            });
  }
}
