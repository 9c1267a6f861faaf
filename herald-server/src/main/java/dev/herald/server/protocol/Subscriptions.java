package dev.herald.server.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.ChannelName;
import dev.herald.pusher.ChannelType;
import dev.herald.pusher.PusherJson;
import dev.herald.pusher.Signatures;
import dev.herald.server.app.App;
import dev.herald.server.broker.Broker;
import dev.herald.server.broker.Message;
import dev.herald.server.cache.CacheStore;
import dev.herald.server.channel.ChannelRegistry;
import dev.herald.server.lifecycle.LifecycleEvent;
import dev.herald.server.lifecycle.LifecycleListener;
import dev.herald.server.presence.Member;
import dev.herald.server.presence.PresenceStore;
import dev.herald.server.presence.PresenceStore.JoinResult;
import dev.herald.server.protocol.ConnectionState.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code pusher:subscribe} and {@code pusher:unsubscribe} for public, private, encrypted, presence
 * and cache channels and the signed-in user's {@code #server-to-user-…} channel (protocol reference
 * §1.6, §1.7, §1.9), and the cleanup when a connection closes. Runs on the connection's loop.
 */
final class Subscriptions {
  private final ChannelRegistry channels;
  private final PresenceStore presence;
  private final Broker broker;
  private final CacheStore cache;
  private final SubscriptionCounts counts;
  private final LifecycleListener events;
  private final Clock clock;

  Subscriptions(
      ChannelRegistry channels,
      PresenceStore presence,
      Broker broker,
      CacheStore cache,
      SubscriptionCounts counts,
      LifecycleListener events,
      Clock clock) {
    this.channels = channels;
    this.presence = presence;
    this.broker = broker;
    this.cache = cache;
    this.counts = counts;
    this.events = events;
    this.clock = clock;
  }

  void subscribe(Connection conn, ClientFrame frame) {
    JsonNode data = frame.dataObject();
    String channel = ClientFrame.optionalString(data, PusherJson.CHANNEL, frame.event());
    if (channel == null) {
      throw ClientFrame.invalid("pusher:subscribe needs data.channel");
    }
    if (ChannelName.isServerToUser(channel)) {
      confirmUserChannel(conn, channel);
      return;
    }
    ChannelName.problem(channel)
        .ifPresent(
            problem -> {
              throw failure(channel, PusherError.INVALID_MESSAGE, "InvalidChannel", 400, problem);
            });
    ChannelType type = ChannelType.of(channel);
    String auth = ClientFrame.optionalString(data, PusherJson.AUTH, frame.event());
    String channelData = ClientFrame.optionalString(data, PusherJson.CHANNEL_DATA, frame.event());
    App app = conn.app();
    ConnectionState state = conn.state();
    if (type.requiresAuth()) {
      verifyAuth(conn, channel, type, auth, channelData);
    }
    if (state.subscriptions.containsKey(channel)) {
      // Already subscribed (pusher-js resubscribes in some races): confirm again, change nothing.
      conn.send(succeeded(app, channel, type));
      return;
    }
    Member member = null;
    boolean firstOfUser = false;
    if (type == ChannelType.PRESENCE) {
      member =
          channelData == null
              ? state.user // signed in: the sign-in's user (§1.6)
              : PresenceData.member(channelData, channel, app.limits());
      JoinResult joined =
          presence.join(
              app.id(), channel, conn.socketId(), member, app.limits().maxPresenceMembers());
      if (joined == JoinResult.FULL) {
        throw failure(
            channel,
            PusherError.OVER_CAPACITY,
            "LimitReached",
            PusherError.OVER_CAPACITY.code(),
            "Presence channel "
                + channel
                + " is full ("
                + app.limits().maxPresenceMembers()
                + " members)");
      }
      firstOfUser = joined == JoinResult.FIRST;
    }
    if (type.requiresAuth()) {
      state.authorized = true;
    }
    state.subscriptions.put(channel, new Subscription(type, member));
    int count = channels.subscribe(app.id(), channel, conn);
    conn.send(succeeded(app, channel, type));
    long now = clock.millis();
    if (ChannelName.isCache(channel)) {
      replayCache(conn, channel, now);
    }
    events.on(new LifecycleEvent.Subscribed(app.id(), conn.socketId(), channel, now));
    if (count == 1) {
      events.on(new LifecycleEvent.ChannelOccupied(app.id(), channel, now));
    }
    if (firstOfUser) {
      broker.publish(
          new Message(
              app.id(),
              channel,
              PusherJson.memberAdded(channel, member.userId(), member.userInfo()),
              conn.socketId()));
      events.on(new LifecycleEvent.MemberAdded(app.id(), channel, member.userId(), now));
    }
    if (type != ChannelType.PRESENCE) {
      counts.changed(app, channel);
    }
  }

