package dev.herald.server.lifecycle;

/**
 * Something that happened on the server that apps may want to hear about: the source of webhooks
 * and of the Java lifecycle listeners. Immutable values; {@code timeMillis} is when it happened.
 */
public sealed interface LifecycleEvent {
  /** The app it happened in. */
  String appId();

  /** When it happened, epoch milliseconds from the server's clock. */
  long timeMillis();

  /** A client connected ({@code connection_established} was sent). */
  record ConnectionOpened(String appId, String socketId, long timeMillis)
      implements LifecycleEvent {}

  /**
   * A client's connection ended; {@code reason} says why (a close code and message, or "client").
   */
  record ConnectionClosed(String appId, String socketId, String reason, long timeMillis)
      implements LifecycleEvent {
    /** Closes without a close frame (the TCP connection dropped), as RFC 6455 numbers them. */
    public static final int ABNORMAL = 1006;

    /**
     * The close code: the server's or the client's ({@code reason} starts with it, as {@code
     * ConnectionState.closingBecause} writes it), or {@link #ABNORMAL} when the socket just went.
     */
    public int closeCode() {
      int end = 0;
      while (end < reason.length() && end < 4 && Character.isDigit(reason.charAt(end))) {
        end++;
      }
      return end == 4 ? Integer.parseInt(reason.substring(0, 4)) : ABNORMAL;
    }
  }

  /** A connection subscribed to a channel. */
  record Subscribed(String appId, String socketId, String channel, long timeMillis)
      implements LifecycleEvent {}

  /** A connection left a channel (unsubscribe or disconnect). */
  record Unsubscribed(String appId, String socketId, String channel, long timeMillis)
      implements LifecycleEvent {}

  /** A channel got its first subscriber. */
  record ChannelOccupied(String appId, String channel, long timeMillis) implements LifecycleEvent {}

  /** A channel lost its last subscriber. */
  record ChannelVacated(String appId, String channel, long timeMillis) implements LifecycleEvent {}

  /** A user's first connection joined a presence channel. */
  record MemberAdded(String appId, String channel, String userId, long timeMillis)
      implements LifecycleEvent {}

  /** A user's last connection left a presence channel. */
  record MemberRemoved(String appId, String channel, String userId, long timeMillis)
      implements LifecycleEvent {}

  /**
   * A client event was relayed. {@code data} is the event's data as JSON text; {@code userId} is
   * set on presence channels only.
   */
  record ClientEventSent(
      String appId,
      String channel,
      String event,
      String data,
      String socketId,
      String userId,
      long timeMillis)
      implements LifecycleEvent {}

  /** A client subscribed to a cache channel that had nothing cached. */
  record CacheMiss(String appId, String channel, long timeMillis) implements LifecycleEvent {}

  /** A non-presence channel's subscriber count changed (throttled above 100 subscribers). */
  record SubscriptionCountChanged(String appId, String channel, int count, long timeMillis)
      implements LifecycleEvent {}
}
