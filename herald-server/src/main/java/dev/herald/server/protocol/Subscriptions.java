package dev.herald.server.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.ChannelName;
import dev.herald.pusher.ChannelType;
import dev.herald.pusher.PusherJson;
import dev.herald.pusher.Signatures;
import dev.herald.server.app.App;
import dev.herald.server.broker.Broker;
import dev.herald.server.broker.Message;
import dev.herald.server.channel.ChannelRegistry;
import dev.herald.server.presence.Member;
import dev.herald.server.presence.PresenceStore;
import dev.herald.server.presence.PresenceStore.JoinResult;
import dev.herald.server.protocol.ConnectionState.Subscription;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code pusher:subscribe} and {@code pusher:unsubscribe} for public, private, encrypted and
 * presence channels (protocol reference §1.6, §1.9), and the cleanup when a connection closes. Runs
 * on the connection's loop.
 */
final class Subscriptions {
  private final ChannelRegistry channels;
  private final PresenceStore presence;
  private final Broker broker;

  Subscriptions(ChannelRegistry channels, PresenceStore presence, Broker broker) {
    this.channels = channels;
    this.presence = presence;
    this.broker = broker;
  }

  void subscribe(Connection conn, ClientFrame frame) {
    JsonNode data = frame.dataObject();
    String channel = ClientFrame.optionalString(data, PusherJson.CHANNEL, frame.event());
    if (channel == null) {
      throw ClientFrame.invalid("pusher:subscribe needs data.channel");
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
    if (type.requiresAuth()) {
      verifyAuth(conn, channel, type, auth, channelData);
    }
    ConnectionState state = conn.state();
    Subscription existing = state.subscriptions.get(channel);
    if (existing != null) {
      // Already subscribed (pusher-js resubscribes in some races): confirm again, change nothing.
      conn.send(succeeded(app, channel, type));
      return;
    }
    Member member = null;
    boolean firstOfUser = false;
    if (type == ChannelType.PRESENCE) {
      member = PresenceData.member(channelData, channel, app.limits());
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
    state.subscriptions.put(channel, new Subscription(type, member));
    channels.subscribe(app.id(), channel, conn);
    conn.send(succeeded(app, channel, type));
    if (firstOfUser) {
      broker.publish(
          new Message(
              app.id(),
              channel,
              PusherJson.memberAdded(channel, member.userId(), member.userInfo()),
              conn.socketId()));
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
      return; // Not subscribed: the protocol defines no reply.
    }
    String appId = conn.app().id();
    channels.unsubscribe(appId, channel, conn);
    Member member = subscription.member();
    if (member != null && presence.leave(appId, channel, conn.socketId(), member.userId())) {
      broker.publish(
          new Message(appId, channel, PusherJson.memberRemoved(channel, member.userId()), null));
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
    if (type == ChannelType.PRESENCE && channelData == null) {
      throw failure(
          channel,
          PusherError.UNAUTHORIZED,
          "AuthError",
          401,
          "Presence channel " + channel + " needs channel_data with a user_id");
    }
    String signed =
        Signatures.channelSigningString(
            conn.socketId(), channel, type == ChannelType.PRESENCE ? channelData : null);
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
