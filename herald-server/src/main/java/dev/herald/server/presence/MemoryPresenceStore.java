package dev.herald.server.presence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Presence on one node, in memory. Each channel's state is changed under the map's per-key lock, so
 * joins and leaves from different event loops cannot interleave badly. Emptied channels are
 * forgotten, so memory follows what is live.
 */
public final class MemoryPresenceStore implements PresenceStore {
  private final ConcurrentHashMap<Key, Roster> rosters = new ConcurrentHashMap<>();

  @Override
  public CompletableFuture<Joined> join(
      String appId, String channel, String socketId, Member member, int maxMembers) {
    Joined[] result = new Joined[1];
    rosters.compute(
        new Key(appId, channel),
        (key, existing) -> {
          Roster roster = existing == null ? new Roster() : existing;
          JoinResult joined = roster.join(socketId, member, maxMembers);
          result[0] = new Joined(joined, joined == JoinResult.FULL ? List.of() : roster.members());
          return roster.isEmpty() ? null : roster;
        });
    return CompletableFuture.completedFuture(result[0]);
  }

  @Override
  public CompletableFuture<Boolean> leave(
      String appId, String channel, String socketId, String userId) {
    boolean[] last = {false};
    rosters.computeIfPresent(
        new Key(appId, channel),
        (key, roster) -> {
          last[0] = roster.leave(socketId, userId);
          return roster.isEmpty() ? null : roster;
        });
    return CompletableFuture.completedFuture(last[0]);
  }

  @Override
  public CompletableFuture<List<Member>> members(String appId, String channel) {
    List<List<Member>> result = new ArrayList<>(1);
    rosters.computeIfPresent(
        new Key(appId, channel),
        (key, roster) -> {
          result.add(roster.members());
          return roster;
        });
    return CompletableFuture.completedFuture(result.isEmpty() ? List.of() : result.get(0));
  }

  @Override
  public CompletableFuture<Integer> userCount(String appId, String channel) {
    Roster roster = rosters.get(new Key(appId, channel));
    return CompletableFuture.completedFuture(roster == null ? 0 : roster.size);
  }

  private record Key(String appId, String channel) {}

  /** One channel's users; only touched under the map's lock for its key. */
  private static final class Roster {
    final Map<String, User> users = new LinkedHashMap<>();
    volatile int size;

    JoinResult join(String socketId, Member member, int maxMembers) {
      User user = users.get(member.userId());
      if (user != null) {
        user.sockets.add(socketId);
        return JoinResult.ADDED;
      }
      if (users.size() >= maxMembers) {
        return JoinResult.FULL;
      }
      user = new User(member);
      user.sockets.add(socketId);
      users.put(member.userId(), user);
      size = users.size();
      return JoinResult.FIRST;
    }

    boolean leave(String socketId, String userId) {
      User user = users.get(userId);
      if (user == null || !user.sockets.remove(socketId) || !user.sockets.isEmpty()) {
        return false;
      }
      users.remove(userId);
      size = users.size();
      return true;
    }

    List<Member> members() {
      List<Member> result = new ArrayList<>(users.size());
      users.values().forEach(u -> result.add(u.member));
      return result;
    }

    boolean isEmpty() {
      return users.isEmpty();
    }
  }

  private static final class User {
    final Member member;
    final Set<String> sockets = new HashSet<>(2);

    User(Member member) {
      this.member = member;
    }
  }
}
