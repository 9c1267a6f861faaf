package dev.herald;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One entry of a webhook's {@code events} array (protocol reference §1.12), typed by its {@code
 * name}. Names this version does not know arrive as {@link Unknown}, so a server adding an event
 * type does not break the receiver. The known names are the {@link WebhookEventType}s. All
 * implementations are immutable records; switch over them with {@code instanceof} patterns.
 */
public sealed interface WebhookEvent
    permits WebhookEvent.ChannelOccupied,
        WebhookEvent.ChannelVacated,
        WebhookEvent.MemberAdded,
        WebhookEvent.MemberRemoved,
        WebhookEvent.ClientEvent,
        WebhookEvent.CacheMiss,
        WebhookEvent.SubscriptionCount,
        WebhookEvent.Unknown {

  /** The event's Pusher name, e.g. {@code channel_occupied}. */
  String name();

  /** The channel it happened on; for an {@link Unknown} event its {@code channel}, or null. */
  String channel();

  /** The event's type; empty for an {@link Unknown} name. */
  default Optional<WebhookEventType> type() {
    return WebhookEventType.find(name());
  }

  /**
   * {@code channel_occupied}: the first subscriber joined the channel.
   *
   * @param channel the full channel name
   */
  record ChannelOccupied(String channel) implements WebhookEvent {
    /** {@code channel_occupied}. */
    @Override
    public String name() {
      return WebhookEventType.CHANNEL_OCCUPIED.pusherName();
    }
  }

  /**
   * {@code channel_vacated}: the last subscriber left the channel.
   *
   * @param channel the full channel name
   */
  record ChannelVacated(String channel) implements WebhookEvent {
    /** {@code channel_vacated}. */
    @Override
    public String name() {
      return WebhookEventType.CHANNEL_VACATED.pusherName();
    }
  }

  /**
   * {@code member_added}: a user joined a presence channel (their first connection there).
   *
   * @param channel the full channel name
   * @param userId the member's {@code user_id}
   */
  record MemberAdded(String channel, String userId) implements WebhookEvent {
    /** {@code member_added}. */
    @Override
    public String name() {
      return WebhookEventType.MEMBER_ADDED.pusherName();
    }
  }

  /**
   * {@code member_removed}: a user left a presence channel (their last connection there).
   *
   * @param channel the full channel name
   * @param userId the member's {@code user_id}
   */
  record MemberRemoved(String channel, String userId) implements WebhookEvent {
    /** {@code member_removed}. */
    @Override
    public String name() {
      return WebhookEventType.MEMBER_REMOVED.pusherName();
    }
  }

  /**
   * {@code client_event}: a client triggered a {@code client-} event on a private or presence
   * channel.
   *
   * @param channel the full channel name
   * @param event the event name, {@code client-…}
   * @param data the event's data as JSON text (Pusher sends it as a string), or null if absent
   * @param socketId the sender's socket id, or null if absent
   * @param userId the sender's presence {@code user_id} on presence channels, else null
   */
  record ClientEvent(String channel, String event, String data, String socketId, String userId)
      implements WebhookEvent {
    /** {@code client_event}. */
    @Override
    public String name() {
      return WebhookEventType.CLIENT_EVENT.pusherName();
    }
  }

  /**
   * {@code cache_miss}: a client subscribed to a cache channel that has nothing cached.
   *
   * @param channel the full channel name
   */
  record CacheMiss(String channel) implements WebhookEvent {
    /** {@code cache_miss}. */
    @Override
    public String name() {
      return WebhookEventType.CACHE_MISS.pusherName();
    }
  }

  /**
   * {@code subscription_count}: the number of subscribers of a (non-presence) channel changed.
   *
   * @param channel the full channel name
   * @param count the new {@code subscription_count}
   */
  record SubscriptionCount(String channel, int count) implements WebhookEvent {
    /** {@code subscription_count}. */
    @Override
    public String name() {
      return WebhookEventType.SUBSCRIPTION_COUNT.pusherName();
    }
  }

  /**
   * An event this version does not know, kept whole.
   *
   * @param name its {@code name}
   * @param event the whole event object as received
   */
  record Unknown(String name, JsonNode event) implements WebhookEvent {
    /** The event's {@code channel} when it has a textual one, else null. */
    @Override
    public String channel() {
      return event == null ? null : event.path("channel").textValue();
    }
  }
}
