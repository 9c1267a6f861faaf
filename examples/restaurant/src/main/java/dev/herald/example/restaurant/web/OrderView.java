package dev.herald.example.restaurant.web;

import dev.herald.example.restaurant.orders.CityMap;
import dev.herald.example.restaurant.orders.GeoPoint;
import dev.herald.example.restaurant.orders.Order;
import dev.herald.example.restaurant.orders.OrderService;
import dev.herald.example.restaurant.orders.Restaurant;
import java.time.Instant;
import java.util.List;

/**
 * An order as the pages show it: the order, where it comes from and goes to, the driver's route
 * along the streets and when it should arrive.
 */
record OrderView(
    Order order,
    String restaurantName,
    GeoPoint pickup,
    GeoPoint dropoff,
    List<GeoPoint> route,
    Instant estimatedDeliveryTime) {

  static OrderView of(Order order, CityMap map, OrderService service) {
    Restaurant restaurant = map.restaurant(order.restaurantId());
    GeoPoint home = map.home(order.customerId());
    return new OrderView(
        order,
        restaurant.name(),
        restaurant.location(),
        home,
        map.route(restaurant.location(), home),
        service.estimatedDelivery(order));
  }
}
