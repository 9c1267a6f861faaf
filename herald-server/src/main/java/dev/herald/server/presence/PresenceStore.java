package dev.herald.server.presence;

import java.util.List;

/**
 * Presence members per (app, channel), keyed by {@code user_id} with several sockets per user:
 * first-join and last-leave are decided here. Thread-safe; never blocks.
 */
public interface PresenceStore {
  /**
   * Records that {@code socketId} joined as {@code member}.
   *
   * @return {@link JoinResult#FIRST} when this is the user's first socket in the channel (so {@code
   *     member_added} is due), {@link JoinResult#ADDED} for a further socket of a present user, or
   *     {@link JoinResult#FULL} when a new user would exceed {@code maxMembers}
   */
  JoinResult join(String appId, String channel, String socketId, Member member, int maxMembers);

  /**
   * Records that {@code socketId} left; returns true when it was the user's last socket (so {@code
   * member_removed} is due).
   */
  boolean leave(String appId, String channel, String socketId, String userId);

  /** The channel's members, one per user, in join order. */
  List<Member> members(String appId, String channel);

  /** The number of distinct users in the channel. */
  int userCount(String appId, String channel);

  /** The outcome of a {@link #join}. */
  enum JoinResult {
    FIRST,
    ADDED,
    FULL
  }
}
