package dev.herald.server.app;

import java.time.Duration;
import java.util.Objects;

/**
 * An app's opt-in protocol features (protocol reference §1.4, §1.7, §1.12).
 *
 * @param watchlistEvents send {@code pusher_internal:watchlist_events} to signed-in users
 * @param subscriptionCountEvents send {@code pusher_internal:subscription_count} on non-presence
 *     channels
 * @param authorizedConnectionTimeout close (4009) a connection that neither signs in nor joins a
 *     private or presence channel within this time; zero means off
 * @param cacheTtl how long a cache channel keeps its last event
 * @param webhookBatchWindow how long webhook events are collected into one request; zero means one
 *     event per request
 */
public record AppFeatures(
    boolean watchlistEvents,
    boolean subscriptionCountEvents,
    Duration authorizedConnectionTimeout,
    Duration cacheTtl,
    Duration webhookBatchWindow) {

  /** Everything optional off; cache TTL 30 minutes (Pusher's maximum). */
  public static final AppFeatures DEFAULTS =
      new AppFeatures(false, false, Duration.ZERO, Duration.ofMinutes(30), Duration.ZERO);

  public AppFeatures {
    Objects.requireNonNull(authorizedConnectionTimeout, "authorizedConnectionTimeout");
    Objects.requireNonNull(cacheTtl, "cacheTtl");
    Objects.requireNonNull(webhookBatchWindow, "webhookBatchWindow");
    if (authorizedConnectionTimeout.isNegative()
        || webhookBatchWindow.isNegative()
        || cacheTtl.isNegative()
        || cacheTtl.isZero()) {
      throw new IllegalArgumentException(
          "authorized connection timeout and webhook batch window must be >= 0, cache TTL > 0");
    }
  }

  /** Whether authorized connections are enforced. */
  public boolean requiresAuthorizedConnections() {
    return !authorizedConnectionTimeout.isZero();
  }
}
