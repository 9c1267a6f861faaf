package dev.herald.server.protocol;

import dev.herald.pusher.ChannelType;
import dev.herald.pusher.Signatures;
import dev.herald.server.app.App;

/** The checks of a {@code pusher:subscribe} that need no cluster: signature and channel count. */
final class SubscribeChecks {
  private SubscribeChecks() {}

  /** Refuses a private or presence subscription without a valid signature (AuthError 401, 4009). */
  static void verifyAuth(
      Connection conn, String channel, ChannelType type, String auth, String channelData) {
    boolean presence = type == ChannelType.PRESENCE;
    if (presence && channelData == null && conn.state().user == null) {
      throw SubscriptionRefusal.AUTH_ERROR.of(
          channel,
          "Presence channel "
              + channel
              + " needs channel_data with a user_id, or a signed-in connection");
    }
    String signed =
        Signatures.channelSigningString(conn.socketId(), channel, presence ? channelData : null);
    App app = conn.app();
    if (auth == null || auth.isEmpty()) {
      throw SubscriptionRefusal.AUTH_ERROR.of(
          channel, "Channel " + channel + " needs an auth signature");
    }
    if (!Signatures.verifyAuth(app.key(), app.secret(), signed, auth)) {
      throw SubscriptionRefusal.AUTH_ERROR.of(
          channel,
          "Invalid signature: Expected HMAC SHA256 hex digest of " + signed + ", but got " + auth);
    }
  }

  /** Refuses a subscription beyond the app's channels per connection (429, 4300). */
  static void withinChannelLimit(Connection conn, String channel) {
    App app = conn.app();
    ConnectionState state = conn.state();
    int maxChannels = app.limits().maxChannelsPerConnection();
    if (state.subscriptions.size() >= maxChannels) {
      throw SubscriptionRefusal.TOO_MANY_CHANNELS.of(
          channel,
          "Too many channels: a connection may be subscribed to "
              + maxChannels
              + " channels at once (max_channels_per_connection); unsubscribe from one first");
    }
  }
}
