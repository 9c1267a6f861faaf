package dev.herald.example.restaurant.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.herald.BroadcastEvent;
import dev.herald.Channel;
import dev.herald.example.restaurant.orders.CityMap;
import dev.herald.example.restaurant.orders.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A customer placed an order: the restaurant, the customer and the kitchen display hear of it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NewOrderPlaced(
    long orderId,
    String orderNumber,
    long customerId,
    String customerName,
    long restaurantBranchId,
    BigDecimal totalAmount,
    String orderType,
    int estimatedPreparationTime,
    int itemsCount,
    String specialInstructions,
    Instant timestamp,
    String version)
    implements BroadcastEvent {

  /** The event for {@code order}, just placed. */
  public static NewOrderPlaced of(Order order, CityMap map, Instant now) {
    return new NewOrderPlaced(
        order.id(),
        order.number(),
        order.customerId(),
        order.customerName(),
        order.restaurantId(),
        order.totalAmount(),
        "delivery",
        order.estimatedPreparationMinutes(map),
        order.itemsCount(),
        order.specialInstructions(),
        now,
        "1.0");
  }

  @Override
  public List<Channel> broadcastOn() {
    return List.of(
        ChannelNames.restaurant(restaurantBranchId),
        ChannelNames.customer(customerId),
        ChannelNames.kitchen(restaurantBranchId));
  }
}
