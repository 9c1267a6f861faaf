package dev.herald.server.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.pusher.PusherJson;
import dev.herald.server.lifecycle.LifecycleEvent;
import dev.herald.server.lifecycle.LifecycleEvent.CacheMiss;
import dev.herald.server.lifecycle.LifecycleEvent.ChannelOccupied;
import dev.herald.server.lifecycle.LifecycleEvent.ChannelVacated;
import dev.herald.server.lifecycle.LifecycleEvent.ClientEventSent;
import dev.herald.server.lifecycle.LifecycleEvent.MemberAdded;
import dev.herald.server.lifecycle.LifecycleEvent.MemberRemoved;
import dev.herald.server.lifecycle.LifecycleEvent.SubscriptionCountChanged;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a webhook's {@code events} array (protocol reference §1.12). Immutable; fields a
 * kind of event does not carry are null.
 *
 * @param name {@code channel_occupied}, {@code channel_vacated}, {@code member_added}, {@code
 *     member_removed}, {@code client_event}, {@code cache_miss} or {@code subscription_count}
 * @param channel the channel it happened on
 * @param userId the presence member ({@code member_*}), or the sender of a client event on a
 *     presence channel
 * @param event the client event's name ({@code client_event} only)
 * @param data the client event's data as JSON text ({@code client_event} only); sent as a string,
 *     as Pusher does, so receivers decode it like any other event data
 * @param socketId the client event's sender ({@code client_event} only)
 * @param subscriptionCount the channel's subscriber count ({@code subscription_count} only)
 */
public record WebhookEvent(
    String name,
    String channel,
    String userId,
    String event,
    String data,
    String socketId,
    Integer subscriptionCount) {

  static final String CHANNEL_OCCUPIED = "channel_occupied";
  static final String CHANNEL_VACATED = "channel_vacated";
  static final String MEMBER_ADDED = "member_added";
  static final String MEMBER_REMOVED = "member_removed";
  static final String CLIENT_EVENT = "client_event";
  static final String CACHE_MISS = "cache_miss";
  static final String SUBSCRIPTION_COUNT = "subscription_count";

  public WebhookEvent {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(channel, "channel");
  }

  /**
   * The webhook event for a lifecycle event; empty for the events webhooks do not report
   * (connections opened and closed, single subscriptions).
   */
  public static Optional<WebhookEvent> of(LifecycleEvent e) {
    WebhookEvent result = null;
    if (e instanceof ChannelOccupied o) {
      result = channel(CHANNEL_OCCUPIED, o.channel());
    } else if (e instanceof ChannelVacated v) {
      result = channel(CHANNEL_VACATED, v.channel());
    } else if (e instanceof MemberAdded a) {
      result = member(MEMBER_ADDED, a.channel(), a.userId());
    } else if (e instanceof MemberRemoved r) {
      result = member(MEMBER_REMOVED, r.channel(), r.userId());
    } else if (e instanceof ClientEventSent c) {
      result =
          new WebhookEvent(
              CLIENT_EVENT, c.channel(), c.userId(), c.event(), c.data(), c.socketId(), null);
    } else if (e instanceof CacheMiss m) {
      result = channel(CACHE_MISS, m.channel());
    } else if (e instanceof SubscriptionCountChanged s) {
      result = new WebhookEvent(SUBSCRIPTION_COUNT, s.channel(), null, null, null, null, s.count());
    }
    return Optional.ofNullable(result);
  }

  private static WebhookEvent channel(String name, String channel) {
    return new WebhookEvent(name, channel, null, null, null, null, null);
  }

  private static WebhookEvent member(String name, String channel, String userId) {
    return new WebhookEvent(name, channel, userId, null, null, null, null);
  }

  /** Whether this event waits for the comeback delay before it is sent. */
  boolean isDeparture() {
    return name.equals(CHANNEL_VACATED) || name.equals(MEMBER_REMOVED);
  }

  /** Whether this event cancels a delayed departure of the same channel (and user). */
  boolean isArrival() {
    return name.equals(CHANNEL_OCCUPIED) || name.equals(MEMBER_ADDED);
  }

  /** Adds this event's fields, in Pusher's order, to {@code node}. */
  void writeTo(ObjectNode node) {
    node.put("name", name);
    node.put(PusherJson.CHANNEL, channel);
    if (event != null) {
      node.put(PusherJson.EVENT, event);
    }
    if (data != null) {
      node.put(PusherJson.DATA, data);
    }
    if (socketId != null) {
      node.put("socket_id", socketId);
    }
    if (userId != null) {
      node.put(PusherJson.USER_ID, userId);
    }
    if (subscriptionCount != null) {
      node.put(SUBSCRIPTION_COUNT, subscriptionCount.intValue());
    }
  }
}
