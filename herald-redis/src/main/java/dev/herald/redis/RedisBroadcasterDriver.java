package dev.herald.redis;

import dev.herald.Broadcaster;
import dev.herald.BroadcasterDriver;
import dev.herald.DriverSettings;
import dev.herald.EncryptionMasterKey;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@code redis} driver of {@link dev.herald.Broadcasters}: a {@link RedisBroadcaster}. Settings
 * (environment variables in brackets): {@code redis-url} ({@code HERALD_REDIS_URL}, default {@code
 * redis://127.0.0.1:6379}), {@code app-id} ({@code HERALD_APP_ID}; the development app {@code
 * herald-dev} when neither it nor {@code redis-url} is set), {@code redis-prefix} ({@code
 * HERALD_REDIS_PREFIX}, default {@code herald:}), {@code encryption-master-key}, {@code
 * max-payload-bytes}, {@code cache-ttl-ms} (30 minutes), {@code connect-timeout-ms} (5 s) and
 * {@code request-timeout-ms} (how long Redis may take to acknowledge, 5 s). Found by {@link
 * java.util.ServiceLoader}, it replaces core's placeholder; stateless and thread-safe.
 */
public final class RedisBroadcasterDriver implements BroadcasterDriver {
  static final String URL = "redis-url";
  static final String PREFIX = "redis-prefix";
  static final String APP_ID = "app-id";
  static final String MASTER_KEY = "encryption-master-key";
  static final String MAX_PAYLOAD = "max-payload-bytes";
  static final String CACHE_TTL = "cache-ttl-ms";
  static final String CONNECT_TIMEOUT = "connect-timeout-ms";
  static final String REQUEST_TIMEOUT = "request-timeout-ms";

  /** The app id of {@code herald serve}'s development app. */
  static final String DEV_APP_ID = "herald-dev";

  /** For {@link java.util.ServiceLoader}. */
  public RedisBroadcasterDriver() {}

  /** {@code redis}. */
  @Override
  public String name() {
    return "redis";
  }

  /**
   * A broadcaster configured from {@code settings}; it connects in the background.
   *
   * @throws IllegalArgumentException naming the setting (never its value) when one is invalid, or
   *     {@code app-id} is missing while {@code redis-url} is set
   */
  @Override
  public Broadcaster create(DriverSettings s) {
    RedisBroadcasterBuilder builder = RedisBroadcaster.builder();
    boolean development = s.find(URL).isEmpty() && s.find(APP_ID).isEmpty();
    builder.appId(development ? DEV_APP_ID : s.required(APP_ID));
    set(s, URL, builder::uri);
    set(s, PREFIX, builder::prefix);
    set(s, MASTER_KEY, key -> builder.encryptionMasterKey(EncryptionMasterKey.fromBase64(key)));
    set(s, MAX_PAYLOAD, value -> builder.maxPayloadBytes(s.intValue(MAX_PAYLOAD, 0)));
    set(s, CACHE_TTL, value -> builder.cacheTtl(s.millis(CACHE_TTL, Duration.ZERO)));
    set(s, CONNECT_TIMEOUT, value -> builder.connectTimeout(s.millis(CONNECT_TIMEOUT, null)));
    set(s, REQUEST_TIMEOUT, value -> builder.commandTimeout(s.millis(REQUEST_TIMEOUT, null)));
    return builder.build();
  }

  /** Hands a setting to the builder; its refusal names the setting as the user wrote it. */
  private static void set(DriverSettings s, String key, Consumer<String> setter) {
    Optional<String> value = s.find(key);
    if (value.isEmpty()) {
      return;
    }
    try {
      setter.accept(value.get());
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      throw new IllegalArgumentException(
          message.startsWith(s.describe(key)) ? message : s.describe(key) + ": " + message);
    }
  }
}
