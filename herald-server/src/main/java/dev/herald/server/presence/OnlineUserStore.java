package dev.herald.server.presence;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Which users are signed in (protocol reference §1.7), over the whole cluster when the store is
 * shared: a user is online while signed in on at least one connection anywhere. The watchlist's
 * online/offline events are decided here. Thread-safe; never blocks; the futures never fail (a
 * store that cannot reach its backend answers from what this node knows).
 */
public interface OnlineUserStore {
  /** Records a signed-in socket; true when the user just came online. */
  CompletableFuture<Boolean> signedIn(String appId, String userId, String socketId);

  /** Forgets a signed-in socket; true when the user just went offline. */
  CompletableFuture<Boolean> signedOut(String appId, String userId, String socketId);

  /** Those of {@code userIds} who are online. */
  CompletableFuture<Set<String>> online(String appId, Collection<String> userIds);
}
