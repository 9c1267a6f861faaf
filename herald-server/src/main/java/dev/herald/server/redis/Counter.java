package dev.herald.server.redis;

/**
 * One counter of the cluster's state in Redis.
 *
 * @param kind what is counted
 * @param appId the app
 * @param channel the channel (empty for {@link Kind#ONLINE})
 * @param field the channel ({@link Kind#OCCUPANCY}) or the user id
 */
record Counter(Kind kind, String appId, String channel, String field) {
  /** What is counted: subscribers of a channel, a user's signed-in sockets, a member's sockets. */
  enum Kind {
    OCCUPANCY,
    ONLINE,
    PRESENCE
  }
}
