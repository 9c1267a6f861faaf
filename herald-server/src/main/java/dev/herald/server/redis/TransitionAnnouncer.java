package dev.herald.server.redis;

import dev.herald.pusher.PusherJson;
import dev.herald.server.app.App;
import dev.herald.server.app.AppRegistry;
import dev.herald.server.broker.Message;
import dev.herald.server.lifecycle.LifecycleEvent;
import dev.herald.server.lifecycle.LifecycleListener;
import dev.herald.server.presence.Watchlists;
import dev.herald.server.redis.Counter.Kind;
import java.time.Clock;
import java.util.List;

/**
 * Tells everyone about counters that crossed zero outside the protocol's own flow: when a dead
 * node's members and subscribers are reaped ({@code member_removed}, {@code channel_vacated}, users
 * going offline), and when a node puts its share back after Redis forgot it. The reaping node is
 * the only one that sees a given transition, so each is announced once for the cluster.
 *
 * <p>What a node changed while Redis could not hear it was told to its own clients (and webhooks)
 * at once; the other nodes' clients are told later by {@link #catchUp}.
 */
final class TransitionAnnouncer {
  private final RedisBroker broker;
  private final RedisLedger ledger;
  private final LifecycleListener events;
  private final AppRegistry apps;
  private final Clock clock;

  TransitionAnnouncer(
      RedisBroker broker,
      RedisLedger ledger,
      LifecycleListener events,
      AppRegistry apps,
      Clock clock) {
    this.broker = broker;
    this.ledger = ledger;
    this.events = events;
    this.apps = apps;
    this.clock = clock;
  }

  /**
   * Announces {@code transitions}; a counter that rose is announced only when {@code announceRises}
   * (this node was taken for dead: everyone was told its members left). A counter this node changed
   * while Redis could not hear it is left to {@link #catchUp} otherwise.
   */
  void announce(List<Transition> transitions, boolean announceRises) {
    long now = clock.millis();
    for (Transition t : transitions) {
      if (!t.announced() && !announceRises) {
        continue;
      }
      if (t.rose() && announceRises) {
        rose(t, now);
      } else if (!t.rose()) {
        fell(t.counter(), now);
      }
    }
  }

  /**
   * Tells the other nodes' clients about the members who joined or left, and the users who signed
   * in or out, on this node while Redis could not hear it. This node's clients and webhooks were
   * told at the time. Run once Redis has heard of them again, and late enough that the other nodes
   * listen again and have put their own shares back: a member who left here is gone only if no node
   * counts them.
   */
  void catchUp(List<CatchUp> catchUps) {
    for (CatchUp catchUp : catchUps) {
      Counter c = catchUp.counter();
      boolean counted = ledger.localCount(c) > 0;
      if (c.kind() == Kind.OCCUPANCY || counted == catchUp.heardBefore()) {
        continue; // no client message, or nothing the others missed
      }
      if (counted) {
        if (catchUp.roseInResync()) {
          joinedElsewhere(c, ledger.localInfo(c));
        }
      } else {
        ledger
            .clusterCount(c)
            .thenAccept(
                count -> {
                  if (count == 0 && ledger.localCount(c) == 0) {
                    leftElsewhere(c);
                  }
                });
      }
    }
  }

  private void joinedElsewhere(Counter c, String info) {
    if (c.kind() == Kind.PRESENCE) {
      broker.publishElsewhere(
          new Message(
              c.appId(),
              c.channel(),
              PusherJson.memberAdded(c.channel(), c.field(), RedisPresenceStore.parse(info)),
              null));
    } else {
      watchersElsewhere(c, true);
    }
  }

  private void leftElsewhere(Counter c) {
    if (c.kind() == Kind.PRESENCE) {
      broker.publishElsewhere(
          new Message(
              c.appId(), c.channel(), PusherJson.memberRemoved(c.channel(), c.field()), null));
    } else {
      watchersElsewhere(c, false);
    }
  }

  private void watchersElsewhere(Counter c, boolean online) {
    if (watchlists(c.appId())) {
      broker.publishElsewhere(
          new Message(
              c.appId(),
              Watchlists.channel(c.field()),
              Watchlists.change(c.field(), online),
              null));
    }
  }

  private boolean watchlists(String appId) {
    return apps.findById(appId).map(App::features).map(f -> f.watchlistEvents()).orElse(false);
  }

  private void rose(Transition t, long now) {
    Counter c = t.counter();
    if (t.comeback()) {
      ledger.comeback(c); // before the arrival event: the webhooks report neither
    }
    switch (c.kind()) {
      case OCCUPANCY -> events.on(new LifecycleEvent.ChannelOccupied(c.appId(), c.channel(), now));
      case PRESENCE -> {
        broker.publish(
            new Message(
                c.appId(),
                c.channel(),
                PusherJson.memberAdded(c.channel(), c.field(), RedisPresenceStore.parse(t.info())),
                null));
        events.on(new LifecycleEvent.MemberAdded(c.appId(), c.channel(), c.field(), now));
      }
      case ONLINE -> watchers(c, true);
    }
  }

  private void fell(Counter c, long now) {
    ledger.tookComeback(c); // a comeback never reported is stale now
    switch (c.kind()) {
      case OCCUPANCY -> events.on(new LifecycleEvent.ChannelVacated(c.appId(), c.channel(), now));
      case PRESENCE -> {
        broker.publish(
            new Message(
                c.appId(), c.channel(), PusherJson.memberRemoved(c.channel(), c.field()), null));
        events.on(new LifecycleEvent.MemberRemoved(c.appId(), c.channel(), c.field(), now));
      }
      case ONLINE -> watchers(c, false);
    }
  }

  private void watchers(Counter c, boolean online) {
    if (watchlists(c.appId())) {
      broker.publish(
          new Message(
              c.appId(),
              Watchlists.channel(c.field()),
              Watchlists.change(c.field(), online),
              null));
    }
  }
}
