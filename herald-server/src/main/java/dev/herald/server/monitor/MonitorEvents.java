package dev.herald.server.monitor;

import dev.herald.pusher.PusherJson;
import dev.herald.server.lifecycle.LifecycleEvent;
import dev.herald.server.lifecycle.LifecycleEvent.CacheMiss;
import dev.herald.server.lifecycle.LifecycleEvent.ChannelOccupied;
import dev.herald.server.lifecycle.LifecycleEvent.ChannelVacated;
import dev.herald.server.lifecycle.LifecycleEvent.ClientEventSent;
import dev.herald.server.lifecycle.LifecycleEvent.ConnectionClosed;
import dev.herald.server.lifecycle.LifecycleEvent.ConnectionOpened;
import dev.herald.server.lifecycle.LifecycleEvent.MemberAdded;
import dev.herald.server.lifecycle.LifecycleEvent.MemberRemoved;
import dev.herald.server.lifecycle.LifecycleEvent.Subscribed;
import dev.herald.server.lifecycle.LifecycleEvent.SubscriptionCountChanged;
import dev.herald.server.lifecycle.LifecycleEvent.Unsubscribed;
import java.util.LinkedHashMap;
import java.util.Map;

/** How each lifecycle event reads in a monitor: the one place that names the monitor's types. */
final class MonitorEvents {
  private static final String SOCKET_ID = PusherJson.SOCKET_ID;
  private static final String CHANNEL = PusherJson.CHANNEL;

  private MonitorEvents() {}

  static MonitorEvent of(LifecycleEvent event) {
    if (event instanceof ConnectionOpened e) {
      return of(e, "connection_opened", SOCKET_ID, e.socketId());
    } else if (event instanceof ConnectionClosed e) {
      return of(e, "connection_closed", SOCKET_ID, e.socketId(), "reason", e.reason());
    } else if (event instanceof Subscribed e) {
      return of(e, "subscribed", SOCKET_ID, e.socketId(), CHANNEL, e.channel());
    } else if (event instanceof Unsubscribed e) {
      return of(e, "unsubscribed", SOCKET_ID, e.socketId(), CHANNEL, e.channel());
    } else if (event instanceof ChannelOccupied e) {
      return of(e, "channel_occupied", CHANNEL, e.channel());
    } else if (event instanceof ChannelVacated e) {
      return of(e, "channel_vacated", CHANNEL, e.channel());
    } else if (event instanceof MemberAdded e) {
      return of(e, "member_added", CHANNEL, e.channel(), PusherJson.USER_ID, e.userId());
    } else if (event instanceof MemberRemoved e) {
      return of(e, "member_removed", CHANNEL, e.channel(), PusherJson.USER_ID, e.userId());
    } else if (event instanceof ClientEventSent e) {
      return of(
          e,
          "client_event",
          SOCKET_ID,
          e.socketId(),
          CHANNEL,
          e.channel(),
          PusherJson.EVENT,
          e.event(),
          PusherJson.DATA,
          e.data(),
          PusherJson.USER_ID,
          e.userId());
    } else if (event instanceof CacheMiss e) {
      return of(e, "cache_miss", CHANNEL, e.channel());
    } else if (event instanceof SubscriptionCountChanged e) {
      return of(
          e, "subscription_count", CHANNEL, e.channel(), "count", Integer.toString(e.count()));
    }
    // A lifecycle event added later shows under its class name until it is named here.
    return of(event, event.getClass().getSimpleName());
  }

  /** An event published through the HTTP API or the embedded library. */
  static MonitorEvent apiEvent(
      String appId, String channel, String name, String data, String socketId, long timeMillis) {
    return new MonitorEvent(
        appId,
        "api_event",
        timeMillis,
        details(
            CHANNEL, channel, PusherJson.EVENT, name, PusherJson.DATA, data, "except", socketId));
  }

  /** How a webhook request ended. */
  static MonitorEvent webhook(
      String appId,
      String host,
      boolean delivered,
      int events,
      int attempts,
      String lastAnswer,
      long timeMillis) {
    return new MonitorEvent(
        appId,
        delivered ? "webhook_delivered" : "webhook_failed",
        timeMillis,
        details(
            "host",
            host,
            "events",
            Integer.toString(events),
            "attempts",
            Integer.toString(attempts),
            "answer",
            lastAnswer));
  }

  private static MonitorEvent of(LifecycleEvent event, String type, String... keysAndValues) {
    return new MonitorEvent(event.appId(), type, event.timeMillis(), details(keysAndValues));
  }

  private static Map<String, String> details(String... keysAndValues) {
    Map<String, String> details = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      details.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return details;
  }
}
