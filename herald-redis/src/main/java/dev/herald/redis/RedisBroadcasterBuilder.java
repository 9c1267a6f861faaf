package dev.herald.redis;

import dev.herald.Broadcast;
import dev.herald.EncryptionMasterKey;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of a {@link RedisBroadcaster}: which Redis ({@link #uri}, or an existing {@link
 * #client}), which app, the key prefix the Herald nodes use, and optionally the encryption master
 * key, the payload limit, the cache channels' TTL and timeouts. Not thread-safe; {@link #build()}
 * validates and makes an independent broadcaster.
 */
public final class RedisBroadcasterBuilder {
  /** The Redis used when none is set. */
  public static final String DEFAULT_URI = "redis://127.0.0.1:6379";

  RedisURI uri = RedisURI.create(DEFAULT_URI);
  RedisClient client;
  String appId;
  String prefix = RedisKeys.DEFAULT_PREFIX;
  Optional<EncryptionMasterKey> masterKey = Optional.empty();
  int maxPayloadBytes = Broadcast.DEFAULT_MAX_PAYLOAD_BYTES;
  Duration cacheTtl = Duration.ofMinutes(30);
  Duration commandTimeout = Duration.ofSeconds(5);
  Duration connectTimeout = Duration.ofSeconds(5);

  RedisBroadcasterBuilder() {}

  /**
   * The Redis the Herald nodes share, e.g. {@code redis://127.0.0.1:6379} or {@code
   * rediss://user:password@redis.internal:6380/0} (default {@value #DEFAULT_URI}).
   *
   * @throws IllegalArgumentException when it is not a Redis URI (the message does not repeat it,
   *     since it may hold a password)
   */
  public RedisBroadcasterBuilder uri(String uri) {
    Objects.requireNonNull(uri, "uri");
    try {
      this.uri = RedisURI.create(uri);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the Redis URI must look like redis://[[user:]password@]host[:port][/database]"
              + " (or rediss:// for TLS)");
    }
    return this;
  }

  /**
   * Broadcasts through this client (its resources and options) instead of creating one; {@link
   * #uri} still names the server. The broadcaster does not shut the client down. The default
   * client's options ({@link RedisBroadcaster}) are what keeps broadcasts from waiting while Redis
   * is away; give yours the same.
   */
  public RedisBroadcasterBuilder client(RedisClient client) {
    this.client = Objects.requireNonNull(client, "client");
    return this;
  }

  /** The app whose subscribers receive the events, as the Herald nodes know it. Required. */
  public RedisBroadcasterBuilder appId(String appId) {
    this.appId = Objects.requireNonNull(appId, "appId");
    return this;
  }

  /**
   * The prefix of every Redis key and channel, the same as the Herald nodes' (default {@value
   * RedisKeys#DEFAULT_PREFIX}).
   *
   * @throws IllegalArgumentException when it is empty
   */
  public RedisBroadcasterBuilder prefix(String prefix) {
    this.prefix = new RedisKeys(prefix).prefix();
    return this;
  }

  /** The encryption master key, needed to broadcast on {@code private-encrypted-} channels. */
  public RedisBroadcasterBuilder encryptionMasterKey(EncryptionMasterKey masterKey) {
    this.masterKey = Optional.of(masterKey);
    return this;
  }

  /** The largest {@code data} accepted, in UTF-8 bytes; match the server's limit (10 KB). */
  public RedisBroadcasterBuilder maxPayloadBytes(int bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("maxPayloadBytes must be positive, was " + bytes);
    }
    this.maxPayloadBytes = bytes;
    return this;
  }

  /** How long the last event of a cache channel is kept for new subscribers (30 minutes). */
  public RedisBroadcasterBuilder cacheTtl(Duration ttl) {
    this.cacheTtl = atLeastAMillisecond(ttl, "cacheTtl");
    return this;
  }

  /** How long to wait for Redis to acknowledge a broadcast (5 s); also how long close() waits. */
  public RedisBroadcasterBuilder commandTimeout(Duration timeout) {
    this.commandTimeout = atLeastAMillisecond(timeout, "commandTimeout");
    return this;
  }

  /** How long to wait for a connection (5 s). */
  public RedisBroadcasterBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = atLeastAMillisecond(timeout, "connectTimeout");
    return this;
  }

  /**
   * A new broadcaster. It connects in the background: the first broadcasts wait for the connection
   * and fail with a {@code BroadcastException} when Redis cannot be reached.
   *
   * @throws IllegalArgumentException when the app id is missing
   */
  public RedisBroadcaster build() {
    if (appId == null || appId.isEmpty()) {
      throw new IllegalArgumentException("set the app's id with appId(...)");
    }
    return new RedisBroadcaster(this);
  }

  private static Duration atLeastAMillisecond(Duration value, String name) {
    if (Objects.requireNonNull(value, name).toMillis() < 1) {
      throw new IllegalArgumentException(name + " must be at least 1 ms, was " + value);
    }
    return value;
  }
}
