package dev.herald.example.restaurant.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.herald.BroadcastEvent;
import dev.herald.Channel;
import dev.herald.example.restaurant.orders.Order;
import dev.herald.example.restaurant.orders.OrderStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An order moved on its timeline. The customer, the restaurant and the assigned driver hear of it;
 * an order that became ready without a driver goes to every driver in {@code offeredTo}, as an
 * offer.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OrderStatusUpdated(
    long orderId,
    String orderNumber,
    OrderStatus previousStatus,
    OrderStatus newStatus,
    long customerId,
    long restaurantBranchId,
    Long driverId,
    Instant estimatedDeliveryTime,
    Instant timestamp,
    String version,
    @JsonIgnore List<Long> offeredTo)
    implements BroadcastEvent {

  /** The event for {@code order}, which was {@code previous}, offered to {@code drivers}. */
  public static OrderStatusUpdated of(
      Order order,
      OrderStatus previous,
      Instant estimatedDeliveryTime,
      Instant now,
      List<Long> drivers) {
    return new OrderStatusUpdated(
        order.id(),
        order.number(),
        previous,
        order.status(),
        order.customerId(),
        order.restaurantId(),
        order.driverId(),
        estimatedDeliveryTime,
        now,
        "1.0",
        List.copyOf(drivers));
  }

  @Override
  public List<Channel> broadcastOn() {
    List<Channel> channels = new ArrayList<>();
    channels.add(ChannelNames.customer(customerId));
    channels.add(ChannelNames.restaurant(restaurantBranchId));
    if (driverId != null) {
      channels.add(ChannelNames.driver(driverId));
    } else {
      offeredTo.forEach(driver -> channels.add(ChannelNames.driver(driver)));
    }
    return channels;
  }
}
