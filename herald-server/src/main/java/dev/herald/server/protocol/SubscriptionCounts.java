package dev.herald.server.protocol;

import dev.herald.pusher.PusherJson;
import dev.herald.server.app.App;
import dev.herald.server.broker.Broker;
import dev.herald.server.broker.Message;
import dev.herald.server.lifecycle.LifecycleEvent.SubscriptionCountChanged;
import dev.herald.server.lifecycle.LifecycleListener;
import dev.herald.server.timer.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Subscription counts of non-presence channels (protocol reference §1.4, §1.12): on every subscribe
 * and unsubscribe, {@code pusher_internal:subscription_count} to the channel (when the app opts in)
 * and a {@link SubscriptionCountChanged} lifecycle event (webhooks). Above {@value #BUSY}
 * subscribers at most one per {@value #BUSY_INTERVAL_MILLIS} ms; the last change in a throttled
 * interval is sent when it ends, so the final count always arrives. Thread-safe.
 */
final class SubscriptionCounts {
  static final int BUSY = 100;
  static final long BUSY_INTERVAL_MILLIS = 5000;

  private final Broker broker;
  private final LifecycleListener events;
  private final Scheduler scheduler;
  private final Clock clock;
  private final ConcurrentHashMap<Key, Throttle> throttles = new ConcurrentHashMap<>();

  SubscriptionCounts(Broker broker, LifecycleListener events, Scheduler scheduler, Clock clock) {
    this.broker = broker;
    this.events = events;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  /** The channel's count changed to {@code count} (the cluster's). */
  void changed(App app, String channel, int count) {
    // Keyed by the app's id: hashing the App record (limits, features, webhooks) on every
    // subscribe showed in a profile of herald-bench S3.
    Key key = new Key(app.id(), channel);
    if (count <= BUSY && !throttles.containsKey(key)) {
      send(app, channel, count);
      return;
    }
    Throttle throttle = throttles.computeIfAbsent(key, k -> new Throttle(app));
    long now = clock.millis();
    synchronized (throttle) {
      throttle.latest = count;
      if (throttle.scheduled) {
        return; // The flush at the end of the interval sends the latest count.
      }
      long wait = throttle.lastSentMillis + BUSY_INTERVAL_MILLIS - now;
      if (wait <= 0) {
        throttle.lastSentMillis = now;
      } else {
        throttle.scheduled = true;
        scheduler.schedule(() -> flush(key, throttle), Duration.ofMillis(wait));
        return;
      }
    }
    send(app, channel, count);
  }

  private void flush(Key key, Throttle throttle) {
    int count;
    synchronized (throttle) {
      count = throttle.latest;
      throttle.scheduled = false;
      throttle.lastSentMillis = clock.millis();
      if (count <= BUSY) {
        throttles.remove(key, throttle); // quiet again: back to sending every change
      }
    }
    send(throttle.app, key.channel, count);
  }

  private void send(App app, String channel, int count) {
    if (app.features().subscriptionCountEvents()) {
      broker.publish(
          new Message(app.id(), channel, PusherJson.subscriptionCount(channel, count), null));
    }
    events.on(new SubscriptionCountChanged(app.id(), channel, count, clock.millis()));
  }

  private record Key(String appId, String channel) {}

  private static final class Throttle {
    final App app;
    long lastSentMillis;
    boolean scheduled;
    int latest;

    Throttle(App app) {
      this.app = app;
    }
  }
}
