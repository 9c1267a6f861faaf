package dev.herald.server.broker;

import dev.herald.pusher.ChannelName;
import dev.herald.pusher.PusherJson;
import dev.herald.server.app.App;
import dev.herald.server.cache.CacheStore;
import dev.herald.server.cache.CachedEvent;
import dev.herald.server.monitor.MonitorFeed;
import java.time.Clock;

/**
 * Publishes a server-side event (HTTP API or embedded library) to one channel: encodes it once,
 * keeps it as the channel's last event when it is a cache channel (protocol reference §1.6), and
 * hands it to the broker. The one path both publishers take. Thread-safe; never blocks.
 */
public final class EventPublisher {
  private final Broker broker;
  private final CacheStore cache;
  private final Clock clock;
  private final MonitorFeed monitor;

  /** A publisher nobody monitors. */
  public EventPublisher(Broker broker, CacheStore cache, Clock clock) {
    this(broker, cache, clock, new MonitorFeed(clock));
  }

  /** A publisher that shows what it publishes to {@code monitor}'s viewers. */
  public EventPublisher(Broker broker, CacheStore cache, Clock clock, MonitorFeed monitor) {
    this.broker = broker;
    this.cache = cache;
    this.clock = clock;
    this.monitor = monitor;
  }

  /** Publishes {@code name} with {@code data} to {@code channel}, excluding {@code socketId}. */
  public void publish(App app, String channel, String name, String data, String socketId) {
    byte[] json = PusherJson.channelEvent(name, channel, data, null);
    if (ChannelName.isCache(channel)) {
      long now = clock.millis();
      long expires = now + app.features().cacheTtl().toMillis();
      cache.put(app.id(), channel, new CachedEvent(json, data, expires), now);
    }
    broker.publish(new Message(app.id(), channel, json, socketId));
    monitor.apiEvent(app.id(), channel, name, data, socketId);
  }
}