  void unsubscribe(Connection conn, ClientFrame frame) {
    String channel =
        ClientFrame.optionalString(frame.dataObject(), PusherJson.CHANNEL, frame.event());
    if (channel == null) {
      throw ClientFrame.invalid("pusher:unsubscribe needs data.channel");
    }
    leave(conn, channel);
  }

  /** Leaves every channel, as when the connection closes. */
  void unsubscribeAll(Connection conn) {
    for (String channel : List.copyOf(conn.state().subscriptions.keySet())) {
      leave(conn, channel);
    }
  }

  private void leave(Connection conn, String channel) {
    Subscription subscription = conn.state().subscriptions.remove(channel);
    if (subscription == null) {
      return; // Not subscribed (or the user channel, which lasts as long as the sign-in).
    }
    App app = conn.app();
    String appId = app.id();
    int count = channels.unsubscribe(appId, channel, conn);
    long now = clock.millis();
    events.on(new LifecycleEvent.Unsubscribed(appId, conn.socketId(), channel, now));
    Member member = subscription.member();
    if (member != null && presence.leave(appId, channel, conn.socketId(), member.userId())) {
      broker.publish(
          new Message(appId, channel, PusherJson.memberRemoved(channel, member.userId()), null));
      events.on(new LifecycleEvent.MemberRemoved(appId, channel, member.userId(), now));
    }
    if (count == 0) {
      events.on(new LifecycleEvent.ChannelVacated(appId, channel, now));
    }
    if (subscription.type() != ChannelType.PRESENCE) {
      counts.changed(app, channel);
    }
  }

  /**
   * pusher-js subscribes to {@code #server-to-user-{id}} with an empty auth after sign-in; only the
   * user signed in on this connection may (§1.7). The connection joined it at sign-in already.
   */
  private static void confirmUserChannel(Connection conn, String channel) {
    ConnectionState state = conn.state();
    if (state.user == null || !channel.equals(ChannelName.serverToUser(state.user.userId()))) {
      throw failure(
          channel,
          PusherError.UNAUTHORIZED,
          "AuthError",
          401,
          "Only a connection signed in as that user may subscribe to " + channel);
    }
    conn.send(PusherJson.subscriptionSucceeded(channel));
  }

  private void replayCache(Connection conn, String channel, long now) {
    var cached = cache.find(conn.app().id(), channel, now);
    if (cached.isPresent()) {
      conn.send(new String(cached.get().json(), StandardCharsets.UTF_8));
    } else {
      conn.send(PusherJson.cacheMiss(channel));
      events.on(new LifecycleEvent.CacheMiss(conn.app().id(), channel, now));
    }
  }

  private String succeeded(App app, String channel, ChannelType type) {
    if (type != ChannelType.PRESENCE) {
      return PusherJson.subscriptionSucceeded(channel);
    }
    Map<String, JsonNode> members = new LinkedHashMap<>();
    for (Member m : presence.members(app.id(), channel)) {
      members.put(m.userId(), m.userInfo());
    }
    return PusherJson.presenceSucceeded(channel, members);
  }

  private static void verifyAuth(
      Connection conn, String channel, ChannelType type, String auth, String channelData) {
    boolean presence = type == ChannelType.PRESENCE;
    if (presence && channelData == null && conn.state().user == null) {
      throw failure(
          channel,
          PusherError.UNAUTHORIZED,
          "AuthError",
          401,
          "Presence channel "
              + channel
              + " needs channel_data with a user_id, or a signed-in connection");
    }
    String signed =
        Signatures.channelSigningString(conn.socketId(), channel, presence ? channelData : null);
    App app = conn.app();
    if (auth == null || auth.isEmpty()) {
      throw failure(
          channel,
          PusherError.UNAUTHORIZED,
          "AuthError",
          401,
          "Channel " + channel + " needs an auth signature");
    }
    if (!Signatures.verifyAuth(app.key(), app.secret(), signed, auth)) {
      throw failure(
          channel,
          PusherError.UNAUTHORIZED,
          "AuthError",
          401,
          "Invalid signature: Expected HMAC SHA256 hex digest of " + signed + ", but got " + auth);
    }
  }

  static PusherException failure(
      String channel, PusherError error, String type, int status, String message) {
    return PusherException.subscription(error, channel, type, status, message);
  }
}
