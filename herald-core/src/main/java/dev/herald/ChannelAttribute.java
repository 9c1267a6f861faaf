package dev.herald;

import java.util.Optional;

/**
 * A channel attribute the HTTP API can report ({@code info=…}, protocol reference §1.11), on a
 * trigger and in channel queries. The one list of them, for the server that answers and the library
 * that asks.
 */
public enum ChannelAttribute {
  /** Distinct users of a presence channel; presence channels only. */
  USER_COUNT("user_count"),
  /** Connections subscribed to the channel. */
  SUBSCRIPTION_COUNT("subscription_count"),
  /**
   * The cached event of a cache channel; answered by {@code GET /channels/{channel}} only. {@link
   * ChannelInfo} does not carry it, so {@link HttpBroadcaster} does not ask for it.
   */
  CACHE("cache");

  private final String field;

  ChannelAttribute(String field) {
    this.field = field;
  }

  /** The name on the wire, e.g. {@code user_count}. */
  public String field() {
    return field;
  }

  /** The attribute whose {@link #field()} is {@code field}; empty for any other name or null. */
  public static Optional<ChannelAttribute> find(String field) {
    for (ChannelAttribute attribute : values()) {
      if (attribute.field.equals(field)) {
        return Optional.of(attribute);
      }
    }
    return Optional.empty();
  }
}
