package dev.herald.spring.shop;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The app's own endpoint that pusher-js pages call with X-Socket-ID. */
@RestController
public class ShopController {
  private final Orders orders;

  public ShopController(Orders orders) {
    this.orders = orders;
  }

  @PostMapping("/orders/{orderId}/ship")
  ResponseEntity<Void> ship(@PathVariable long orderId) {
    orders.shipToOthers(orderId, "DHL");
    return ResponseEntity.noContent().build();
  }
}
