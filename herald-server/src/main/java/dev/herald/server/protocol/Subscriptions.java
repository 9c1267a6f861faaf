package dev.herald.server.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.ChannelName;
import dev.herald.pusher.ChannelType;
import dev.herald.pusher.PusherJson;
import dev.herald.server.app.App;
import dev.herald.server.broker.Message;
import dev.herald.server.cache.CachedEvent;
import dev.herald.server.channel.ChannelRegistry;
import dev.herald.server.cluster.Cluster;
import dev.herald.server.lifecycle.LifecycleEvent;
import dev.herald.server.lifecycle.LifecycleListener;
import dev.herald.server.presence.Member;
import dev.herald.server.presence.PresenceStore.JoinResult;
import dev.herald.server.presence.PresenceStore.Joined;
import dev.herald.server.protocol.ConnectionState.Subscription;
import dev.herald.server.protocol.ConnectionState.Subscription.Stage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code pusher:subscribe} and {@code pusher:unsubscribe} for public, private, encrypted, presence
 * and cache channels and the signed-in user's {@code #server-to-user-…} channel (protocol reference
 * §1.6, §1.7, §1.9), and the cleanup when a connection closes. Runs on the connection's loop.
 */
final class Subscriptions {
  private final ChannelRegistry channels;
  private final Cluster cluster;
  private final SubscriptionCounts counts;
  private final LifecycleListener events;
  private final Clock clock;

