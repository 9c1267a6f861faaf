package dev.herald.server.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's connections signed in as each user (protocol reference §1.7), for terminate. Whether
 * a user is online anywhere in the cluster is {@link dev.herald.server.presence.OnlineUserStore}'s
 * answer. Thread-safe; connections are only ever touched on their own loop.
 */
public final class SignedInUsers {
  /** Why {@code terminate_connections} closes a connection. */
  public static final String TERMINATED = "Connection terminated by the app";

  private final ConcurrentHashMap<Key, Set<Connection>> connections = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Key, Set<Connection>> watchers = new ConcurrentHashMap<>();

  /** Records a signed-in connection; returns true when the user just came online. */
  boolean add(Connection conn, String userId) {
    boolean[] first = {false};
    connections.compute(
        new Key(conn.app().id(), userId),
        (key, set) -> {
          Set<Connection> result = set == null ? ConcurrentHashMap.newKeySet() : set;
          first[0] = result.isEmpty();
          result.add(conn);
          return result;
        });
    return first[0];
  }

  /** Forgets a signed-in connection; returns true when the user just went offline. */
  boolean remove(Connection conn, String userId) {
    boolean[] last = {false};
    connections.computeIfPresent(
        new Key(conn.app().id(), userId),
        (key, set) -> {
          if (set.remove(conn) && set.isEmpty()) {
            last[0] = true;
            return null;
          }
          return set.isEmpty() ? null : set;
        });
    return last[0];
  }

  /** Whether the user is signed in on at least one connection of this node. */
  public boolean isOnline(String appId, String userId) {
    return connections.containsKey(new Key(appId, userId));
  }

  /**
   * Closes every connection signed in as the user with 4009 and {@code message}, each on its own
   * loop; returns how many there were.
   */
  public int terminate(String appId, String userId, String message) {
    Set<Connection> set = connections.get(new Key(appId, userId));
    if (set == null) {
      return 0;
    }
    List<Connection> targets = new ArrayList<>(set);
    for (Connection conn : targets) {
      conn.loop().execute(() -> conn.close(PusherError.UNAUTHORIZED, message));
    }
    return targets.size();
  }

  private record Key(String appId, String userId) {}
}
