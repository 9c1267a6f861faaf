package dev.herald.example.restaurant.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.herald.BroadcastEvent;
import dev.herald.Channel;
import dev.herald.example.restaurant.orders.DeliveryStatus;
import dev.herald.example.restaurant.orders.Order;
import java.time.Instant;
import java.util.List;

/** A driver took, picked up or delivered an order: the customer, restaurant and driver hear. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeliveryStatusChanged(
    long orderId,
    String orderNumber,
    long driverId,
    String driverName,
    DeliveryStatus previousStatus,
    DeliveryStatus newStatus,
    long customerId,
    long restaurantBranchId,
    Instant pickupTime,
    Instant timestamp,
    String version)
    implements BroadcastEvent {

  /** The event for {@code order} (which has a driver), which was {@code previous}. */
  public static DeliveryStatusChanged of(
      Order order, DeliveryStatus previous, Instant pickupTime, Instant now) {
    return new DeliveryStatusChanged(
        order.id(),
        order.number(),
        order.driverId(),
        order.driverName(),
        previous,
        order.deliveryStatus(),
        order.customerId(),
        order.restaurantId(),
        pickupTime,
        now,
        "1.0");
  }

  @Override
  public List<Channel> broadcastOn() {
    return List.of(
        ChannelNames.customer(customerId),
        ChannelNames.restaurant(restaurantBranchId),
        ChannelNames.driver(driverId));
  }
}
