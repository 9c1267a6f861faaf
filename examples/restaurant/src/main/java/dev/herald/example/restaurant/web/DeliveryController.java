package dev.herald.example.restaurant.web;

import dev.herald.example.restaurant.events.DriverLocationUpdated;
import dev.herald.example.restaurant.orders.CityMap;
import dev.herald.example.restaurant.orders.OrderService;
import dev.herald.example.restaurant.orders.Orders;
import dev.herald.example.restaurant.people.DemoUser;
import dev.herald.example.restaurant.people.DemoUsers;
import dev.herald.example.restaurant.people.Role;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The driver app: offers, the driver's deliveries, and each step of one. */
@RestController
class DeliveryController {
  private final OrderService service;
  private final Orders orders;
  private final DemoUsers users;
  private final CityMap map;

  DeliveryController(OrderService service, Orders orders, DemoUsers users, CityMap map) {
    this.service = service;
    this.orders = orders;
    this.users = users;
    this.map = map;
  }

  record Deliveries(List<OrderView> offers, List<OrderView> mine) {}

  record Position(double latitude, double longitude, double speed, double heading) {}

  @GetMapping("/api/deliveries")
  Deliveries deliveries(Principal principal) {
    DemoUser driver = driver(principal);
    return new Deliveries(
        orders.awaitingDriver().stream().map(this::view).toList(),
        orders.deliveriesOf(driver.driverId()).stream().map(this::view).toList());
  }

  @PostMapping("/api/deliveries/{orderId}/accept")
  OrderView accept(Principal principal, @PathVariable long orderId) {
    return view(service.accept(driver(principal), orderId));
  }

  @PostMapping("/api/deliveries/{orderId}/pickup")
  OrderView pickUp(Principal principal, @PathVariable long orderId) {
    return view(service.pickUp(driver(principal), orderId));
  }

  @PostMapping("/api/deliveries/{orderId}/location")
  ResponseEntity<Void> location(
      Principal principal, @PathVariable long orderId, @RequestBody Position position) {
    service.moveDriver(
        driver(principal),
        orderId,
        new DriverLocationUpdated.Location(
            position.latitude(), position.longitude(), 10, position.speed(), position.heading()));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/deliveries/{orderId}/deliver")
  OrderView deliver(Principal principal, @PathVariable long orderId) {
    return view(service.deliver(driver(principal), orderId));
  }

  private DemoUser driver(Principal principal) {
    DemoUser user = users.require(principal);
    if (user.role() != Role.DRIVER) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "sign in as a driver");
    }
    return user;
  }

  private OrderView view(dev.herald.example.restaurant.orders.Order order) {
    return OrderView.of(order, map, service);
  }
}