  Subscriptions(
      ChannelRegistry channels,
      Cluster cluster,
      SubscriptionCounts counts,
      LifecycleListener events,
      Clock clock) {
    this.channels = channels;
    this.cluster = cluster;
    this.counts = counts;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Checks the request (name, signature) at once, then records the subscription here and in the
   * cluster (presence member, subscriber count, the broker's interest) and confirms it once the
   * cluster has answered. With the memory stores everything happens before this returns.
   */
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
              throw SubscriptionRefusal.INVALID_CHANNEL.of(channel, problem);
            });
    ChannelType type = ChannelType.of(channel);
    String auth = ClientFrame.optionalString(data, PusherJson.AUTH, frame.event());
    String channelData = ClientFrame.optionalString(data, PusherJson.CHANNEL_DATA, frame.event());
    App app = conn.app();
    ConnectionState state = conn.state();
    if (type.requiresAuth()) {
      SubscribeChecks.verifyAuth(conn, channel, type, auth, channelData);
    }
    Subscription existing = state.subscriptions.get(channel);
    if (existing != null) {
      // Already subscribed (pusher-js resubscribes in some races): confirm again, change nothing.
      if (existing.isConfirmed()) {
        confirmAgain(conn, channel, type);
      }
      return;
    }
    SubscribeChecks.withinChannelLimit(conn, channel);
    Member member = null;
    if (type == ChannelType.PRESENCE) {
      member =
          channelData == null
              ? state.user // signed in: the sign-in's user (§1.6)
              : PresenceData.member(channelData, channel, app.limits());
    }
    Subscription subscription = new Subscription(type, member);
    state.subscriptions.put(channel, subscription);
    channels.subscribe(app.id(), channel, conn);
    long now = clock.millis();
    CompletableFuture<Joined> joined =
        member == null
            ? CompletableFuture.completedFuture(null)
            : cluster
                .presence()
                .join(
                    app.id(), channel, conn.socketId(), member, app.limits().maxPresenceMembers());
    CompletableFuture<Integer> counted =
        joined.thenCompose(
            j ->
                j != null && j.result() == JoinResult.FULL
                    ? CompletableFuture.completedFuture(-1)
                    : cluster.occupancy().added(app.id(), channel));
    CompletableFuture<Optional<CachedEvent>> cached =
        ChannelName.isCache(channel)
            ? cluster.cache().find(app.id(), channel, now)
            : CompletableFuture.completedFuture(Optional.empty());
    CompletableFuture<Void> listening = cluster.broker().listening(app.id(), channel);
    OnLoop.when(
        conn,
        CompletableFuture.allOf(counted, cached, listening),
        () -> confirm(conn, channel, subscription, joined.join(), counted.join(), cached.join()),
        () -> refuseUnanswered(conn, channel, subscription, joined, counted));
  }

  /** The cluster has answered: confirm to the client and tell everyone, or undo. */
  private void confirm(
      Connection conn,
      String channel,
      Subscription subscription,
      Joined joined,
      int count,
      Optional<CachedEvent> cached) {
    App app = conn.app();
    ConnectionState state = conn.state();
    long now = clock.millis();
    boolean full = joined != null && joined.result() == JoinResult.FULL;
    if (subscription.stage() == Stage.ABANDONED || state.closed) {
      // Left meanwhile. Still announce what the cluster recorded (others may list it already),
      // then take it back.
      announce(conn, channel, subscription, joined, count, now);
      undo(conn, channel, subscription, !full, count);
      return;
    }
    if (full) {
      state.subscriptions.remove(channel);
      channels.unsubscribe(app.id(), channel, conn);
      PusherProtocol.report(
          conn,
          SubscriptionRefusal.LIMIT_REACHED.of(
              channel,
              "Presence channel "
                  + channel
                  + " is full ("
                  + app.limits().maxPresenceMembers()
                  + " members)"));
      return;
    }
    subscription.confirm();
    if (subscription.type.requiresAuth()) {
      state.authorized = true;
    }
    conn.send(
        joined == null
            ? PusherJson.subscriptionSucceeded(channel)
            : presenceSucceeded(channel, joined.members()));
    if (ChannelName.isCache(channel)) {
      replayCache(conn, channel, cached, now);
    }
    events.on(new LifecycleEvent.Subscribed(app.id(), conn.socketId(), channel, now));
    announce(conn, channel, subscription, joined, count, now);
    if (subscription.type != ChannelType.PRESENCE) {
      counts.changed(app, channel, count);
    }
  }

  /**
   * A store failed (Redis away): the client is told to try again, and what the cluster did record
   * is announced and taken back, as for a subscription left before it was confirmed.
   */
  private void refuseUnanswered(
      Connection conn,
      String channel,
      Subscription subscription,
      CompletableFuture<Joined> joined,
      CompletableFuture<Integer> counted) {
    Joined recorded = joined.isCompletedExceptionally() ? null : joined.join();
    int count = counted.isCompletedExceptionally() ? -1 : counted.join();
    boolean memberRecorded = recorded != null && recorded.result() != JoinResult.FULL;
    announce(conn, channel, subscription, recorded, count, clock.millis());
    undo(conn, channel, subscription, memberRecorded, count);
    if (subscription.stage() == Stage.ABANDONED || conn.state().closed) {
      return; // Left meanwhile: nobody waits for an answer.
    }
    conn.state().subscriptions.remove(channel);
    channels.unsubscribe(conn.app().id(), channel, conn);
    throw unanswered(channel);
  }

  /** Tells everyone that the channel became occupied and the user joined, when they did. */
  private void announce(
      Connection conn,
      String channel,
      Subscription subscription,
      Joined joined,
      int count,
      long now) {
    String appId = conn.app().id();
    if (count == 1) {
      events.on(new LifecycleEvent.ChannelOccupied(appId, channel, now));
    }
    if (joined != null && joined.result() == JoinResult.FIRST) {
      Member member = subscription.member;
      cluster
          .broker()
          .publish(
              new Message(
                  appId,
                  channel,
                  PusherJson.memberAdded(channel, member.userId(), member.userInfo()),
                  conn.socketId()));
      events.on(new LifecycleEvent.MemberAdded(appId, channel, member.userId(), now));
    }
  }

  /** The subscription was left before it was confirmed: take back what the cluster recorded. */
  private void undo(
      Connection conn,
      String channel,
      Subscription subscription,
      boolean memberRecorded,
      int count) {
    if (memberRecorded && subscription.member != null) {
      leavePresence(conn.app().id(), conn.socketId(), channel, subscription.member);
    }
    if (count > 0) {
      countLeave(conn.app(), channel, subscription.type);
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
    channels.unsubscribe(app.id(), channel, conn);
    if (!subscription.isConfirmed()) {
      subscription.abandon(); // confirm() undoes what the cluster recorded
      return;
    }
    events.on(new LifecycleEvent.Unsubscribed(app.id(), conn.socketId(), channel, clock.millis()));
    if (subscription.member != null) {
      leavePresence(app.id(), conn.socketId(), channel, subscription.member);
    }
    countLeave(app, channel, subscription.type);
  }

  private void leavePresence(String appId, String socketId, String channel, Member member) {
    cluster
        .presence()
        .leave(appId, channel, socketId, member.userId())
        .thenAccept(
            last -> {
              if (last) {
                cluster
                    .broker()
                    .publish(
                        new Message(
                            appId,
                            channel,
                            PusherJson.memberRemoved(channel, member.userId()),
                            null));
                events.on(
                    new LifecycleEvent.MemberRemoved(
                        appId, channel, member.userId(), clock.millis()));
              }
            });
  }

  private void countLeave(App app, String channel, ChannelType type) {
    cluster
        .occupancy()
        .removed(app.id(), channel)
        .thenAccept(
            count -> {
              if (count == 0) {
                events.on(new LifecycleEvent.ChannelVacated(app.id(), channel, clock.millis()));
              }
              if (type != ChannelType.PRESENCE) {
                counts.changed(app, channel, count);
              }
            });
  }

  private void confirmAgain(Connection conn, String channel, ChannelType type) {
    if (type != ChannelType.PRESENCE) {
      conn.send(PusherJson.subscriptionSucceeded(channel));
      return;
    }
    CompletableFuture<List<Member>> members = cluster.presence().members(conn.app().id(), channel);
    OnLoop.when(
        conn,
        members,
        () -> conn.send(presenceSucceeded(channel, members.join())),
        () -> {
          throw unanswered(channel);
        });
  }

  /**
   * pusher-js subscribes to {@code #server-to-user-{id}} with an empty auth after sign-in; only the
   * user signed in on this connection may (§1.7). The connection joined it at sign-in already; the
   * confirmation waits until the broker listens to it, so an event sent to the user right after
   * reaches this connection whichever node it was sent to.
   */
  private void confirmUserChannel(Connection conn, String channel) {
    ConnectionState state = conn.state();
    if (state.user == null || !channel.equals(ChannelName.serverToUser(state.user.userId()))) {
      throw SubscriptionRefusal.AUTH_ERROR.of(
          channel, "Only a connection signed in as that user may subscribe to " + channel);
    }
    OnLoop.when(
        conn,
        cluster.broker().listening(conn.app().id(), channel),
        () -> conn.send(PusherJson.subscriptionSucceeded(channel)),
        () -> {
          throw unanswered(channel);
        });
  }

  private void replayCache(
      Connection conn, String channel, Optional<CachedEvent> cached, long now) {
    if (cached.isPresent()) {
      conn.send(new String(cached.get().json(), StandardCharsets.UTF_8));
    } else {
      conn.send(PusherJson.cacheMiss(channel));
      events.on(new LifecycleEvent.CacheMiss(conn.app().id(), channel, now));
    }
  }

  private static String presenceSucceeded(String channel, List<Member> list) {
    Map<String, JsonNode> members = new LinkedHashMap<>();
    for (Member m : list) {
      members.put(m.userId(), m.userInfo());
    }
    return PusherJson.presenceSucceeded(channel, members);
  }

  private static PusherException unanswered(String channel) {
    return SubscriptionRefusal.UNAVAILABLE.of(
        channel, "Could not subscribe to " + channel + ": the cluster did not answer; try again");
  }
}
