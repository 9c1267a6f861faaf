package dev.herald.example.restaurant.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.herald.BroadcastEvent;
import dev.herald.Channel;
import dev.herald.example.restaurant.orders.CityMap;
import dev.herald.example.restaurant.orders.Order;
import dev.herald.example.restaurant.orders.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the kitchen display shows of an order changed: it arrived ({@code created}), moved on
 * ({@code status_changed}), got a driver ({@code driver_assigned}) or left with them ({@code
 * picked_up}). For the kitchen and the restaurant's management.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KitchenOrderUpdated(
    long orderId,
    String orderNumber,
    long restaurantBranchId,
    String customerName,
    String updateType,
    int priority,
    OrderStatus status,
    String orderType,
    BigDecimal totalAmount,
    int estimatedPreparationTime,
    List<Item> items,
    String specialInstructions,
    String driverName,
    Instant createdAt,
    Instant timestamp,
    String version)
    implements BroadcastEvent {

  /** A line as the cooks see it. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Item(long id, String name, int quantity, String preparationStatus) {}

  /** The event for {@code order} after an update of {@code type}. */
  public static KitchenOrderUpdated of(Order order, String type, CityMap map, Instant now) {
    String preparation =
        switch (order.status()) {
          case PLACED -> "pending";
          case PREPARING -> "in_progress";
          default -> "done";
        };
    return new KitchenOrderUpdated(
        order.id(),
        order.number(),
        order.restaurantId(),
        order.customerName(),
        type,
        // 1 to 5: the further along, the more it matters that nobody forgets it.
        switch (order.status()) {
          case PLACED -> 3;
          case PREPARING -> 4;
          default -> 5;
        },
        order.status(),
        "delivery",
        order.totalAmount(),
        order.estimatedPreparationMinutes(map),
        order.items().stream()
            .map(item -> new Item(item.id(), item.name(), item.quantity(), preparation))
            .toList(),
        order.specialInstructions(),
        order.driverName(),
        order.createdAt(),
        now,
        "1.0");
  }

  @Override
  public List<Channel> broadcastOn() {
    return List.of(
        ChannelNames.kitchen(restaurantBranchId), ChannelNames.restaurant(restaurantBranchId));
  }
}
