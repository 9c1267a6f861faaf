package dev.herald.server.monitor;

import dev.herald.server.lifecycle.LifecycleEvent;
import dev.herald.server.lifecycle.LifecycleListener;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A live view of what happens in each app on this node, for {@code herald monitor} and the debug
 * console: connections opened and closed (with the close code and reason), subscriptions, channels
 * occupied and vacated, presence members, client events and events published through the API.
 *
 * <p>{@link #subscribe} starts watching one app; the viewer is told when events wait and drains
 * them from its {@link MonitorSubscription}, which buffers at most {@code capacity} events and
 * drops the oldest beyond (saying how many). A viewer only ever sees the app it subscribed to.
 *
 * <p>Costs nothing when nobody watches: {@link #on} and {@link #apiEvent} read one volatile count
 * and return, with no allocation and no lock; with viewers of other apps only, they add one
 * lock-free map lookup. Called on the event loops; never blocks. Thread-safe.
 */
public final class MonitorFeed implements LifecycleListener {
  /** Events buffered per viewer unless said otherwise. */
  public static final int DEFAULT_CAPACITY = 1_000;

  private static final MonitorSubscription[] NONE = {};

  private final int capacity;
  private final Clock clock;
  private final ConcurrentHashMap<String, MonitorSubscription[]> viewers =
      new ConcurrentHashMap<>();
  private volatile int viewerCount;

  /** A feed that buffers {@link #DEFAULT_CAPACITY} events per viewer, timed by {@code clock}. */
  public MonitorFeed(Clock clock) {
    this(DEFAULT_CAPACITY, clock);
  }

  /**
   * @param capacity events buffered per viewer before the oldest are dropped
   * @param clock the time of API events
   */
  public MonitorFeed(int capacity, Clock clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
    this.clock = clock;
  }

  /**
   * Starts showing {@code appId}'s events to {@code viewer}, from now on. Close the returned
   * subscription to stop.
   */
  public MonitorSubscription subscribe(String appId, MonitorViewer viewer) {
    MonitorSubscription subscription = new MonitorSubscription(this, appId, viewer, capacity);
    synchronized (this) {
      MonitorSubscription[] current = viewers.getOrDefault(appId, NONE);
      MonitorSubscription[] next = Arrays.copyOf(current, current.length + 1);
      next[current.length] = subscription;
      viewers.put(appId, next);
      viewerCount++;
    }
    return subscription;
  }

  /** How many viewers watch {@code appId}. */
  public int viewers(String appId) {
    return viewers.getOrDefault(appId, NONE).length;
  }

  /** How many viewers watch any app. */
  public int viewers() {
    return viewerCount;
  }

  /** Shows a lifecycle event to the viewers of its app, if there are any. */
  @Override
  public void on(LifecycleEvent event) {
    if (viewerCount == 0) {
      return;
    }
    MonitorSubscription[] watching = viewers.get(event.appId());
    if (watching != null) {
      show(watching, MonitorEvents.of(event));
    }
  }

  /**
   * Shows an event published to {@code channel} through the API or the embedded library, if the app
   * has viewers; {@code socketId} is the socket excluded from delivery, or null.
   */
  public void apiEvent(String appId, String channel, String name, String data, String socketId) {
    if (viewerCount == 0) {
      return;
    }
    MonitorSubscription[] watching = viewers.get(appId);
    if (watching != null) {
      show(watching, MonitorEvents.apiEvent(appId, channel, name, data, socketId, clock.millis()));
    }
  }

  /**
   * Shows how a webhook request ended ({@code delivered}, or given up after {@code attempts} with
   * {@code lastAnswer}), if the app has viewers. Called on a webhook delivery thread.
   */
  public void webhook(
      String appId, String host, boolean delivered, int events, int attempts, String lastAnswer) {
    if (viewerCount == 0) {
      return;
    }
    MonitorSubscription[] watching = viewers.get(appId);
    if (watching != null) {
      show(
          watching,
          MonitorEvents.webhook(
              appId, host, delivered, events, attempts, lastAnswer, clock.millis()));
    }
  }

  private static void show(MonitorSubscription[] watching, MonitorEvent event) {
    for (MonitorSubscription subscription : watching) {
      subscription.offer(event);
    }
  }

  /** Forgets a closed subscription. */
  synchronized void remove(MonitorSubscription subscription) {
    MonitorSubscription[] current = viewers.getOrDefault(subscription.appId(), NONE);
    int at = Arrays.asList(current).indexOf(subscription);
    if (at < 0) {
      return;
    }
    if (current.length == 1) {
      viewers.remove(subscription.appId());
    } else {
      MonitorSubscription[] next = new MonitorSubscription[current.length - 1];
      System.arraycopy(current, 0, next, 0, at);
      System.arraycopy(current, at + 1, next, at, current.length - at - 1);
      viewers.put(subscription.appId(), next);
    }
    viewerCount--;
  }
}
