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
