package dev.herald.server.app;

/**
 * The per-app limits, defaulting to Pusher's (protocol reference §1.13).
 *
 * @param maxConnections connections at once; 0 means unlimited (4004 when exceeded)
 * @param maxEventPayloadBytes size of an event's {@code data}, HTTP or client event (413 / 4300)
 * @param maxEventNameLength length of an event name
 * @param maxChannelsPerEvent channels in one {@code /events} request
 * @param maxBatchSize events in one {@code /batch_events} request
 * @param maxPresenceMembers distinct users in one presence channel
 * @param maxPresenceUserInfoBytes size of a member's {@code user_info} JSON
 * @param maxPresenceUserIdLength length of a {@code user_id}
 * @param clientEventsPerSecond client events a connection may send per second (4301)
 * @param maxChannelsPerConnection channels one connection may be subscribed to at once (4300)
 * @param messagesPerSecond messages of any kind a connection may send per second, in bursts of as
 *     many: beyond, messages are dropped with 4301, and a connection sending twice as many is
 *     closed (4100)
 * @param apiRequestsPerSecond signed HTTP API requests per second (HTTP 429 with Retry-After)
 */
public record AppLimits(
    int maxConnections,
    int maxEventPayloadBytes,
    int maxEventNameLength,
    int maxChannelsPerEvent,
    int maxBatchSize,
    int maxPresenceMembers,
    int maxPresenceUserInfoBytes,
    int maxPresenceUserIdLength,
    int clientEventsPerSecond,
    int maxChannelsPerConnection,
    int messagesPerSecond,
    int apiRequestsPerSecond) {

  /** Channels per connection by default (a page with more is rare; Pusher allows 100 too). */
  public static final int DEFAULT_MAX_CHANNELS_PER_CONNECTION = 100;

  /**
   * Messages per connection per second by default: room for pusher-js resubscribing to the most
   * channels allowed at once after a reconnect, far below a flood.
   */
  public static final int DEFAULT_MESSAGES_PER_SECOND = 200;

  /** Signed HTTP API requests per app per second on one node by default. */
  public static final int DEFAULT_API_REQUESTS_PER_SECOND = 1000;

  /** Pusher's limits, Herald's abuse limits, and no connection quota. */
  public static final AppLimits DEFAULTS =
      new AppLimits(0, 10 * 1024, 200, 100, 10, 100, 1024, 128, 10);

  /** Pusher's limits as given, and Herald's default channel, message and API rates. */
  public AppLimits(
      int maxConnections,
      int maxEventPayloadBytes,
      int maxEventNameLength,
      int maxChannelsPerEvent,
      int maxBatchSize,
      int maxPresenceMembers,
      int maxPresenceUserInfoBytes,
      int maxPresenceUserIdLength,
      int clientEventsPerSecond) {
    this(
        maxConnections,
        maxEventPayloadBytes,
        maxEventNameLength,
        maxChannelsPerEvent,
        maxBatchSize,
        maxPresenceMembers,
        maxPresenceUserInfoBytes,
        maxPresenceUserIdLength,
        clientEventsPerSecond,
        DEFAULT_MAX_CHANNELS_PER_CONNECTION,
        DEFAULT_MESSAGES_PER_SECOND,
        DEFAULT_API_REQUESTS_PER_SECOND);
  }

  public AppLimits {
    requireAtLeast("maxConnections", maxConnections, 0);
    requireAtLeast("maxEventPayloadBytes", maxEventPayloadBytes, 1);
    requireAtLeast("maxEventNameLength", maxEventNameLength, 1);
    requireAtLeast("maxChannelsPerEvent", maxChannelsPerEvent, 1);
    requireAtLeast("maxBatchSize", maxBatchSize, 1);
    requireAtLeast("maxPresenceMembers", maxPresenceMembers, 1);
    requireAtLeast("maxPresenceUserInfoBytes", maxPresenceUserInfoBytes, 2);
    requireAtLeast("maxPresenceUserIdLength", maxPresenceUserIdLength, 1);
    requireAtLeast("clientEventsPerSecond", clientEventsPerSecond, 1);
    requireAtLeast("maxChannelsPerConnection", maxChannelsPerConnection, 1);
    requireAtLeast("messagesPerSecond", messagesPerSecond, 1);
    requireAtLeast("apiRequestsPerSecond", apiRequestsPerSecond, 1);
  }

  /** A copy with other abuse limits. */
  public AppLimits withAbuseLimits(
      int newMaxChannelsPerConnection, int newMessagesPerSecond, int newApiRequestsPerSecond) {
    return new AppLimits(
        maxConnections,
        maxEventPayloadBytes,
        maxEventNameLength,
        maxChannelsPerEvent,
        maxBatchSize,
        maxPresenceMembers,
        maxPresenceUserInfoBytes,
        maxPresenceUserIdLength,
        clientEventsPerSecond,
        newMaxChannelsPerConnection,
        newMessagesPerSecond,
        newApiRequestsPerSecond);
  }

  private static void requireAtLeast(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
    }
  }
}
