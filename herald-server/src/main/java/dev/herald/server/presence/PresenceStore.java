package dev.herald.server.presence;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Presence members per (app, channel), keyed by {@code user_id} with several sockets per user:
 * first-join and last-leave are decided here, for the whole cluster when the store is shared.
 * Thread-safe; never blocks: every answer is a future, already complete for the memory store. The
 * futures never fail: a store that cannot reach its backend answers from what this node knows.
 */
public interface PresenceStore {
  /**
   * Records that {@code socketId} joined as {@code member}; the answer carries the channel's
   * members after the join, for {@code pusher_internal:subscription_succeeded}.
   */
  CompletableFuture<Joined> join(
      String appId, String channel, String socketId, Member member, int maxMembers);

  /**
   * Records that {@code socketId} left; true when it was the user's last socket in the channel (so
   * {@code member_removed} is due). Leaving twice, or without joining, answers false.
   */
  CompletableFuture<Boolean> leave(String appId, String channel, String socketId, String userId);

  /** The channel's members, one per user. */
  CompletableFuture<List<Member>> members(String appId, String channel);

  /** The number of distinct users in the channel. */
  CompletableFuture<Integer> userCount(String appId, String channel);

  /**
   * The outcome of a {@link #join}.
   *
   * @param result whether the user is new, already present, or the channel is full
   * @param members the channel's members after the join (empty when full)
   */
  record Joined(JoinResult result, List<Member> members) {}

  /** The outcome of a {@link #join}. */
  enum JoinResult {
    /** The user's first socket in the channel: {@code member_added} is due. */
    FIRST,
    /** A further socket of a user already present. */
    ADDED,
    /** A new user would exceed the member limit; nothing was recorded. */
    FULL
  }
}
