package dev.herald.server.protocol;

import dev.herald.pusher.ChannelType;
import dev.herald.server.presence.Member;
import java.util.HashMap;
import java.util.Map;

/**
 * What the protocol remembers about one connection: its subscriptions, liveness and client event
 * budget. Only touched on the connection's loop.
 */
public final class ConnectionState {
  final Map<String, Subscription> subscriptions = new HashMap<>(4);
  long lastActivityMillis;
  long pingSentMillis = -1;
  RateLimiter clientEvents;
  boolean closed;

  ConnectionState(long nowMillis) {
    this.lastActivityMillis = nowMillis;
  }

  /** Whether the connection is subscribed to {@code channel}. */
  public boolean isSubscribed(String channel) {
    return subscriptions.containsKey(channel);
  }

  /** The number of channels the connection is subscribed to. */
  public int subscriptionCount() {
    return subscriptions.size();
  }

  /** One subscription; {@code member} is set on presence channels only. */
  record Subscription(ChannelType type, Member member) {}
}
