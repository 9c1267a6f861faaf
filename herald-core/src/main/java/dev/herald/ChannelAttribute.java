package dev.herald;

/**
 * A channel attribute the HTTP API can report ({@code info=…}, protocol reference §1.11), on a
 * trigger and in channel queries.
 */
public enum ChannelAttribute {
  /** Distinct users of a presence channel; presence channels only. */
  USER_COUNT("user_count"),
  /** Connections subscribed to the channel. */
  SUBSCRIPTION_COUNT("subscription_count");

  private final String field;

  ChannelAttribute(String field) {
    this.field = field;
  }

  /** The name on the wire, e.g. {@code user_count}. */
  public String field() {
    return field;
  }
}
