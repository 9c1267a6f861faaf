package dev.herald.server.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.ChannelName;
import dev.herald.pusher.PusherJson;
import dev.herald.pusher.Signatures;
import dev.herald.server.app.App;
import dev.herald.server.broker.Message;
import dev.herald.server.channel.ChannelRegistry;
import dev.herald.server.cluster.Cluster;
import dev.herald.server.presence.Member;
import dev.herald.server.presence.Watchlists;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code pusher:signin} (protocol reference §1.7): verifies {@code socket_id::user::user_data},
 * requires a non-empty string {@code id}, allows one user per connection, joins the user's {@code
 * #server-to-user-{id}} channel (so the HTTP API reaches every signed-in socket of the user,
 * whether or not the client subscribes to it), and, when the app has the watchlist on, sends the
 * watched users' state and registers for changes. Runs on the connection's loop.
 *
 * <p>Whether a user is online is the cluster's answer ({@link
 * dev.herald.server.presence.OnlineUserStore}). A watcher listens to the internal channel {@link
 * Watchlists#channel(String) #watchers-{id}} of each watched user, so an online/offline change
 * published on any node reaches every watcher through the broker, as any event does.
 */
final class UserAuthentication {
  static final int MAX_WATCHLIST = 100;

  private final SignedInUsers users;
  private final ChannelRegistry channels;
  private final Cluster cluster;

  UserAuthentication(SignedInUsers users, ChannelRegistry channels, Cluster cluster) {
    this.users = users;
    this.channels = channels;
    this.cluster = cluster;
  }

  void signin(Connection conn, ClientFrame frame) {
    JsonNode data = frame.dataObject();
    String auth = ClientFrame.optionalString(data, PusherJson.AUTH, frame.event());
    String userData = ClientFrame.optionalString(data, PusherJson.USER_DATA, frame.event());
    if (auth == null || userData == null) {
      throw unauthorized("pusher:signin needs data.auth and data.user_data");
    }
    App app = conn.app();
    String signed = Signatures.userSigningString(conn.socketId(), userData);
    if (!Signatures.verifyAuth(app.key(), app.secret(), signed, auth)) {
      throw unauthorized(
          "Invalid signature: Expected HMAC SHA256 hex digest of " + signed + ", but got " + auth);
    }
    JsonNode user = parse(userData);
    JsonNode id = user.get("id");
    if (id == null || !id.isTextual() || id.asText().isEmpty()) {
      throw unauthorized("user_data must have a non-empty string \"id\"");
    }
    String userId = id.asText();
    if (userId.length() > app.limits().maxPresenceUserIdLength()) {
      throw unauthorized(
          "user_data.id is "
              + userId.length()
              + " characters long; the limit is "
              + app.limits().maxPresenceUserIdLength());
    }
    ConnectionState state = conn.state();
    if (state.user != null && !state.user.userId().equals(userId)) {
      throw unauthorized(
          "This connection is already signed in as another user; reconnect to sign in again");
    }
    List<String> watchlist = watchlist(conn, user.get("watchlist"));
    if (state.user != null) {
      // Signed in again as the same user: confirmed, nothing else changes.
      conn.send(PusherJson.signinSuccess(userData));
      return;
    }
    state.user = new Member(userId, user.get("user_info"));
    state.authorized = true;
    String appId = app.id();
    String userChannel = ChannelName.serverToUser(userId);
    channels.subscribe(appId, userChannel, conn);
    users.add(conn, userId);
    // Confirmed once the cluster delivers the user's events here, so none sent after
    // signin_success can miss this node. Without the cluster (Redis away) this node's own
    // deliveries still reach the user: confirmed all the same.
    Runnable confirm = () -> conn.send(PusherJson.signinSuccess(userData));
    OnLoop.when(conn, cluster.broker().listening(appId, userChannel), confirm, confirm);
    boolean watchlists = app.features().watchlistEvents();
    cluster
        .onlineUsers()
        .signedIn(appId, userId, conn.socketId())
        .thenAccept(
            cameOnline -> {
              if (cameOnline && watchlists) {
                announce(appId, userId, true);
              }
            });
    if (watchlists && !watchlist.isEmpty()) {
      state.watchlist = watchlist;
      for (String watched : watchlist) {
        channels.subscribe(appId, Watchlists.channel(watched), conn);
      }
      CompletableFuture<Set<String>> online = cluster.onlineUsers().online(appId, watchlist);
      OnLoop.when(
          conn,
          online,
          () -> sendWatchlistState(conn, watchlist, online.join()),
          () -> {
            // Signed in all the same; only who of the watchlist is online is unknown (§1.7).
            throw PusherException.reject(
                PusherError.OVER_CAPACITY,
                "Could not tell who of the watchlist is online: the cluster did not answer");
          });
    }
  }

  private static void sendWatchlistState(Connection conn, List<String> watchlist, Set<String> on) {
    if (conn.state().closed) {
      return;
    }
    List<String> online = new ArrayList<>();
    List<String> offline = new ArrayList<>();
    for (String watched : watchlist) {
      (on.contains(watched) ? online : offline).add(watched);
    }
    conn.send(PusherJson.watchlistEvents(online, offline));
  }

  /** Signs the connection out as it closes: leaves the user channel, tells watchers. */
  void signout(Connection conn) {
    ConnectionState state = conn.state();
    if (state.user == null) {
      return;
    }
    App app = conn.app();
    String appId = app.id();
    String userId = state.user.userId();
    channels.unsubscribe(appId, ChannelName.serverToUser(userId), conn);
    for (String watched : state.watchlist) {
      channels.unsubscribe(appId, Watchlists.channel(watched), conn);
    }
    users.remove(conn, userId);
    boolean watchlists = app.features().watchlistEvents();
    cluster
        .onlineUsers()
        .signedOut(appId, userId, conn.socketId())
        .thenAccept(
            wentOffline -> {
              if (wentOffline && watchlists) {
                announce(appId, userId, false);
              }
            });
  }

  /** Tells everyone, on every node, who watches the user that it went online or offline. */
  private void announce(String appId, String userId, boolean online) {
    cluster
        .broker()
        .publish(
            new Message(
                appId, Watchlists.channel(userId), Watchlists.change(userId, online), null));
  }

  /** The watchlist's first 100 string ids; more, or non-strings, earn a 4302 error (§1.7). */
  private static List<String> watchlist(Connection conn, JsonNode node) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw unauthorized("user_data.watchlist must be an array of user ids");
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode item : node) {
      if (item.isTextual() && !item.asText().isEmpty() && ids.size() < MAX_WATCHLIST) {
        ids.add(item.asText());
      }
    }
    if (node.size() > MAX_WATCHLIST) {
      conn.send(
          PusherJson.error(
              PusherError.WATCHLIST_LIMIT.code(),
              "Watchlist limit exceeded: only the first " + MAX_WATCHLIST + " user ids are used"));
    }
    return List.copyOf(ids);
  }

  private static JsonNode parse(String userData) {
    try {
      JsonNode node = PusherJson.mapper().readTree(userData);
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (JsonProcessingException e) {
      // Reported below.
    }
    throw unauthorized("user_data must be a JSON object string");
  }

  private static PusherException unauthorized(String message) {
    return PusherException.reject(PusherError.UNAUTHORIZED, message);
  }
}
