package dev.herald.example.restaurant.orders;

import dev.herald.example.restaurant.events.DeliveryStatusChanged;
import dev.herald.example.restaurant.events.DriverLocationUpdated;
import dev.herald.example.restaurant.events.KitchenOrderUpdated;
import dev.herald.example.restaurant.events.NewOrderPlaced;
import dev.herald.example.restaurant.events.OrderStatusUpdated;
import dev.herald.example.restaurant.people.DemoUser;
import dev.herald.example.restaurant.people.DemoUsers;
import dev.herald.example.restaurant.people.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * What happens to orders: placed by a customer, cooked by the kitchen, taken, driven and delivered
 * by a driver. Each step changes the database and publishes the seed's events, which the starter
 * broadcasts once the transaction commits (and never if it rolls back).
 */
@Service
public class OrderService {
  private final Orders orders;
  private final CityMap map;
  private final DemoUsers users;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  OrderService(
      Orders orders, CityMap map, DemoUsers users, ApplicationEventPublisher events, Clock clock) {
    this.orders = orders;
    this.map = map;
    this.users = users;
    this.events = events;
    this.clock = clock;
  }

  /** A customer orders {@code quantities} (menu item id → how many) from a restaurant. */
  @Transactional
  public Order place(
      DemoUser customer, long restaurantId, Map<Long, Integer> quantities, String note) {
    if (customer.role() != Role.CUSTOMER) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only customers place orders");
    }
    Restaurant restaurant = restaurant(restaurantId);
    List<OrderItem> items = new ArrayList<>();
    for (MenuItem dish : restaurant.menu()) {
      int quantity = quantities.getOrDefault(dish.id(), 0);
      if (quantity > 0) {
        items.add(new OrderItem(dish.id(), dish.name(), Math.min(quantity, 20), dish.price()));
      }
    }
    if (items.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "the order has no dishes");
    }
    Instant now = clock.instant();
    String instructions = note == null ? "" : note.strip();
    long id =
        orders.insert(
            customer.customerId(),
            customer.name(),
            restaurantId,
            items,
            instructions.substring(0, Math.min(instructions.length(), 200)),
            now);
    Order order = find(id);
    events.publishEvent(NewOrderPlaced.of(order, map, now));
    events.publishEvent(KitchenOrderUpdated.of(order, "created", map, now));
    return order;
  }

  /** The kitchen moves an order on: placed → preparing → ready (then it is offered to drivers). */
  @Transactional
  public Order advanceInKitchen(DemoUser staff, long orderId) {
    Order before = find(orderId);
    if (!staff.worksAt(before.restaurantId())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "not your restaurant's order");
    }
    OrderStatus next =
        before
            .status()
            .nextInKitchen()
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.CONFLICT, before.number() + " has left the kitchen"));
    orders.updateStatus(orderId, next);
    Order order = find(orderId);
    Instant now = clock.instant();
    List<Long> offeredTo = next == OrderStatus.READY ? users.driverIds() : List.of();
    events.publishEvent(
        OrderStatusUpdated.of(order, before.status(), estimatedDelivery(order), now, offeredTo));
    events.publishEvent(KitchenOrderUpdated.of(order, "status_changed", map, now));
    return order;
  }

  /** A driver takes an order that is ready and nobody has taken. */
  @Transactional
  public Order accept(DemoUser driver, long orderId) {
    requireDriver(driver);
    Order before = find(orderId);
    if (before.status() != OrderStatus.READY
        || !orders.assign(orderId, driver.driverId(), driver.name())) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, before.number() + " is not free");
    }
    Order order = find(orderId);
    Instant now = clock.instant();
    events.publishEvent(DeliveryStatusChanged.of(order, before.deliveryStatus(), null, now));
    events.publishEvent(KitchenOrderUpdated.of(order, "driver_assigned", map, now));
    return order;
  }

  /** The driver collects the order: it is out for delivery. */
  @Transactional
  public Order pickUp(DemoUser driver, long orderId) {
    Order before = ownDelivery(driver, orderId, DeliveryStatus.ASSIGNED);
    orders.updateStatus(orderId, OrderStatus.OUT_FOR_DELIVERY);
    orders.updateDelivery(orderId, DeliveryStatus.PICKED_UP);
    orders.moveDriver(orderId, map.restaurant(before.restaurantId()).location());
    Order order = find(orderId);
    Instant now = clock.instant();
    events.publishEvent(DeliveryStatusChanged.of(order, before.deliveryStatus(), now, now));
    events.publishEvent(
        OrderStatusUpdated.of(order, before.status(), estimatedDelivery(order), now, List.of()));
    events.publishEvent(KitchenOrderUpdated.of(order, "picked_up", map, now));
    return order;
  }

  /** The driver of an order out for delivery is at {@code location}. */
  @Transactional
  public void moveDriver(DemoUser driver, long orderId, DriverLocationUpdated.Location location) {
    Order order = ownDelivery(driver, orderId, DeliveryStatus.PICKED_UP);
    GeoPoint here = new GeoPoint(location.latitude(), location.longitude());
    orders.moveDriver(orderId, here);
    double blocks = map.blocksBetween(here, map.home(order.customerId()));
    long minutes = Math.round(blocks);
    String eta = minutes < 1 ? "arriving" : minutes + (minutes == 1 ? " minute" : " minutes");
    events.publishEvent(DriverLocationUpdated.of(order, location, eta, clock.instant()));
  }

  /** The driver handed the order over. */
  @Transactional
  public Order deliver(DemoUser driver, long orderId) {
    Order before = ownDelivery(driver, orderId, DeliveryStatus.PICKED_UP);
    orders.updateStatus(orderId, OrderStatus.DELIVERED);
    orders.updateDelivery(orderId, DeliveryStatus.DELIVERED);
    Order order = find(orderId);
    Instant now = clock.instant();
    events.publishEvent(DeliveryStatusChanged.of(order, before.deliveryStatus(), null, now));
    events.publishEvent(OrderStatusUpdated.of(order, before.status(), now, now, List.of()));
    return order;
  }

  /** When the order should be at the door: placed, cooked, then a minute a block. */
  public Instant estimatedDelivery(Order order) {
    Restaurant restaurant = restaurant(order.restaurantId());
    double blocks = map.blocksBetween(restaurant.location(), map.home(order.customerId()));
    return order
        .createdAt()
        .plus(Duration.ofMinutes(order.estimatedPreparationMinutes(map) + Math.round(blocks)));
  }

  private Order ownDelivery(DemoUser driver, long orderId, DeliveryStatus expected) {
    requireDriver(driver);
    Order order = find(orderId);
    if (order.driverId() == null || order.driverId() != driver.driverId().longValue()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "not your delivery");
    }
    if (order.deliveryStatus() != expected) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, order.number() + " is " + order.deliveryStatus().wire());
    }
    return order;
  }

  private static void requireDriver(DemoUser user) {
    if (user.role() != Role.DRIVER) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only drivers deliver");
    }
  }

  private Restaurant restaurant(long id) {
    try {
      return map.restaurant(id);
    } catch (NoSuchElementException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
    }
  }

  private Order find(long id) {
    return orders
        .find(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no order " + id));
  }
}
