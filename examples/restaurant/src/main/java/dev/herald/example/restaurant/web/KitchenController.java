package dev.herald.example.restaurant.web;

import dev.herald.example.restaurant.orders.CityMap;
import dev.herald.example.restaurant.orders.OrderService;
import dev.herald.example.restaurant.orders.Orders;
import dev.herald.example.restaurant.people.DemoUser;
import dev.herald.example.restaurant.people.DemoUsers;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The kitchen display's board and its one button: move the order on. */
@RestController
class KitchenController {
  private final OrderService service;
  private final Orders orders;
  private final DemoUsers users;
  private final CityMap map;

  KitchenController(OrderService service, Orders orders, DemoUsers users, CityMap map) {
    this.service = service;
    this.orders = orders;
    this.users = users;
    this.map = map;
  }

  @GetMapping("/api/kitchens/{restaurantId}/orders")
  List<OrderView> board(Principal principal, @PathVariable long restaurantId) {
    DemoUser user = users.require(principal);
    if (!user.worksAt(restaurantId)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "not your kitchen");
    }
    return orders.inKitchen(restaurantId).stream()
        .map(order -> OrderView.of(order, map, service))
        .toList();
  }

  @PostMapping("/api/orders/{orderId}/advance")
  OrderView advance(Principal principal, @PathVariable long orderId) {
    return OrderView.of(service.advanceInKitchen(users.require(principal), orderId), map, service);
  }
}
