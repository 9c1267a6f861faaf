package dev.herald.server.presence;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Signed-in users on one node, in memory; a user with no socket left is forgotten. */
public final class MemoryOnlineUserStore implements OnlineUserStore {
  private final ConcurrentHashMap<Key, Set<String>> sockets = new ConcurrentHashMap<>();

  @Override
  public CompletableFuture<Boolean> signedIn(String appId, String userId, String socketId) {
    boolean[] first = {false};
    sockets.compute(
        new Key(appId, userId),
        (key, set) -> {
          Set<String> result = set == null ? new HashSet<>(2) : set;
          first[0] = result.isEmpty() && result.add(socketId);
          result.add(socketId);
          return result;
        });
    return CompletableFuture.completedFuture(first[0]);
  }

  @Override
  public CompletableFuture<Boolean> signedOut(String appId, String userId, String socketId) {
    boolean[] last = {false};
    sockets.computeIfPresent(
        new Key(appId, userId),
        (key, set) -> {
          last[0] = set.remove(socketId) && set.isEmpty();
          return set.isEmpty() ? null : set;
        });
    return CompletableFuture.completedFuture(last[0]);
  }

  @Override
  public CompletableFuture<Set<String>> online(String appId, Collection<String> userIds) {
    Set<String> result = new HashSet<>();
    for (String userId : userIds) {
      if (sockets.containsKey(new Key(appId, userId))) {
        result.add(userId);
      }
    }
    return CompletableFuture.completedFuture(result);
  }

  private record Key(String appId, String userId) {}
}
