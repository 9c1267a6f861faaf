package dev.herald.spring;

import dev.herald.Broadcasters;
import java.time.Duration;
import java.util.Properties;

/**
 * Where and how a broadcaster sends: the settings of {@link dev.herald.Broadcasters}, bound from
 * {@code herald.*} (and from {@code herald.connections.<name>.*} for each named connection). Every
 * setting is optional: with none, broadcasts go to the development app of {@code herald serve} on
 * 127.0.0.1:6001.
 */
public class DriverProperties {
  /**
   * The driver: herald (HTTP to a Herald server), pusher (HTTP to Pusher), redis (straight into the
   * Redis of a Herald cluster, needs herald-redis), embedded, log or null.
   */
  private String driver;

  /** The Herald server's (or Pusher-compatible server's) base URL, e.g. http://127.0.0.1:6001. */
  private String url;

  /** For the pusher driver: the Pusher cluster (eu, mt1, …), when no url is set. */
  private String cluster;

  /** The app's id. */
  private String appId;

  /** The app's key, the one clients connect with. */
  private String appKey;

  /** The app's secret: signs API requests, channel authorizations and webhooks. */
  private String appSecret;

  /** Base64 of 32 bytes, for private-encrypted- channels (openssl rand -base64 32). */
  private String encryptionMasterKey;

  /** For the ably driver: the Ably API key, appId.keyId:secret. */
  private String ablyKey;

  /** The largest event data accepted before sending, in bytes (Pusher's limit is 10240). */
  private Integer maxPayloadBytes;

  /**
   * What a failed broadcast does: throw (its future fails), log (logged, the future completes) or
   * retry (queued and retried with backoff).
   */
  private String failurePolicy;

  /** How long to wait for a connection to the server. */
  private Duration connectTimeout;

  /** How long to wait for the server to answer a request. */
  private Duration requestTimeout;

  /** For the redis driver: which Redis to publish into. */
  private final Redis redis = new Redis();

  /** An app key and secret that sign channel authorizations and verify webhooks. */
  record Credentials(String key, String secret) {}

  /**
   * The app's key and secret as configured, the development app's when nothing at all is configured
   * (as the drivers do), or null when either is missing.
   */
  Credentials credentials() {
    if (url == null && appId == null && appKey == null && appSecret == null) {
      return new Credentials(Broadcasters.DEVELOPMENT_APP_KEY, Broadcasters.DEVELOPMENT_APP_SECRET);
    }
    return appKey == null || appSecret == null ? null : new Credentials(appKey, appSecret);
  }

  /**
   * The settings in the form {@link dev.herald.DriverSettings#fromProperties} reads, under {@code
   * prefix} (e.g. {@code herald.app-id}), so errors name the property as the user wrote it.
   */
  public Properties toDriverProperties(String prefix) {
    Properties p = new Properties();
    put(p, prefix, "driver", driver);
    put(p, prefix, "url", url);
    put(p, prefix, "cluster", cluster);
    put(p, prefix, "app-id", appId);
    put(p, prefix, "app-key", appKey);
    put(p, prefix, "app-secret", appSecret);
    put(p, prefix, "encryption-master-key", encryptionMasterKey);
    put(p, prefix, "ably-key", ablyKey);
    put(p, prefix, "max-payload-bytes", maxPayloadBytes);
    put(p, prefix, "failure-policy", failurePolicy);
    put(p, prefix, "connect-timeout-ms", connectTimeout == null ? null : connectTimeout.toMillis());
    put(p, prefix, "request-timeout-ms", requestTimeout == null ? null : requestTimeout.toMillis());
    put(p, prefix, "redis-url", redis.url);
    put(p, prefix, "redis-prefix", redis.prefix);
    put(p, prefix, "cache-ttl-ms", redis.cacheTtl == null ? null : redis.cacheTtl.toMillis());
    return p;
  }

  private static void put(Properties p, String prefix, String key, Object value) {
    if (value != null) {
      p.setProperty(prefix + key, value.toString());
    }
  }

  /** For the redis driver. */
  public static class Redis {
    /** The Redis the Herald nodes share, e.g. redis://127.0.0.1:6379. */
    private String url;

    /** The key prefix the Herald nodes use (herald: by default). */
    private String prefix;

    /** How long cache channels keep their last event (30 minutes by default). */
    private Duration cacheTtl;

    public String getUrl() {
      return url;
    }

    public void setUrl(String url) {
      this.url = url;
    }

    public String getPrefix() {
      return prefix;
    }

    public void setPrefix(String prefix) {
      this.prefix = prefix;
    }

    public Duration getCacheTtl() {
      return cacheTtl;
    }

    public void setCacheTtl(Duration cacheTtl) {
      this.cacheTtl = cacheTtl;
    }
  }

  public String getDriver() {
    return driver;
  }

  public void setDriver(String driver) {
    this.driver = driver;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getCluster() {
    return cluster;
  }

  public void setCluster(String cluster) {
    this.cluster = cluster;
  }

  public String getAppId() {
    return appId;
  }

  public void setAppId(String appId) {
    this.appId = appId;
  }

  public String getAppKey() {
    return appKey;
  }

  public void setAppKey(String appKey) {
    this.appKey = appKey;
  }

  public String getAblyKey() {
    return ablyKey;
  }

  public void setAblyKey(String ablyKey) {
    this.ablyKey = ablyKey;
  }

  public String getAppSecret() {
    return appSecret;
  }

  public void setAppSecret(String appSecret) {
    this.appSecret = appSecret;
  }

  public String getEncryptionMasterKey() {
    return encryptionMasterKey;
  }

  public void setEncryptionMasterKey(String encryptionMasterKey) {
    this.encryptionMasterKey = encryptionMasterKey;
  }

  public Integer getMaxPayloadBytes() {
    return maxPayloadBytes;
  }

  public void setMaxPayloadBytes(Integer maxPayloadBytes) {
    this.maxPayloadBytes = maxPayloadBytes;
  }

  public String getFailurePolicy() {
    return failurePolicy;
  }

  public void setFailurePolicy(String failurePolicy) {
    this.failurePolicy = failurePolicy;
  }

  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public Duration getRequestTimeout() {
    return requestTimeout;
  }

  public void setRequestTimeout(Duration requestTimeout) {
    this.requestTimeout = requestTimeout;
  }

  public Redis getRedis() {
    return redis;
  }
}
