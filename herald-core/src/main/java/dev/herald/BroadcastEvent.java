package dev.herald;

import java.util.List;

/**
 * An application event that is broadcast to channels, the Java form of Laravel's {@code
 * ShouldBroadcast}. Implement {@link #broadcastOn()}; the rest have defaults:
 *
 * <pre>{@code
 * public record OrderShipped(long orderId, String carrier) implements BroadcastEvent {
 *   public List<Channel> broadcastOn() {
 *     return List.of(Channel.privateChannel("orders." + orderId));
 *   }
 * }
 * broadcaster.broadcast(new OrderShipped(42, "DHL"));
 * // subscribers of private-orders.42 receive "OrderShipped" with {"orderId":42,"carrier":"DHL"}
 * }</pre>
 *
 * <p>The methods are called on the thread that calls {@link Broadcaster#broadcast(BroadcastEvent)},
 * once each, before that call returns; they should be quick and must not block.
 */
public interface BroadcastEvent {
  /** The channels the event goes to: at least one. */
  List<Channel> broadcastOn();

  /**
   * The event name subscribers bind to. Default: the simple class name, e.g. {@code OrderShipped}.
   */
  default String broadcastAs() {
    return getClass().getSimpleName();
  }

  /**
   * The payload, serialized to JSON by Jackson to become the event's {@code data}. Default: the
   * event itself (a record's components, a class's getters). Return a smaller object (an id and a
   * "refetch" hint) when the event carries more than subscribers need: the payload must fit the
   * broadcaster's limit (10 KB by default). A {@code JsonNode} is written as is.
   */
  default Object broadcastWith() {
    return this;
  }

  /** Whether to broadcast at all; when false nothing is sent. Default: true. */
  default boolean broadcastWhen() {
    return true;
  }
}
