package dev.herald.redis;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The names of a Herald cluster's Redis keys and pub/sub channels, all under one prefix so several
 * clusters (or apps) can share a Redis. The one definition the server and the library use.
 */
public final class RedisKeys {
  /** The default prefix. */
  public static final String DEFAULT_PREFIX = "herald:";

  private final String prefix;

  /**
   * @param prefix the prefix of every name, e.g. {@code herald:}
   * @throws IllegalArgumentException when it is empty
   */
  public RedisKeys(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    if (prefix.isEmpty()) {
      throw new IllegalArgumentException("the Redis key prefix must not be empty");
    }
    this.prefix = prefix;
  }

  /** The prefix. */
  public String prefix() {
    return prefix;
  }

  /**
   * The pub/sub channel that carries a Pusher channel's events between nodes: {@code
   * {prefix}ch:{appId}:{channel}}. A node subscribes to it while it has subscribers of the channel.
   */
  public String eventChannel(String appId, String channel) {
    return prefix + "ch:" + appId + ":" + channel;
  }

  /** {@link #eventChannel} as UTF-8 bytes. */
  public byte[] eventChannelBytes(String appId, String channel) {
    return eventChannel(appId, channel).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The key holding a cache channel's last event (the complete event JSON), with the cache TTL:
   * {@code {prefix}cache:{appId}:{channel}}.
   */
  public String cacheKey(String appId, String channel) {
    return prefix + "cache:" + appId + ":" + channel;
  }
}
