package dev.herald.server.redis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.PusherJson;
import dev.herald.server.presence.Member;
import dev.herald.server.presence.PresenceStore;
import dev.herald.server.presence.PresenceStore.JoinResult;
import dev.herald.server.presence.PresenceStore.Joined;
import dev.herald.server.redis.Counter.Kind;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Presence members of the whole cluster, in Redis. Per channel, one hash counts each user's sockets
 * and another keeps each user's info; both change in one script through this node's ledger, so the
 * first join and the last leave of a user are decided once for the cluster, and the members of a
 * node that dies are taken back out by whichever node reaps it. When Redis cannot be reached it
 * answers from this node's own members.
 */
final class RedisPresenceStore implements PresenceStore {
  private final RedisLedger ledger;
  private final RedisAsyncCommands<String, String> redis;
  private final RedisHealth health;
  private final LocalSockets<Counter> sockets = new LocalSockets<>();

  RedisPresenceStore(
      RedisLedger ledger, RedisAsyncCommands<String, String> redis, RedisHealth health) {
    this.ledger = ledger;
    this.redis = redis;
    this.health = health;
  }

  @Override
  public CompletableFuture<Joined> join(
      String appId, String channel, String socketId, Member member, int maxMembers) {
    Counter counter = counter(appId, channel, member.userId());
    if (!sockets.add(counter, socketId)) {
      // Joined already: counted once, as in memory.
      return members(appId, channel).thenApply(members -> new Joined(JoinResult.ADDED, members));
    }
    String info = member.userInfo() == null ? "null" : PusherJson.string(member.userInfo());
    return ledger
        .change(counter, 1, info, maxMembers, true)
        .thenApply(
            change -> {
              if (change.before() < 0) {
                sockets.remove(counter, socketId);
                return new Joined(JoinResult.FULL, List.of());
              }
              return new Joined(
                  change.before() == 0 ? JoinResult.FIRST : JoinResult.ADDED,
                  members(change.infos()));
            })
        .exceptionally(
            e -> {
              health.failed("join a presence channel", e);
              JoinResult result =
                  ledger.localCount(counter) == 1 ? JoinResult.FIRST : JoinResult.ADDED;
              return new Joined(result, localMembers(appId, channel));
            });
  }

  @Override
  public CompletableFuture<Boolean> leave(
      String appId, String channel, String socketId, String userId) {
    Counter counter = counter(appId, channel, userId);
    if (!sockets.remove(counter, socketId)) {
      return CompletableFuture.completedFuture(false); // Never joined, or left already.
    }
    return ledger
        .change(counter, -1, null, 0, false)
        .thenApply(change -> change.before() > 0 && change.after() == 0)
        .exceptionally(
            e -> {
              health.failed("leave a presence channel", e);
              return ledger.localCount(counter) == 0;
            });
  }

  @Override
  public CompletableFuture<List<Member>> members(String appId, String channel) {
    return redis
        .hgetall(ledger.keys().membersKey(appId, channel))
        .toCompletableFuture()
        .thenApply(RedisPresenceStore::members)
        .exceptionally(
            e -> {
              health.failed("list presence members", e);
              return localMembers(appId, channel);
            });
  }

  @Override
  public CompletableFuture<Integer> userCount(String appId, String channel) {
    return redis
        .hlen(ledger.keys().presenceKey(appId, channel))
        .toCompletableFuture()
        .thenApply(Long::intValue)
        .exceptionally(
            e -> {
              health.failed("count presence members", e);
              return localMembers(appId, channel).size();
            });
  }

  private List<Member> localMembers(String appId, String channel) {
    List<Member> result = new ArrayList<>();
    ledger
        .local(Kind.PRESENCE, appId, channel)
        .forEach((counter, info) -> result.add(new Member(counter.field(), parse(info))));
    return result;
  }

  private static List<Member> members(Map<String, String> infos) {
    List<Member> result = new ArrayList<>(infos.size());
    infos.forEach((userId, info) -> result.add(new Member(userId, parse(info))));
    return result;
  }

  /** A member's info as stored: JSON text, {@code null} for none. */
  static JsonNode parse(String info) {
    if (info == null || info.isEmpty() || info.equals("null")) {
      return null;
    }
    try {
      return PusherJson.mapper().readTree(info);
    } catch (IOException e) {
      return null; // Written by Herald from parsed JSON; unreadable only if tampered with.
    }
  }

  private static Counter counter(String appId, String channel, String userId) {
    return new Counter(Kind.PRESENCE, appId, channel, userId);
  }
}
