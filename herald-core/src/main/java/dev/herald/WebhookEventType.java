package dev.herald;

import java.util.Optional;

/**
 * The kinds of webhook event Pusher sends (protocol reference §1.12), by their {@code name} on the
 * wire. The one list of them: the server emits these, its configuration filters by them, and the
 * {@link WebhookReceiver} reads them. Declared in the order Pusher's documentation lists them.
 */
public enum WebhookEventType {
  /** The first subscriber joined a channel. */
  CHANNEL_OCCUPIED("channel_occupied"),
  /** The last subscriber left a channel (after the comeback delay). */
  CHANNEL_VACATED("channel_vacated"),
  /** A user joined a presence channel (their first connection there). */
  MEMBER_ADDED("member_added"),
  /** A user left a presence channel (their last connection there, after the comeback delay). */
  MEMBER_REMOVED("member_removed"),
  /** A client triggered a {@code client-} event on a private or presence channel. */
  CLIENT_EVENT("client_event"),
  /** A client subscribed to a cache channel that has nothing cached. */
  CACHE_MISS("cache_miss"),
  /** The number of subscribers of a non-presence channel changed. */
  SUBSCRIPTION_COUNT("subscription_count");

  private final String pusherName;

  WebhookEventType(String pusherName) {
    this.pusherName = pusherName;
  }

  /** The event's {@code name} on the wire, e.g. {@code channel_occupied}. */
  public String pusherName() {
    return pusherName;
  }

  /** The type whose {@link #pusherName()} is {@code name}; empty for any other name or null. */
  public static Optional<WebhookEventType> find(String name) {
    for (WebhookEventType type : values()) {
      if (type.pusherName.equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
