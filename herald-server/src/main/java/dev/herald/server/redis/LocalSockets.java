package dev.herald.server.redis;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sockets this node has recorded under each key. The Redis stores count sockets per user, and
 * only the node a socket lives on knows which sockets those are: with this, a socket counts once
 * however often it joins, and a socket that never joined (or already left) cannot take another
 * socket's place, as with the memory stores. Thread-safe.
 */
final class LocalSockets<K> {
  private final ConcurrentHashMap<K, Set<String>> sockets = new ConcurrentHashMap<>();

  /** Records the socket under the key; false when it was recorded already. */
  boolean add(K key, String socketId) {
    boolean[] added = {false};
    sockets.compute(
        key,
        (k, set) -> {
          Set<String> result = set == null ? new HashSet<>(2) : set;
          added[0] = result.add(socketId);
          return result;
        });
    return added[0];
  }

  /** Forgets the socket under the key; false when it was not recorded. */
  boolean remove(K key, String socketId) {
    boolean[] removed = {false};
    sockets.computeIfPresent(
        key,
        (k, set) -> {
          removed[0] = set.remove(socketId);
          return set.isEmpty() ? null : set;
        });
    return removed[0];
  }
}
