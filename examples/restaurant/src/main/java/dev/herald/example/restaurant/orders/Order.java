package dev.herald.example.restaurant.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order as stored: who ordered what where, how far the kitchen and the driver are.
 *
 * @param id the order id ({@code order.{id}} channel)
 * @param number what people say: {@code ORD-0007}
 * @param customerId who ordered
 * @param customerName their name, for the kitchen display
 * @param restaurantId where from
 * @param items what
 * @param totalAmount the sum of the items
 * @param specialInstructions the customer's note, or empty
 * @param status the tracker's status
 * @param deliveryStatus the driver's status
 * @param driverId the assigned driver, or null
 * @param driverName their name, or null
 * @param driverLocation where the driver last was, or null
 * @param createdAt when it was placed
 */
public record Order(
    long id,
    String number,
    long customerId,
    String customerName,
    long restaurantId,
    List<OrderItem> items,
    BigDecimal totalAmount,
    String specialInstructions,
    OrderStatus status,
    DeliveryStatus deliveryStatus,
    Long driverId,
    String driverName,
    GeoPoint driverLocation,
    Instant createdAt) {

  /** How long the kitchen needs: the longest dish. */
  public int estimatedPreparationMinutes(CityMap map) {
    return map.restaurant(restaurantId).menu().stream()
        .filter(dish -> items.stream().anyMatch(item -> item.id() == dish.id()))
        .mapToInt(MenuItem::preparationMinutes)
        .max()
        .orElse(10);
  }

  /** How many dishes in all. */
  public int itemsCount() {
    return items.stream().mapToInt(OrderItem::quantity).sum();
  }

  static String number(long id) {
    return String.format("ORD-%04d", id);
  }
}
