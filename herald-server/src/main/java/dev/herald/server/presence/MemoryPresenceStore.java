package dev.herald.server.presence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Presence on one node, in memory. Each channel's state is changed under the map's per-key lock, so
 * joins and leaves from different event loops cannot interleave badly. Emptied channels are
 * forgotten, so memory follows what is live.
 */
public final class MemoryPresenceStore implements PresenceStore {
  private final ConcurrentHashMap<Key, Roster> rosters = new ConcurrentHashMap<>();

  @Override
  public JoinResult join(
      String appId, String channel, String socketId, Member member, int maxMembers) {
    JoinResult[] result = new JoinResult[1];
    rosters.compute(
        new Key(appId, channel),
        (key, existing) -> {
          Roster roster = existing == null ? new Roster() : existing;
          result[0] = roster.join(socketId, member, maxMembers);
          return roster.isEmpty() ? null : roster;
        });
    return result[0];
  }

  @Override
  public boolean leave(String appId, String channel, String socketId, String userId) {
    boolean[] last = {false};
    rosters.computeIfPresent(
        new Key(appId, channel),
        (key, roster) -> {
          last[0] = roster.leave(socketId, userId);
          return roster.isEmpty() ? null : roster;
        });
    return last[0];
  }

  @Override
  public List<Member> members(String appId, String channel) {
    List<Member> result = new ArrayList<>();
    rosters.computeIfPresent(
        new Key(appId, channel),
        (key, roster) -> {
          roster.users.values().forEach(u -> result.add(u.member));
          return roster;
        });
    return result;
  }

  @Override
  public int userCount(String appId, String channel) {
    Roster roster = rosters.get(new Key(appId, channel));
    return roster == null ? 0 : roster.size;
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
