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
    int clientEventsPerSecond) {

  /** Pusher's limits, and no connection quota. */
  public static final AppLimits DEFAULTS =
      new AppLimits(0, 10 * 1024, 200, 100, 10, 100, 1024, 128, 10);

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
  }

  private static void requireAtLeast(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
    }
  }
}
