package dev.herald.server.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.pusher.PusherJson;
import dev.herald.server.app.App;
import dev.herald.server.app.RateLimiter;
import dev.herald.server.broker.Broker;
import dev.herald.server.broker.Message;
import dev.herald.server.lifecycle.LifecycleEvent;
import dev.herald.server.lifecycle.LifecycleListener;
import dev.herald.server.protocol.ConnectionState.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * {@code client-*} events (protocol reference §1.8): allowed per app, only on private or presence
 * channels the sender is subscribed to, at most N per second, never echoed to the sender, stamped
 * with {@code user_id} on presence channels. Runs on the connection's loop.
 */
final class ClientEvents {
  private final Broker broker;
  private final LifecycleListener events;
  private final Clock clock;

  ClientEvents(Broker broker, LifecycleListener events, Clock clock) {
    this.broker = broker;
    this.events = events;
    this.clock = clock;
  }

  void trigger(Connection conn, ClientFrame frame) {
    App app = conn.app();
    String event = frame.event();
    String channel = frame.channel();
    if (!app.clientEvents()) {
      throw reject("Client events are disabled for this app");
    }
    if (channel == null) {
      throw reject("Client event " + event + " needs a channel");
    }
    Subscription subscription = conn.state().subscriptions.get(channel);
    if (subscription == null || !subscription.isConfirmed()) {
      throw reject(
          "Cannot broadcast client event (connection not subscribed to channel " + channel + ")");
    }
    if (!subscription.type().allowsClientEvents()) {
      throw reject(
          "Client events are only allowed on private- and presence- channels, not " + channel);
    }
    if (event.length() > app.limits().maxEventNameLength()) {
      throw reject(
          "Client event name is "
              + event.length()
              + " characters; the limit is "
              + app.limits().maxEventNameLength());
    }
    ConnectionState state = conn.state();
    long now = clock.millis();
    if (state.clientEvents == null) {
      state.clientEvents = new RateLimiter(app.limits().clientEventsPerSecond(), now);
    }
    if (!state.clientEvents.tryAcquire(now)) {
      throw PusherException.reject(
          PusherError.CLIENT_EVENT_RATE_LIMIT,
          "Client event rejected due to rate limit ("
              + app.limits().clientEventsPerSecond()
              + " per second)");
    }
    int dataBytes =
        frame.data() == null
            ? 0
            : PusherJson.string(frame.data()).getBytes(StandardCharsets.UTF_8).length;
    if (dataBytes > app.limits().maxEventPayloadBytes()) {
      throw reject(
          "Client event data is "
              + dataBytes
              + " bytes; the limit is "
              + app.limits().maxEventPayloadBytes());
    }
    String userId = subscription.member() == null ? null : subscription.member().userId();
    // A client event without data is relayed with {} so that receivers whose SDKs expect data
    // (pusher-java-client throws on a missing one) can read it.
    JsonNode data = frame.data() == null ? PusherJson.mapper().createObjectNode() : frame.data();
    byte[] json = PusherJson.clientEvent(event, channel, data, userId);
    broker.publish(new Message(app.id(), channel, json, conn.socketId()));
    events.on(
        new LifecycleEvent.ClientEventSent(
            app.id(), channel, event, dataText(data), conn.socketId(), userId, now));
  }

  /** The data as webhooks carry it: a string as is, anything else as JSON text. */
  private static String dataText(JsonNode data) {
    return data.isTextual() ? data.asText() : PusherJson.string(data);
  }

  private static PusherException reject(String message) {
    return PusherException.reject(PusherError.INVALID_MESSAGE, message);
  }
}
