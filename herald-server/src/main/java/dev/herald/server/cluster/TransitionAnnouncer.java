package dev.herald.server.cluster;

import dev.herald.pusher.PusherJson;
import dev.herald.server.app.App;
import dev.herald.server.app.AppRegistry;
import dev.herald.server.broker.Broker;
import dev.herald.server.broker.Message;
import dev.herald.server.cluster.RedisLedger.Counter;
import dev.herald.server.cluster.RedisLedger.Transition;
import dev.herald.server.lifecycle.LifecycleEvent;
import dev.herald.server.lifecycle.LifecycleListener;
import dev.herald.server.presence.RedisPresenceStore;
import dev.herald.server.protocol.Watchlists;
import java.time.Clock;
import java.util.List;

/**
 * Tells everyone about counters that crossed zero outside the protocol's own flow: when a dead
 * node's members and subscribers are reaped ({@code member_removed}, {@code channel_vacated}, users
 * going offline), and when a node puts its share back after Redis forgot it. The reaping node is
 * the only one that sees a given transition, so each is announced once for the cluster.
 */
final class TransitionAnnouncer {
  private final Broker broker;
  private final RedisLedger ledger;
  private final LifecycleListener events;
  private final AppRegistry apps;
  private final Clock clock;

  TransitionAnnouncer(
      Broker broker, RedisLedger ledger, LifecycleListener events, AppRegistry apps, Clock clock) {
    this.broker = broker;
    this.ledger = ledger;
    this.events = events;
    this.apps = apps;
    this.clock = clock;
  }

  /**
   * Announces {@code transitions}; a counter that rose is announced only when {@code announceRises}
   * or when the change that made it never reached Redis (nobody heard of it yet).
   */
  void announce(List<Transition> transitions, boolean announceRises) {
    long now = clock.millis();
    for (Transition t : transitions) {
      if (t.rose() && announceRises || t.rose() && !t.announced()) {
        rose(t, now);
      } else if (!t.rose()) {
        fell(t.counter(), now);
      }
    }
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
    boolean watchlists =
        apps.findById(c.appId()).map(App::features).map(f -> f.watchlistEvents()).orElse(false);
    if (watchlists) {
      broker.publish(
          new Message(
              c.appId(),
              Watchlists.channel(c.field()),
              Watchlists.change(c.field(), online),
              null));
    }
  }
}
