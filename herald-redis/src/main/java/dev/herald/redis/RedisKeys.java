package dev.herald.redis;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The names Herald uses in Redis, all under one prefix so that several clusters (or tests) can
 * share a Redis: the one definition for the app side and the server.
 *
 * <ul>
 *   <li>{@link #eventChannel} {@code {prefix}ch:{appId}:{channel}}: the pub/sub channel of one
 *       Pusher channel. A node subscribes to it while it has local subscribers of that channel;
 *       {@link RedisEnvelope}s are published to it.
 *   <li>{@link #cacheKey} {@code {prefix}cache:{appId}:{channel}}: the last event of a cache
 *       channel (its Pusher event JSON), set with a TTL.
 * </ul>
 *
 * <p>The server's cluster state, changed only by its Lua scripts (which build the held-departure
 * key themselves, as {@link #heldDepartureKey} does):
 *
 * <ul>
 *   <li>{@link #nodesKey} {@code {prefix}nodes}: sorted set of live node ids by last heartbeat
 *       (ms).
 *   <li>{@link #nodeLedgerKey} {@code {prefix}node:{nodeId}:ledger}: hash of what one node counts
 *       (counter entry → the node's share), to take a dead node's share back out.
 *   <li>{@link #nodeReapedKey} {@code {prefix}node:{nodeId}:reaped}: set when a node was reaped as
 *       dead, so that it announces itself again if it comes back.
 *   <li>{@link #occupancyKey} {@code {prefix}occupancy:{appId}}: hash of channel → subscribers.
 *   <li>{@link #onlineKey} {@code {prefix}online:{appId}}: hash of user id → signed-in sockets.
 *   <li>{@link #presenceKey} {@code {prefix}presence:{appId}:{channel}}: hash of user id → sockets
 *       of a presence channel; {@link #membersKey} {@code {prefix}members:{appId}:{channel}} the
 *       members' user info.
 *   <li>{@link #heldDepartureKey} {@code {countsKey}:held:{field}}: the node holding a departure
 *       for the webhooks' comeback delay ({@code none} once it is no longer held).
 * </ul>
 *
 * <p>Pusher channel names never contain {@code :} (protocol reference §1.6), so the last {@code :}
 * of a name separates the app id from the channel. The {@code byte[]} variants are UTF-8, for
 * clients that use a byte-array codec. Immutable and thread-safe.
 */
public final class RedisKeys {
  /** The prefix when none is configured. */
  public static final String DEFAULT_PREFIX = "herald:";

  private final String prefix;

  /**
   * Names under {@code prefix}, e.g. {@code "herald:"} (the separator is part of the prefix).
   *
   * @throws IllegalArgumentException when the prefix is empty
   */
  public RedisKeys(String prefix) {
    if (Objects.requireNonNull(prefix, "prefix").isEmpty()) {
      throw new IllegalArgumentException("the Redis key prefix is empty; the default is herald:");
    }
    this.prefix = prefix;
  }

  /** Names under {@value #DEFAULT_PREFIX}. */
  public static RedisKeys defaults() {
    return new RedisKeys(DEFAULT_PREFIX);
  }

  /** The prefix every name starts with. */
  public String prefix() {
    return prefix;
  }

  /** The pub/sub channel of a Pusher channel: {@code {prefix}ch:{appId}:{channel}}. */
  public String eventChannel(String appId, String channel) {
    return prefix + "ch:" + appId + ":" + channel;
  }

  /** {@link #eventChannel(String, String)} in UTF-8. */
  public byte[] eventChannelBytes(String appId, String channel) {
    return utf8(eventChannel(appId, channel));
  }

  /**
   * The pattern that matches every event channel under this prefix, {@code {prefix}ch:*}, for
   * {@code PSUBSCRIBE} by tools and tests. Glob characters in the prefix are not escaped.
   */
  public String eventChannelPattern() {
    return prefix + "ch:*";
  }

  /** The key holding the last event of a cache channel: {@code {prefix}cache:{appId}:{channel}}. */
  public String cacheKey(String appId, String channel) {
    return prefix + "cache:" + appId + ":" + channel;
  }

  /** {@link #cacheKey(String, String)} in UTF-8. */
  public byte[] cacheKeyBytes(String appId, String channel) {
    return utf8(cacheKey(appId, channel));
  }

  /** The sorted set of live nodes and their last heartbeat: {@code {prefix}nodes}. */
  public String nodesKey() {
    return prefix + "nodes";
  }

  /** What one node counts, to take its share back out: {@code {prefix}node:{nodeId}:ledger}. */
  public String nodeLedgerKey(String nodeId) {
    return prefix + "node:" + nodeId + ":ledger";
  }

  /** Set when a node was reaped as dead: {@code {prefix}node:{nodeId}:reaped}. */
  public String nodeReapedKey(String nodeId) {
    return prefix + "node:" + nodeId + ":reaped";
  }

  /** The subscriber counts of an app's channels: {@code {prefix}occupancy:{appId}}. */
  public String occupancyKey(String appId) {
    return prefix + "occupancy:" + appId;
  }

  /** The signed-in sockets of an app's users: {@code {prefix}online:{appId}}. */
  public String onlineKey(String appId) {
    return prefix + "online:" + appId;
  }

  /** The sockets of a presence channel's users: {@code {prefix}presence:{appId}:{channel}}. */
  public String presenceKey(String appId, String channel) {
    return prefix + "presence:" + appId + ":" + channel;
  }

  /** The user info of a presence channel's members: {@code {prefix}members:{appId}:{channel}}. */
  public String membersKey(String appId, String channel) {
    return prefix + "members:" + appId + ":" + channel;
  }

  /**
   * The mark of a departure held for the webhooks' comeback delay, beside the counts hash it
   * belongs to: {@code {countsKey}:held:{field}}.
   */
  public static String heldDepartureKey(String countsKey, String field) {
    return countsKey + ":held:" + field;
  }

  /** Equal prefixes. */
  @Override
  public boolean equals(Object other) {
    return other instanceof RedisKeys that && prefix.equals(that.prefix);
  }

  @Override
  public int hashCode() {
    return prefix.hashCode();
  }

  /** {@code RedisKeys[prefix]}. */
  @Override
  public String toString() {
    return "RedisKeys[" + prefix + "]";
  }

  private static byte[] utf8(String name) {
    return name.getBytes(StandardCharsets.UTF_8);
  }
}
