package dev.herald.server.redis;

import dev.herald.server.presence.OnlineUserStore;
import dev.herald.server.redis.Counter.Kind;
import io.lettuce.core.KeyValue;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Signed-in users of the whole cluster, in Redis: one hash per app, user id → signed-in sockets,
 * changed through this node's ledger. When Redis cannot be reached it answers from this node.
 */
final class RedisOnlineUserStore implements OnlineUserStore {
  private final RedisLedger ledger;
  private final RedisAsyncCommands<String, String> redis;
  private final RedisHealth health;
  private final LocalSockets<Counter> sockets = new LocalSockets<>();

  RedisOnlineUserStore(
      RedisLedger ledger, RedisAsyncCommands<String, String> redis, RedisHealth health) {
    this.ledger = ledger;
    this.redis = redis;
    this.health = health;
  }

  @Override
  public CompletableFuture<Boolean> signedIn(String appId, String userId, String socketId) {
    Counter counter = counter(appId, userId);
    if (!sockets.add(counter, socketId)) {
      return CompletableFuture.completedFuture(false); // Signed in already: counted once.
    }
    return ledger
        .change(counter, 1, null, 0, false)
        .thenApply(change -> change.before() == 0 && change.after() > 0)
        .exceptionally(
            e -> {
              health.failed("record a sign-in", e);
              return ledger.localCount(counter) == 1;
            });
  }

  @Override
  public CompletableFuture<Boolean> signedOut(String appId, String userId, String socketId) {
    Counter counter = counter(appId, userId);
    if (!sockets.remove(counter, socketId)) {
      return CompletableFuture.completedFuture(false); // Never signed in, or signed out already.
    }
    return ledger
        .change(counter, -1, null, 0, false)
        .thenApply(change -> change.before() > 0 && change.after() == 0)
        .exceptionally(
            e -> {
              health.failed("record a sign-out", e);
              return ledger.localCount(counter) == 0;
            });
  }

  @Override
  public CompletableFuture<Set<String>> online(String appId, Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return CompletableFuture.completedFuture(Set.of());
    }
    return redis
        .hmget(ledger.keys().onlineKey(appId), userIds.toArray(String[]::new))
        .toCompletableFuture()
        .<Set<String>>thenApply(
            values -> {
              Set<String> result = new HashSet<>();
              for (KeyValue<String, String> value : values) {
                if (value.hasValue()) {
                  result.add(value.getKey());
                }
              }
              return result;
            })
        .exceptionally(
            e -> {
              health.failed("read online users", e);
              Set<String> result = new HashSet<>();
              for (String userId : userIds) {
                if (ledger.localCount(counter(appId, userId)) > 0) {
                  result.add(userId);
                }
              }
              return result;
            });
  }

  private static Counter counter(String appId, String userId) {
    return new Counter(Kind.ONLINE, appId, "", userId);
  }
}
