package dev.herald.server.redis;

import io.lettuce.core.RedisURI;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How a node joins a cluster on Redis.
 *
 * @param url the Redis URL, {@code redis://[:password@]host[:port][/db]} or {@code rediss://…}
 * @param prefix the prefix of every key and channel, so several clusters can share one Redis
 * @param nodeTimeout how long a node may go without a heartbeat before the cluster takes it for
 *     dead and removes its members (they are gone within this plus a third of it)
 */
public record RedisSettings(String url, String prefix, Duration nodeTimeout) {
  /** The default key prefix. */
  public static final String DEFAULT_PREFIX = "herald:";

  /** The default node timeout: a crashed node's members are gone within 20 s. */
  public static final Duration DEFAULT_NODE_TIMEOUT = Duration.ofSeconds(15);

  public RedisSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(nodeTimeout, "nodeTimeout");
    String scheme;
    try {
      scheme = URI.create(url).getScheme();
    } catch (IllegalArgumentException e) {
      // Not chained: URI's message quotes the whole URL, password included.
      throw new IllegalArgumentException(
          "the Redis URL is not a valid URL (percent-encode special characters in the"
              + " password): "
              + redacted(url));
    }
    if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
      throw new IllegalArgumentException(
          "the Redis URL must start with redis:// or rediss://, was " + redacted(url));
    }
    try {
      RedisURI.create(url); // What Lettuce will connect to: host, port, database.
    } catch (IllegalArgumentException e) {
      // Lettuce's messages do not quote the password, but say what is wrong.
      throw new IllegalArgumentException(
          "the Redis URL " + redacted(url) + " is not usable: " + e.getMessage());
    }
    if (prefix.isEmpty()) {
      throw new IllegalArgumentException("the Redis key prefix must not be empty");
    }
    if (nodeTimeout.toMillis() < 300) {
      throw new IllegalArgumentException(
          "the node timeout must be at least 300 ms, was " + nodeTimeout.toMillis() + " ms");
    }
  }

  /** Settings for {@code url} with the default prefix and node timeout. */
  public static RedisSettings of(String url) {
    return new RedisSettings(url, DEFAULT_PREFIX, DEFAULT_NODE_TIMEOUT);
  }

  /** A copy with another prefix. */
  public RedisSettings withPrefix(String newPrefix) {
    return new RedisSettings(url, newPrefix, nodeTimeout);
  }

  /** A copy with another node timeout. */
  public RedisSettings withNodeTimeout(Duration newTimeout) {
    return new RedisSettings(url, prefix, newTimeout);
  }

  /** The URL without its password, for logs and errors. */
  public static String redacted(String url) {
    // Up to the last '@': a password may hold '@' and '/' when it was not percent-encoded.
    int at = url.lastIndexOf('@');
    int slashes = url.indexOf("//");
    int start = slashes >= 0 && slashes < at ? slashes + 2 : url.indexOf(':') + 1;
    return at < 0 || start <= 0 || start > at
        ? url
        : url.substring(0, start) + "***" + url.substring(at);
  }

  @Override
  public String toString() {
    return "RedisSettings[url="
        + redacted(url)
        + ", prefix="
        + prefix
        + ", nodeTimeout="
        + nodeTimeout
        + "]";
  }
}
