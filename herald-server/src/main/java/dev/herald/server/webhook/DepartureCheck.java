package dev.herald.server.webhook;

import java.util.concurrent.CompletableFuture;

/**
 * Asked when a held {@code channel_vacated} or {@code member_removed} is due: is the channel still
 * empty, the member still gone? In a cluster the comeback may have happened on another node, whose
 * {@code channel_occupied} this node never saw; sending the departure then would leave the receiver
 * believing the opposite of the truth. Must not block.
 */
@FunctionalInterface
public interface DepartureCheck {
  /** Trusts the departure (a single node sees every comeback itself). */
  DepartureCheck TRUSTED = (appId, channel, userId) -> CompletableFuture.completedFuture(true);

  /**
   * Whether the departure still holds: the channel has no subscribers ({@code userId} null), or the
   * user is not a member of it.
   */
  CompletableFuture<Boolean> stillGone(String appId, String channel, String userId);
}
