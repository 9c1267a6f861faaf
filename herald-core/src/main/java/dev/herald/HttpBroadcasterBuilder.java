package dev.herald;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of an {@link HttpBroadcaster}: where the API is ({@link #url} or {@link #cluster}), the
 * app's credentials, and optionally the encryption master key, the payload limit and timeouts. Not
 * thread-safe; {@link #build()} validates and makes an independent broadcaster.
 */
public final class HttpBroadcasterBuilder {
  URI url;
  String appId;
  String key;
  String secret;
  Optional<EncryptionMasterKey> masterKey = Optional.empty();
  int maxPayloadBytes = Broadcast.DEFAULT_MAX_PAYLOAD_BYTES;
  int maxChannelsPerRequest = 100;
  int maxBatchSize = 10;
  Duration connectTimeout = Duration.ofSeconds(5);
  Duration requestTimeout = Duration.ofSeconds(10);
  Clock clock = Clock.systemUTC();

  HttpBroadcasterBuilder() {}

  /**
   * The server's base URL, e.g. {@code http://127.0.0.1:6001} for Herald: scheme, host and port, no
   * path.
   *
   * @throws IllegalArgumentException when it is not an http(s) URL without a path
   */
  public HttpBroadcasterBuilder url(String baseUrl) {
    URI uri = URI.create(Objects.requireNonNull(baseUrl, "url").replaceAll("/+$", ""));
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if ((!scheme.equals("http") && !scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "the URL must look like http://host:port or https://host, was '" + baseUrl + "'");
    }
    if (!uri.getRawPath().isEmpty() || uri.getRawQuery() != null) {
      throw new IllegalArgumentException(
          "the URL must not have a path or query (requests go to /apps/{id}/…), was '"
              + baseUrl
              + "'");
    }
    this.url = uri;
    return this;
  }

  /**
   * A Pusher cluster: {@code https://api-{cluster}.pusher.com}.
   *
   * @throws IllegalArgumentException when the name is not a plain host label such as {@code eu}
   */
  public HttpBroadcasterBuilder cluster(String cluster) {
    if (cluster == null || !cluster.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("a cluster is a name such as 'eu' or 'mt1'");
    }
    return url("https://api-" + cluster + ".pusher.com");
  }

  /**
   * The app's id, key and secret.
   *
   * @throws IllegalArgumentException when the id has characters a URL path cannot carry as they are
   *     (it must match {@code [A-Za-z0-9._~-]+})
   */
  public HttpBroadcasterBuilder app(String appId, String key, String secret) {
    if (!Objects.requireNonNull(appId, "appId").matches("[A-Za-z0-9._~-]+")) {
      throw new IllegalArgumentException(
          "the app id '" + appId + "' must match [A-Za-z0-9._~-]+ to go in the request path");
    }
    this.appId = appId;
    this.key = Objects.requireNonNull(key, "key");
    this.secret = Objects.requireNonNull(secret, "secret");
    return this;
  }

  /** The encryption master key, needed to broadcast on {@code private-encrypted-} channels. */
  public HttpBroadcasterBuilder encryptionMasterKey(EncryptionMasterKey masterKey) {
    this.masterKey = Optional.of(masterKey);
    return this;
  }

  /** The largest {@code data} accepted, in UTF-8 bytes; match the server's limit (10 KB). */
  public HttpBroadcasterBuilder maxPayloadBytes(int bytes) {
    this.maxPayloadBytes = positive(bytes, "maxPayloadBytes");
    return this;
  }

  /** Channels per {@code /events} request (100, Pusher's limit). */
  public HttpBroadcasterBuilder maxChannelsPerRequest(int channels) {
    this.maxChannelsPerRequest = positive(channels, "maxChannelsPerRequest");
    return this;
  }

  /** Events per {@code /batch_events} request (10, Pusher's limit). */
  public HttpBroadcasterBuilder maxBatchSize(int events) {
    this.maxBatchSize = positive(events, "maxBatchSize");
    return this;
  }

  /** How long to wait for a connection (5 s). */
  public HttpBroadcasterBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /** How long to wait for each answer (10 s); also how long {@code close()} waits. */
  public HttpBroadcasterBuilder requestTimeout(Duration timeout) {
    this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /** The clock {@code auth_timestamp} is read from (the system clock). */
  public HttpBroadcasterBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * A new broadcaster with its own HTTP client.
   *
   * @throws IllegalArgumentException when the URL or the credentials are missing
   */
  public HttpBroadcaster build() {
    if (url == null) {
      throw new IllegalArgumentException("set the server with url(...) or cluster(...)");
    }
    if (appId == null || appId.isEmpty() || key.isEmpty() || secret.isEmpty()) {
      throw new IllegalArgumentException("set the app's id, key and secret with app(...)");
    }
    return new HttpBroadcaster(this);
  }

  private static int positive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return value;
  }
}
