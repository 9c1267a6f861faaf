package dev.herald.spring;

import dev.herald.BroadcastEvent;
import java.util.Objects;

/**
 * An event to broadcast to everyone but the client that caused it: publish this instead of the
 * event itself. {@link #of(BroadcastEvent)} takes the socket id from the {@code X-Socket-ID} header
 * of the current request (pusher-js apps and Laravel Echo send it with the app's own requests), so
 * the sender, which already updated its page, does not hear its own change.
 *
 * <pre>{@code
 * events.publishEvent(BroadcastToOthers.of(new OrderShipped(order.id())));
 * }</pre>
 *
 * @param event the event
 * @param socketId the connection to leave out, or null to send to everyone
 */
public record BroadcastToOthers(BroadcastEvent event, String socketId) {
  /** The event is required. */
  public BroadcastToOthers {
    Objects.requireNonNull(event, "event");
  }

  /**
   * Leaves out the socket of the current request's {@code X-Socket-ID} header; outside a request,
   * or without a valid header, the event goes to everyone.
   */
  public static BroadcastToOthers of(BroadcastEvent event) {
    return new BroadcastToOthers(event, CurrentSocket.id().orElse(null));
  }
}
