package dev.herald.redis;

import dev.herald.BroadcastException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisURI;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * Turns what Lettuce fails with into the {@link BroadcastException} a broadcaster's future fails
 * with. Messages name Redis by host and port only: a URI may hold a password.
 */
final class RedisFailure {
  /** Errors Redis answers with that pass (loading a dump, a failover, a busy script). */
  private static final List<String> PASSING = List.of("LOADING", "READONLY", "TRYAGAIN", "BUSY");

  private RedisFailure() {}

  static BroadcastException of(Throwable failure, RedisURI uri) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof BroadcastException known) {
      return known;
    }
    String redis = "Redis at " + where(uri);
    if (cause instanceof RedisCommandExecutionException refused) {
      String error = String.valueOf(refused.getMessage());
      boolean passes = PASSING.stream().anyMatch(error::startsWith);
      return new BroadcastException(redis + " refused the command: " + error, passes, cause);
    }
    if (cause instanceof RedisCommandTimeoutException) {
      return new BroadcastException(redis + " did not answer in time", true, cause);
    }
    return new BroadcastException(
        redis + " could not be reached: " + cause.getMessage(), true, cause);
  }

  /** {@code host:port}, or the socket path: never the password. */
  static String where(RedisURI uri) {
    return uri.getSocket() != null ? uri.getSocket() : uri.getHost() + ":" + uri.getPort();
  }
}
