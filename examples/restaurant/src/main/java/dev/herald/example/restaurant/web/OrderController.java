package dev.herald.example.restaurant.web;

import dev.herald.example.restaurant.orders.CityMap;
import dev.herald.example.restaurant.orders.Order;
import dev.herald.example.restaurant.orders.OrderService;
import dev.herald.example.restaurant.orders.OrderStatus;
import dev.herald.example.restaurant.orders.Orders;
import dev.herald.example.restaurant.people.DemoUser;
import dev.herald.example.restaurant.people.DemoUsers;
import dev.herald.example.restaurant.people.Role;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Customers place and follow orders; everyone looks at the orders they are part of. */
@RestController
class OrderController {
  private final OrderService service;
  private final Orders orders;
  private final DemoUsers users;
  private final CityMap map;

  OrderController(OrderService service, Orders orders, DemoUsers users, CityMap map) {
    this.service = service;
    this.orders = orders;
    this.users = users;
    this.map = map;
  }

  record NewOrder(long restaurantId, Map<Long, Integer> quantities, String specialInstructions) {}

  @PostMapping("/api/orders")
  OrderView place(Principal principal, @RequestBody NewOrder order) {
    Order placed =
        service.place(
            users.require(principal),
            order.restaurantId(),
            order.quantities() == null ? Map.of() : order.quantities(),
            order.specialInstructions());
    return OrderView.of(placed, map, service);
  }

  /** A customer's orders: one's own, or (admins) any customer's. */
  @GetMapping("/api/orders")
  List<OrderView> ofCustomer(
      Principal principal, @RequestParam(name = "customer", required = false) Long customerId) {
    DemoUser user = users.require(principal);
    long customer = customerId != null ? customerId : ownCustomerId(user);
    if (!user.isCustomer(customer)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "not your orders");
    }
    return orders.ofCustomer(customer).stream()
        .map(order -> OrderView.of(order, map, service))
        .toList();
  }

  @GetMapping("/api/orders/{orderId}")
  OrderView order(Principal principal, @PathVariable long orderId) {
    DemoUser user = users.require(principal);
    Order order =
        orders
            .find(orderId)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such order"));
    // Drivers see what is on offer to them: ready, and nobody has taken it.
    boolean offered =
        user.role() == Role.DRIVER
            && order.status() == OrderStatus.READY
            && order.driverId() == null;
    if (!(user.isCustomer(order.customerId())
        || user.worksAt(order.restaurantId())
        || (order.driverId() != null && user.isDriver(order.driverId()))
        || offered)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "not your order");
    }
    return OrderView.of(order, map, service);
  }

  private static long ownCustomerId(DemoUser user) {
    if (user.customerId() == null) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "say which customer: ?customer=");
    }
    return user.customerId();
  }
}
