package dev.herald;

import java.net.URI;
import java.time.Duration;
import org.slf4j.LoggerFactory;

/**
 * The drivers {@link Broadcasters#standard()} knows without other modules: {@code herald}, {@code
 * pusher}, {@code ably}, {@code log}, {@code null}, and placeholders that explain how to get {@code
 * embedded} and {@code redis}.
 */
final class BuiltInDrivers {
  static final String URL = "url";
  static final String CLUSTER = "cluster";
  static final String APP_ID = "app-id";
  static final String APP_KEY = "app-key";
  static final String APP_SECRET = "app-secret";
  static final String MASTER_KEY = "encryption-master-key";
  static final String MAX_PAYLOAD_BYTES = "max-payload-bytes";
  static final String CONNECT_TIMEOUT = "connect-timeout-ms";
  static final String REQUEST_TIMEOUT = "request-timeout-ms";
  static final String ABLY_KEY = "ably-key";

  /** Where {@code herald serve} listens in development, and its development app. */
  static final String DEV_URL = Broadcasters.DEVELOPMENT_URL;

  static final String DEV_ID = Broadcasters.DEVELOPMENT_APP_ID;
  static final String DEV_KEY = Broadcasters.DEVELOPMENT_APP_KEY;
  static final String DEV_SECRET = Broadcasters.DEVELOPMENT_APP_SECRET;

  private BuiltInDrivers() {}

  static void registerAll(Broadcasters registry) {
    registry
        .register("herald", BuiltInDrivers::herald)
        .register("pusher", BuiltInDrivers::pusher)
        .register(
            "log",
            s ->
                new LogBroadcaster(
                    LoggerFactory.getLogger(LogBroadcaster.class), maxPayloadBytes(s)))
        .register("null", s -> new NullBroadcaster(maxPayloadBytes(s)))
        .register("ably", BuiltInDrivers::ably)
        .register("embedded", s -> missing("embedded", "dev.herald:herald-server"))
        .register("redis", s -> missing("redis", "dev.herald:herald-redis"));
  }

  /**
   * An HTTP broadcaster to a Herald server. With no URL and no credentials at all, the development
   * app of {@code herald serve} on 127.0.0.1:6001.
   */
  static Broadcaster herald(DriverSettings s) {
    HttpBroadcasterBuilder builder = HttpBroadcaster.builder().url(s.get(URL, DEV_URL));
    boolean development =
        s.find(URL).isEmpty()
            && s.find(APP_ID).isEmpty()
            && s.find(APP_KEY).isEmpty()
            && s.find(APP_SECRET).isEmpty();
    if (development) {
      builder.app(DEV_ID, DEV_KEY, DEV_SECRET);
    } else {
      builder.app(s.required(APP_ID), s.required(APP_KEY), s.required(APP_SECRET));
    }
    return http(builder, s);
  }

  /** An HTTP broadcaster to Pusher: {@code cluster} (default mt1) or an explicit {@code url}. */
  static Broadcaster pusher(DriverSettings s) {
    HttpBroadcasterBuilder builder = HttpBroadcaster.builder();
    if (s.find(URL).isPresent()) {
      builder.url(s.required(URL));
    } else {
      builder.cluster(s.get(CLUSTER, "mt1"));
    }
    builder.app(s.required(APP_ID), s.required(APP_KEY), s.required(APP_SECRET));
    return http(builder, s);
  }

  /** Ably's REST API with {@code ably-key}; {@code url} only for a test double. */
  static Broadcaster ably(DriverSettings s) {
    String key = s.required(ABLY_KEY);
    URI url = URI.create(s.get(URL, AblyBroadcaster.DEFAULT_URL.toString()));
    try {
      return new AblyBroadcaster(
          key,
          url,
          maxPayloadBytes(s),
          s.millis(CONNECT_TIMEOUT, Duration.ofSeconds(5)),
          s.millis(REQUEST_TIMEOUT, Duration.ofSeconds(10)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(s.describe(ABLY_KEY) + ": " + e.getMessage());
    }
  }

  private static Broadcaster http(HttpBroadcasterBuilder builder, DriverSettings s) {
    s.find(MASTER_KEY).ifPresent(key -> builder.encryptionMasterKey(masterKey(s)));
    return builder
        .maxPayloadBytes(maxPayloadBytes(s))
        .connectTimeout(s.millis(CONNECT_TIMEOUT, builder.connectTimeout))
        .requestTimeout(s.millis(REQUEST_TIMEOUT, builder.requestTimeout))
        .build();
  }

  /**
   * The master key setting.
   *
   * @throws IllegalArgumentException naming the setting (not its value) when it is invalid
   */
  static EncryptionMasterKey masterKey(DriverSettings s) {
    try {
      return EncryptionMasterKey.fromBase64(s.required(MASTER_KEY));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(s.describe(MASTER_KEY) + ": " + e.getMessage());
    }
  }

  static int maxPayloadBytes(DriverSettings s) {
    return s.intValue(MAX_PAYLOAD_BYTES, Broadcast.DEFAULT_MAX_PAYLOAD_BYTES);
  }

  private static Broadcaster missing(String driver, String artifact) {
    throw new IllegalArgumentException(
        "the '" + driver + "' driver is not available: add " + artifact + " to the classpath");
  }
}
