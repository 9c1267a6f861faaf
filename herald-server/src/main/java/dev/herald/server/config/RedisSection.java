package dev.herald.server.config;

import static java.util.Objects.requireNonNullElse;

import dev.herald.server.redis.RedisSettings;
import java.time.Duration;

/**
 * The {@code redis:} section as written; null components are absent keys.
 *
 * @param url the Redis URL (required)
 * @param prefix the key prefix
 * @param nodeTimeoutMs the node timeout in milliseconds
 */
record RedisSection(String url, String prefix, Long nodeTimeoutMs) {

  RedisSection {
    url = Scalars.text(url);
    prefix = Scalars.text(prefix);
  }

  /** The settings, absent keys taken from {@link RedisSettings#of}'s defaults. */
  RedisSettings settings(Where where) {
    where.require("url", url);
    RedisSettings d = where.build(() -> RedisSettings.of(url));
    return where.build(
        () ->
            new RedisSettings(
                url,
                requireNonNullElse(prefix, d.prefix()),
                nodeTimeoutMs == null ? d.nodeTimeout() : Duration.ofMillis(nodeTimeoutMs)));
  }
}
