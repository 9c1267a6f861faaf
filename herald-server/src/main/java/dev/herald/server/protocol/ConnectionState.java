package dev.herald.server.protocol;

import dev.herald.pusher.ChannelType;
import dev.herald.server.app.RateLimiter;
import dev.herald.server.presence.Member;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the protocol remembers about one connection: its subscriptions, liveness and client event
 * budget. Only touched on the connection's loop.
 */
public final class ConnectionState {
  final Map<String, Subscription> subscriptions = new HashMap<>(4);
  final long openedMillis;
  long lastActivityMillis;
  long pingSentMillis = -1;
  RateLimiter clientEvents;
  RateLimiter messages;
  long dropWindowStartMillis;
  int droppedInWindow;
  boolean closed;

  /** Signed in, or joined a private or presence channel (authorized connections, §1.7). */
  boolean authorized;

  /** The signed-in user, or null. */
  Member user;

  List<String> watchlist = List.of();
  private String closeReason = "client disconnected";

  ConnectionState(long nowMillis) {
    this.openedMillis = nowMillis;
    this.lastActivityMillis = nowMillis;
  }

  /** The signed-in user's id, or null. */
  public String userId() {
    return user == null ? null : user.userId();
  }

  /** Records why the server is closing this connection, for lifecycle listeners. */
  public void closingBecause(int code, String message) {
    closeReason = code + " " + message;
  }

  /** Why the connection closed: the server's code and message, or "client disconnected". */
  public String closeReason() {
    return closeReason;
  }

  /** Whether the connection is subscribed to {@code channel} (and the server confirmed it). */
  public boolean isSubscribed(String channel) {
    Subscription subscription = subscriptions.get(channel);
    return subscription != null && subscription.isConfirmed();
  }

  /** The number of channels the connection is subscribed to. */
  public int subscriptionCount() {
    return subscriptions.size();
  }

  /**
   * One subscription, from the subscribe frame until it is left. While the cluster's answers are
   * awaited it is {@link Stage#PENDING}; one left meanwhile is {@link Stage#ABANDONED}, and the
   * confirmation step undoes what was recorded.
   */
  static final class Subscription {
    /** Where a subscription stands; it only moves from {@code PENDING} to one of the others. */
    enum Stage {
      /** Recorded here; the cluster's answers are awaited. */
      PENDING,
      /** The client was told it is subscribed. */
      CONFIRMED,
      /** Left before it was confirmed. */
      ABANDONED
    }

    final ChannelType type;

    /** The presence member (presence channels only), else null. */
    final Member member;

    private Stage stage = Stage.PENDING;

    Subscription(ChannelType type, Member member) {
      this.type = type;
      this.member = member;
    }

    ChannelType type() {
      return type;
    }

    Member member() {
      return member;
    }

    Stage stage() {
      return stage;
    }

    boolean isConfirmed() {
      return stage == Stage.CONFIRMED;
    }

    /** The cluster answered and the client is told. */
    void confirm() {
      moveFromPending(Stage.CONFIRMED);
    }

    /** Left while pending. */
    void abandon() {
      moveFromPending(Stage.ABANDONED);
    }

    private void moveFromPending(Stage next) {
      if (stage != Stage.PENDING) {
        throw new IllegalStateException("subscription is " + stage + ", not pending");
      }
      stage = next;
    }
  }
}
